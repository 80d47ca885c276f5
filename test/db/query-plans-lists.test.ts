// The attempt lists, filters, exports, trends and coverage read through the indexes meant for them, and every index
// is used by some query: asserted on the index named in EXPLAIN QUERY PLAN.

import { sql } from 'drizzle-orm'
import { beforeEach, describe, expect, test } from 'vitest'
import { cohortAttempts, cohortCoverage, findUsableInvite, listCohorts } from '../../db/cohorts'
import {
  answerLoopQuestion,
  attemptCountsByPrompt,
  attemptCountsByPromptOf,
  findAttempt,
  findLoop,
  findStory,
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
import { insertPlannedAttempts, plansOn } from './query-plan-capture'
import { readOf, tableReads, tableScans } from './query-plan-reads'

const temp = useTempDb()
const plansOf = (fn: () => unknown) => plansOn(temp.db, fn)

describe('query plans of the query functions', () => {
  beforeEach(() => insertPlannedAttempts(temp.db))

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
})
