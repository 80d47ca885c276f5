// Every query function reads through the index meant for it: asserted on the index named in EXPLAIN QUERY PLAN.

import type { Statement } from 'better-sqlite3'
import { sql } from 'drizzle-orm'
import { beforeEach, describe, expect, test } from 'vitest'
import { cohortAttempts, cohortCoverage, findUsableInvite, listCohorts } from '../../db/cohorts'
import {
  answerLoopQuestion,
  attemptCountsByPrompt,
  attemptCountsByPromptOf,
  backfillAreaScores,
  findAttempt,
  findLoop,
  findStory,
  insertAttempts,
  insertLoop,
  listAttempts,
  listAttemptsInFull,
  listFollowUps,
  listLoops,
  listReplacedReports,
  listStories,
  listStoryVersions,
  loopOfAttempt,
  practiceByArea,
  practiceByAreaOf,
  trends,
  trendWindow,
} from '../../db/index'
import { consumeRateLimit } from '../../db/rate-limits'
import { DAY, MON, report, useTempDb } from './helpers'
import { readOf, tableReads, tableScans } from './query-plan-reads'

const temp = useTempDb()

describe('query plans of the query functions', () => {
  /** Runs `fn` and answers EXPLAIN QUERY PLAN, with the same parameters, of every SELECT it ran. */
  function plansOf(fn: () => unknown): string[] {
    const client = temp.db.$client
    const prepare = client.prepare.bind(client)
    const plans: string[] = []
    const record = (text: string, params: unknown[]) => {
      if (/total_changes|max\(created_at\)/.test(text)) return
      const rows = prepare(`EXPLAIN QUERY PLAN ${text}`).all(...params) as { detail: string }[]
      plans.push(rows.map((r) => r.detail).join('\n'))
    }
    const spied = ((text: string) => {
      const statement = prepare(text)
      if (!/^\s*(select|with|delete)\b/i.test(text)) return statement
      const proxy: Statement = new Proxy(statement, {
        get(target, key) {
          const value = Reflect.get(target, key) as unknown
          if (typeof value !== 'function') return value
          if (key === 'raw' || key === 'pluck') {
            return (...args: unknown[]) => {
              value.apply(target, args)
              return proxy
            }
          }
          if (key === 'all' || key === 'get' || key === 'iterate' || key === 'run') {
            return (...args: unknown[]) => {
              record(text, args)
              return value.apply(target, args)
            }
          }
          return value.bind(target)
        },
      })
      return proxy
    }) as typeof client.prepare
    client.prepare = spied
    try {
      fn()
    } finally {
      client.prepare = prepare as typeof client.prepare
    }
    return plans
  }

  beforeEach(() => {
    // Enough rows (1,200, one batch) that insertAttempts refreshes the planner's statistics, as at scale.
    const rows = Array.from({ length: 1200 }, (_, i) => ({
      promptId: `prompt-${i % 12}`,
      answer: `answer ${i}`,
      tags: i % 3 === 0 ? ['ownership', 'dive-deep'] : [`area-${i % 7}`],
      report: report((i * 37) % 101, i % 2 === 0 ? 'ownership' : 'dive-deep'),
      createdAt: MON + i * 3_600_000,
    }))
    // Each area scores the answer differently, as each area's rubric would.
    insertAttempts(
      temp.db,
      rows.map((r, i) => ({
        ...r,
        areaScores: r.tags.map((rubricId, k) => ({
          rubricId,
          score: (i * 37 + k * 13) % 101,
          band: r.report.band,
        })),
      })),
    )
  })

  test('the tag filter walks attempt_tags by (tag, created_at) and looks up only the attempts of the page', () => {
    const [plan, ...rest] = plansOf(() =>
      listAttempts(temp.db, { tag: 'ownership', minScore: 60, from: MON + 10 * DAY }, { limit: 50 }),
    )
    expect(rest).toEqual([])
    expect(readOf(plan!, 'attempt_tags')).toMatchObject({
      seek: true,
      covering: true,
      index: 'attempt_tags_tag_created_idx',
    })
    expect(readOf(plan!, 'attempts')).toMatchObject({ seek: true, byRowid: true })
    expect(tableReads(plan!).map((r) => r.table)).toEqual(['attempt_tags', 'attempts'])
    expect(plan).not.toMatch(/TEMP B-TREE/)
    // The next page continues from the cursor inside the same index range: still one seek, no sort.
    const next = plansOf(() =>
      listAttempts(
        temp.db,
        { tag: 'ownership' },
        { limit: 50, after: { createdAt: MON + 20 * DAY, id: 400 } },
      ),
    )
    expect(next).toHaveLength(1)
    expect(readOf(next[0]!, 'attempt_tags')).toMatchObject({
      seek: true,
      covering: true,
      index: 'attempt_tags_tag_created_idx',
    })
    expect(readOf(next[0]!, 'attempts')).toMatchObject({ seek: true, byRowid: true })
    expect(next[0]).not.toMatch(/TEMP B-TREE/)
  })

  test('a tag filter sorted by score walks attempt_tags by (tag, score, created_at) without sorting', () => {
    for (const order of ['asc', 'desc'] as const) {
      const plans = plansOf(() =>
        listAttempts(
          temp.db,
          { tag: 'dive-deep', from: MON },
          { limit: 20, sort: 'score', order, after: { score: 50, createdAt: MON + DAY, id: 30 } },
        ),
      )
      expect(plans).toHaveLength(1)
      const [plan] = plans as [string]
      expect(tableReads(plan).map((r) => r.table)).toEqual(['attempt_tags', 'attempts'])
      expect(readOf(plan, 'attempt_tags')).toMatchObject({
        seek: true,
        covering: true,
        index: 'attempt_tags_tag_score_idx',
      })
      expect(readOf(plan, 'attempts')).toMatchObject({ seek: true, byRowid: true })
      expect(plan).not.toMatch(/TEMP B-TREE/)
    }
  })

  test('every list, filter, export, trend and coverage query reads through an index', () => {
    const filters = [
      {},
      { tag: 'ownership' },
      { tag: 'ownership', promptId: 'prompt-3' },
      { tag: 'ownership', minScore: 60, maxScore: 90, from: MON + DAY, to: MON + 30 * DAY },
      { promptId: 'prompt-3' },
      { rubricId: 'dive-deep', from: MON + DAY },
      { minScore: 60 },
      { from: MON + 5 * DAY + 1, to: MON + 9 * DAY },
    ]
    /** The table and index each filter's list is driven from. */
    const expected: [string, RegExp][] = [
      ['attempts', /^attempts_created_idx$/],
      ['attempt_tags', /^attempt_tags_tag_created_idx$/],
      ['attempt_tags', /^attempt_tags_tag_created_idx$/],
      ['attempt_tags', /^attempt_tags_tag_created_idx$/],
      ['attempts', /^attempts_prompt_created_idx$/],
      ['attempts', /^attempts_rubric_created_idx$/],
      ['attempts', /^attempts_(score|created)_idx$/],
      ['attempts', /^attempts_created_idx$/],
    ]
    filters.forEach((f, i) => {
      const calls: [string, () => unknown][] = [
        ['list', () => listAttempts(temp.db, f, { limit: 20 })],
        ['list by score', () => listAttempts(temp.db, f, { limit: 20, sort: 'score', order: 'asc' })],
        ['export', () => listAttemptsInFull(temp.db, f, { limit: 20 })],
        ['day trends', () => trends(temp.db, trendWindow(temp.db, f, 'day'), 'day').overall],
        ['week trends', () => trends(temp.db, trendWindow(temp.db, f, 'week'), 'week').criteria],
      ]
      for (const [name, call] of calls) {
        const plans = plansOf(call)
        expect(plans.length, `${name} ${JSON.stringify(f)}`).toBeGreaterThan(0)
        for (const plan of plans) {
          expect(tableScans(plan), `${name} ${JSON.stringify(f)}\n${plan}`).toEqual([])
          expect(
            tableReads(plan).some((r) => r.index !== undefined || r.byRowid),
            `${name} ${JSON.stringify(f)}\n${plan}`,
          ).toBe(true)
        }
        if (name === 'list') {
          const [table, index] = expected[i]!
          const [first] = tableReads(plans[0]!)
          expect(first?.table, JSON.stringify(f)).toBe(table)
          expect(first?.index, JSON.stringify(f)).toMatch(index)
        }
        if (name === 'list' && f.tag !== undefined && f.promptId !== undefined) {
          // The prompt is checked on the page's attempts, looked up by id.
          expect(readOf(plans[0]!, 'attempts')).toMatchObject({ seek: true, byRowid: true })
        }
      }
    })
    // Unfiltered trends (whole days) read the daily rollup by its primary key.
    // (A window the loop above did not ask for, so the answer is not already cached.)
    const wholeDays = { from: (Math.floor(MON / DAY) + 1) * DAY }
    const rollupPlans = plansOf(() => trends(temp.db, wholeDays, 'day'))
    expect(rollupPlans.length).toBeGreaterThan(0)
    for (const plan of rollupPlans) {
      expect(tableReads(plan).map((r) => r.table)).toEqual(['trend_days'])
      // The primary key's index: SQLite names it sqlite_autoindex_<table>_<n>.
      expect(readOf(plan, 'trend_days')).toMatchObject({
        seek: true,
        index: expect.stringMatching(/^sqlite_autoindex_trend_days_/),
      })
    }
    // Coverage and the per-prompt counts: seeks and walks of covering indexes, never the attempts table.
    const aggregatePlans = [
      ...plansOf(() => practiceByArea(temp.db)),
      ...plansOf(() => attemptCountsByPrompt(temp.db)),
    ]
    expect(aggregatePlans.length).toBeGreaterThan(0)
    for (const plan of aggregatePlans) {
      expect(tableScans(plan), plan).toEqual([])
      const walks = tableReads(plan).filter(
        (r) =>
          ['attempts', 'attempt_tags', 'attempt_area_scores', 'a', 't', 's', 'b'].includes(r.table) &&
          !r.seek &&
          !r.covering,
      )
      expect(walks, plan).toEqual([])
    }
  })

  test('no index is left that no query uses', () => {
    const indexes = temp.db
      .all<{ name: string }>(
        sql`SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_autoindex%' ORDER BY name`,
      )
      .map((r) => r.name)
    expect(indexes).not.toContain('attempts_facts_idx')
    expect(indexes).not.toContain('attempt_criteria_criterion_idx')
    const used = new Set<string>()
    const everything = () => {
      for (const f of [{}, { tag: 'ownership' }, { promptId: 'p' }, { rubricId: 'r' }, { minScore: 1 }]) {
        listAttempts(temp.db, f, { limit: 5 })
        listAttempts(temp.db, f, { limit: 5, sort: 'score' })
        listAttemptsInFull(temp.db, f, { limit: 5 })
        trends(temp.db, { ...f, from: 1 }, 'day')
      }
      practiceByArea(temp.db)
      findAttempt(temp.db, 1)
      listReplacedReports(temp.db, 1)
      listFollowUps(temp.db, 1)
      loopOfAttempt(temp.db, 1)
      findLoop(temp.db, 1)
      listLoops(temp.db, { limit: 5, after: { createdAt: MON, id: 1 } })
      answerLoopQuestion(
        temp.db,
        1,
        'p',
        { promptId: 'p', answer: 'a', tags: [], report: report(1), createdAt: MON },
        undefined,
      )
      practiceByArea(temp.db)
      findAttempt(temp.db, 1)
      listReplacedReports(temp.db, 1)
      listStories(temp.db)
      findStory(temp.db, 1)
      listStoryVersions(temp.db, 1)
      // Team mode: one account's rows, and cohorts.
      listAttempts(temp.db, { ownerId: 'u' }, { limit: 5 })
      trends(temp.db, { ownerId: 'u', from: 1 }, 'day')
      practiceByAreaOf(temp.db, 'u')
      attemptCountsByPromptOf(temp.db, 'u')
      listLoops(temp.db, { limit: 5, ownerId: 'u' })
      listStories(temp.db, 'u')
      findUsableInvite(temp.db, 'hash', 1)
      consumeRateLimit(temp.db, '127.0.0.1/sign-in/email', { windowMs: 60_000, max: 5 }, MON)
      listCohorts(temp.db, 'u')
      cohortAttempts(temp.db, 1)
      cohortCoverage(temp.db, 1)
      // The lookups better-auth's adapter makes on its tables: a session by token and by account, an account by
      // email, sign-in methods by account, verification values by identifier.
      const client = temp.db.$client
      client.prepare('SELECT * FROM sessions WHERE token = ?').get('t')
      client.prepare('SELECT * FROM sessions WHERE user_id = ?').all('u')
      client.prepare('SELECT * FROM users WHERE email = ?').get('e')
      client.prepare('SELECT * FROM accounts WHERE user_id = ?').all('u')
      client.prepare('SELECT * FROM verifications WHERE identifier = ?').all('i')
    }
    insertLoop(temp.db, {
      seed: 's',
      principles: [],
      createdAt: MON,
      questions: [{ promptId: 'p', rubricId: 'r' }],
    })
    for (const plan of plansOf(everything)) for (const m of plan.matchAll(/INDEX (\w+)/g)) used.add(m[1]!)
    expect(indexes.filter((name) => !used.has(name))).toEqual([])
  })

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
