// The per-area scores (coverage, trends by area, re-scoring, back-filling) are read through the indexes meant for
// them: asserted on the index named in EXPLAIN QUERY PLAN.

import { beforeEach, describe, expect, test } from 'vitest'
import { backfillAreaScores, practiceByArea, trends } from '../../db/index'
import { DAY, MON, useTempDb } from './helpers'
import { insertPlannedAttempts, plansOn } from './query-plan-capture'
import { readOf, tableReads, tableScans } from './query-plan-reads'

const temp = useTempDb()
const plansOf = (fn: () => unknown) => plansOn(temp.db, fn)

describe('query plans of the query functions', () => {
  beforeEach(() => insertPlannedAttempts(temp.db))

  test('coverage reads per-area scores through their indexes: seeks for the best and the latest', () => {
    const plans = plansOf(() => practiceByArea(temp.db))
    expect(plans).toHaveLength(1)
    const [plan] = plans as [string]
    const reads = tableReads(plan)
    // Only attempt_area_scores (the first area directly, then as s and b) and the best attempts (as a) are read,
    // besides the query's own common table expressions.
    expect(new Set(reads.map((r) => r.table))).toEqual(
      new Set(['attempt_area_scores', 's', 'b', 'a', 'areas', 'r']),
    )
    const areaReads = reads.filter((r) => r.table === 's' || r.table === 'attempt_area_scores')
    for (const r of areaReads) expect(r, plan).toMatchObject({ seek: true, covering: true })
    expect(new Set(areaReads.map((r) => r.index))).toEqual(
      new Set(['attempt_area_scores_area_created_idx', 'attempt_area_scores_area_score_idx']),
    )
    // The best attempt's band: one row by primary key, then the attempt itself by id.
    expect(readOf(plan, 'b')).toMatchObject({
      seek: true,
      index: expect.stringMatching(/^sqlite_autoindex_attempt_area_scores_/),
    })
    expect(readOf(plan, 'a')).toMatchObject({ seek: true, byRowid: true })
    // The only sort is of the answer's few rows (one per area), by area.
    expect(plan.match(/TEMP B-TREE/g)).toHaveLength(1)
    // The area's best and its latest attempts are each one seek in index order, with no sort.
    const explain = (text: string) =>
      temp.db.$client
        .prepare(`EXPLAIN QUERY PLAN ${text}`)
        .all()
        .map((r) => (r as { detail: string }).detail)
        .join('\n')
    const best =
      explain(`SELECT attempt_id FROM attempt_area_scores s WHERE s.rubric_id = 't' AND s.score = 90
      ORDER BY s.created_at, s.attempt_id LIMIT 1`)
    expect(readOf(best, 's')).toMatchObject({
      seek: true,
      covering: true,
      index: 'attempt_area_scores_area_score_idx',
    })
    const latest = explain(`SELECT s.score FROM attempt_area_scores s WHERE s.rubric_id = 't'
      ORDER BY s.created_at DESC, s.attempt_id DESC LIMIT 5`)
    expect(readOf(latest, 's')).toMatchObject({
      seek: true,
      covering: true,
      index: 'attempt_area_scores_area_created_idx',
    })
    for (const p of [best, latest]) expect(p).not.toMatch(/TEMP B-TREE/)
  })

  test('trends by area read attempt_area_scores first, by the area; attempts only for a prompt filter', () => {
    for (const [filters, readsAttempts] of [
      [{ tag: 'ownership' }, false],
      [{ tag: 'ownership', minScore: 40, maxScore: 90, from: MON + DAY, to: MON + 30 * DAY }, false],
      [{ tag: 'ownership', promptId: 'prompt-3' }, true],
    ] as const) {
      const plans = plansOf(() => trends(temp.db, filters, 'week'))
      expect(plans, JSON.stringify(filters)).toHaveLength(2)
      for (const plan of plans) {
        // Either of the area's indexes holds the area's range with its times and scores.
        expect(readOf(plan, 'attempt_area_scores')).toMatchObject({
          seek: true,
          covering: true,
          index: expect.stringMatching(/^attempt_area_scores_area_(created|score)_idx$/),
        })
        expect(tableReads(plan)[0]?.table, plan).toBe('attempt_area_scores')
        expect(
          tableReads(plan).some((r) => r.table === 'attempts'),
          plan,
        ).toBe(readsAttempts)
        if (readsAttempts) expect(readOf(plan, 'attempts')).toMatchObject({ seek: true, byRowid: true })
        expect(tableScans(plan), plan).toEqual([])
      }
      // The criteria of each attempt under the area's rubric come from its per-area criterion rows' index alone;
      // the criteria of its own report are not read.
      expect(readOf(plans[1]!, 'attempt_area_criteria')).toMatchObject({
        seek: true,
        covering: true,
        index: 'attempt_area_criteria_scores_idx',
      })
      expect(plans[1]).not.toMatch(/\battempt_criteria\b/)
    }
  })

  test("a re-score and a delete reach an attempt's per-area rows by the primary key", () => {
    const plan = temp.db.$client
      .prepare('EXPLAIN QUERY PLAN DELETE FROM attempt_area_scores WHERE attempt_id = ?')
      .all(1)
      .map((r) => (r as { detail: string }).detail)
      .join('\n')
    expect(readOf(plan, 'attempt_area_scores')).toMatchObject({
      seek: true,
      index: expect.stringMatching(/^sqlite_autoindex_attempt_area_scores_/),
    })
  })

  test('a back-fill batch reads the queue from its start and each attempt and its tags by key', () => {
    temp.db.$client.exec('INSERT INTO area_score_backfill (attempt_id) SELECT id FROM attempts WHERE id <= 3')
    const plans = plansOf(() =>
      backfillAreaScores(temp.db, (a) => a.tags.map((rubricId) => ({ rubricId, score: 1, band: a.band }))),
    )
    expect(plans.length).toBeGreaterThan(1)
    for (const plan of plans) expect(tableScans(plan), plan).toEqual([])
    const batch = plans.find((p) => tableReads(p).some((r) => r.table === 'q'))!
    // The queue is walked from its start in key (rowid) order, so there is no sort and only the batch is read
    // (LIMIT); each queued attempt is looked up by id.
    expect(readOf(batch, 'q')).toMatchObject({ seek: false, index: undefined })
    expect(readOf(batch, 'a')).toMatchObject({ seek: true, byRowid: true })
    expect(batch).not.toMatch(/TEMP B-TREE/)
    const tags = plans.find((p) => tableReads(p).some((r) => r.table === 'attempt_tags'))!
    expect(readOf(tags, 'attempt_tags')).toMatchObject({ seek: true, covering: true })
  })
})
