// Every index is read the way it is meant to be: asserted on the index named in EXPLAIN QUERY PLAN.

import { sql } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { useTempDb } from './helpers'
import { readOf, tableScans } from './query-plan-reads'

const temp = useTempDb()

describe('indexes', () => {
  const plan = (query: ReturnType<typeof sql>) =>
    temp.db
      .all<{ detail: string }>(sql`EXPLAIN QUERY PLAN ${query}`)
      .map((r) => r.detail)
      .join('\n')

  test('every list and filter query is answered from an index, not a table scan', () => {
    const newest = 'ORDER BY created_at DESC, id DESC LIMIT 20'
    expect(readOf(plan(sql`SELECT id FROM attempts ${sql.raw(newest)}`), 'attempts').index).toBe(
      'attempts_created_idx',
    )
    expect(
      readOf(plan(sql`SELECT id FROM attempts WHERE prompt_id = 'p' ${sql.raw(newest)}`), 'attempts'),
    ).toMatchObject({ seek: true, index: 'attempts_prompt_created_idx' })
    expect(
      readOf(plan(sql`SELECT id FROM attempts WHERE rubric_id = 'r' ${sql.raw(newest)}`), 'attempts'),
    ).toMatchObject({ seek: true, index: 'attempts_rubric_created_idx' })
    expect(
      readOf(plan(sql`SELECT attempt_id FROM attempt_tags WHERE tag = 't'`), 'attempt_tags'),
    ).toMatchObject({
      seek: true,
      covering: true,
      index: expect.stringMatching(/^attempt_tags_tag_(created|score)_idx$/),
    })
    expect(
      readOf(
        plan(sql`SELECT id FROM attempts ORDER BY score DESC, created_at DESC, id DESC LIMIT 20`),
        'attempts',
      ).index,
    ).toBe('attempts_score_created_idx')
    expect(
      readOf(
        plan(
          sql`SELECT id FROM attempts WHERE (score, created_at, id) > (50, 0, 3) ORDER BY score, created_at, id LIMIT 20`,
        ),
        'attempts',
      ),
    ).toMatchObject({ seek: true, covering: true, index: 'attempts_score_created_idx' })
    // Coverage: an area's best attempt and its latest attempts are seeks in attempt_tags alone.
    const best = plan(
      sql`SELECT attempt_id FROM attempt_tags WHERE tag = 't' AND score = 90 ORDER BY created_at, attempt_id LIMIT 1`,
    )
    expect(readOf(best, 'attempt_tags')).toMatchObject({
      seek: true,
      covering: true,
      index: 'attempt_tags_tag_score_idx',
    })
    const latest = plan(
      sql`SELECT score FROM attempt_tags WHERE tag = 't' ORDER BY created_at DESC, attempt_id DESC LIMIT 5`,
    )
    expect(readOf(latest, 'attempt_tags')).toMatchObject({
      seek: true,
      covering: true,
      index: 'attempt_tags_tag_created_idx',
    })
    // Neither sorts: the index gives the order.
    for (const p of [best, latest]) expect(p).not.toMatch(/TEMP B-TREE/)
    expect(
      readOf(
        plan(sql`SELECT * FROM attempt_reports WHERE attempt_id = 1 ORDER BY scored_at`),
        'attempt_reports',
      ),
    ).toMatchObject({ seek: true, index: 'attempt_reports_attempt_idx' })
    expect(
      readOf(plan(sql`SELECT * FROM attempt_criteria WHERE attempt_id = 1`), 'attempt_criteria'),
    ).toMatchObject({ seek: true, index: expect.any(String) })
  })

  test('the plan reader tells an index read from a table scan', () => {
    // The reader itself: a table read with no index must be reported, or the assertions above prove nothing.
    const scan = plan(sql`SELECT id FROM attempts WHERE answer = 'x'`)
    expect(tableScans(scan).map((r) => r.table)).toEqual(['attempts'])
    expect(readOf(plan(sql`SELECT * FROM attempts WHERE id = 1`), 'attempts')).toMatchObject({
      seek: true,
      byRowid: true,
      index: undefined,
    })
  })
})
