// The database layer against a real SQLite file: migrations, pragmas, one-transaction writes, SQL aggregates, indexes.

import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import Database, { type Statement } from 'better-sqlite3'
import { sql } from 'drizzle-orm'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import {
  attemptCountsByPrompt,
  closeDb,
  createDb,
  criterionTrends,
  type Db,
  deleteAttempt,
  findAttempt,
  insertAttempt,
  insertAttempts,
  listAttempts,
  listAttemptsInFull,
  listReplacedReports,
  practiceByArea,
  replaceAttemptReport,
  type StorableReport,
  scoreTrends,
  trendWindow,
} from '../../db/index'

const DAY = 86_400_000
const MON = Date.parse('2025-03-03T09:00:00Z') // a Monday

function report(
  score: number,
  rubricId = 'ownership',
  criteria?: StorableReport['criteria'],
): StorableReport {
  return {
    rubricId,
    rubricHash: `hash-${rubricId}`,
    engineVersion: '1.0.0',
    score,
    band: score >= 80 ? { id: 'strong', label: 'Strong' } : { id: 'weak', label: 'Needs work' },
    criteria: criteria ?? [
      { id: 'star-structure', score: score / 5, max: 20, status: 'partial' },
      {
        id: 'measurable-result',
        score: score >= 50 ? 10 : 0,
        max: 10,
        status: score >= 50 ? 'met' : 'missed',
      },
    ],
  }
}

let dir: string
let db: Db

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'starboard-db-'))
  db = createDb(join(dir, 'nested', 'starboard.db'))
})

afterEach(() => {
  closeDb(db)
  rmSync(dir, { recursive: true, force: true })
})

function add(score: number, createdAt: number, promptId = 'ownership-outside-scope', tags = ['ownership']) {
  return insertAttempt(db, {
    promptId,
    answer: `answer scoring ${score}`,
    tags,
    report: report(score, tags[0]),
    createdAt,
  })
}

describe('createDb', () => {
  test('creates the folder, applies the migrations and sets WAL, foreign keys and a busy timeout', () => {
    const tables = db
      .all<{ name: string }>(sql`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`)
      .map((t) => t.name)
    expect(tables).toEqual(
      expect.arrayContaining(['attempts', 'attempt_criteria', 'attempt_tags', 'attempt_reports']),
    )
    expect(db.$client.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.$client.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(db.$client.pragma('busy_timeout', { simple: true })).toBe(5000)
  })

  test('opening the same file again keeps the data and does not re-run migrations', () => {
    const id = add(70, MON)
    closeDb(db)
    db = createDb(join(dir, 'nested', 'starboard.db'))
    expect(findAttempt(db, id)?.score).toBe(70)
  })
})

describe('storing attempts', () => {
  test('writes the attempt, its per-criterion rows and its tags together', () => {
    const id = insertAttempt(db, {
      promptId: 'ownership-outside-scope',
      answer: 'It, "quoted", went\nwell.',
      durationMs: 61_000,
      tags: ['ownership', 'conflict', 'ownership'],
      report: report(84),
      createdAt: MON,
    })
    const attempt = findAttempt(db, id)!
    expect(attempt).toMatchObject({
      promptId: 'ownership-outside-scope',
      rubricId: 'ownership',
      score: 84,
      bandId: 'strong',
      durationMs: 61_000,
      answer: 'It, "quoted", went\nwell.',
      createdAt: MON,
      scoredAt: MON,
      tags: ['conflict', 'ownership'],
    })
    expect((attempt.report as StorableReport).criteria).toHaveLength(2)
    const criteria = db.all<{ criterion_id: string }>(
      sql`SELECT criterion_id FROM attempt_criteria WHERE attempt_id = ${id} ORDER BY criterion_id`,
    )
    expect(criteria.map((c) => c.criterion_id)).toEqual(['measurable-result', 'star-structure'])
  })

  test('a failure part-way stores nothing: the transaction rolls back', () => {
    const duplicate = report(50, 'ownership', [
      { id: 'same', score: 1, max: 2, status: 'partial' },
      { id: 'same', score: 1, max: 2, status: 'partial' },
    ])
    expect(() =>
      insertAttempt(db, {
        promptId: 'p',
        answer: 'a',
        tags: ['ownership'],
        report: duplicate,
        createdAt: MON,
      }),
    ).toThrow()
    expect(db.get<{ n: number }>(sql`SELECT count(*) AS n FROM attempts`)?.n).toBe(0)
    expect(db.get<{ n: number }>(sql`SELECT count(*) AS n FROM attempt_tags`)?.n).toBe(0)
  })

  test('deleting an attempt removes its criteria, tags and old reports', () => {
    const id = add(40, MON)
    replaceAttemptReport(db, id, { report: report(60), tags: ['ownership'], scoredAt: MON + DAY })
    expect(deleteAttempt(db, id)).toBe(true)
    expect(deleteAttempt(db, id)).toBe(false)
    for (const table of ['attempt_criteria', 'attempt_tags', 'attempt_reports']) {
      expect(db.get<{ n: number }>(sql`SELECT count(*) AS n FROM ${sql.identifier(table)}`)?.n).toBe(0)
    }
  })
})

describe('re-scoring', () => {
  test('the new report becomes current and the old one is kept with when it was made and replaced', () => {
    const id = add(40, MON)
    const replaced = replaceAttemptReport(db, id, {
      report: report(75),
      tags: ['ownership', 'pressure'],
      scoredAt: MON + DAY,
    })
    expect(replaced).toMatchObject({ score: 40, scoredAt: MON, replacedAt: MON + DAY })
    const attempt = findAttempt(db, id)!
    expect(attempt).toMatchObject({
      score: 75,
      scoredAt: MON + DAY,
      createdAt: MON,
      tags: ['ownership', 'pressure'],
    })
    const history = listReplacedReports(db, id)
    expect(history.map((h) => h.score)).toEqual([40])
    expect((history[0]!.report as StorableReport).score).toBe(40)
    // Trends read the criteria of the current report.
    const [point] = criterionTrends(db, { rubricId: 'ownership' }, 'day').filter(
      (p) => p.criterionId === 'star-structure',
    )
    expect(point?.average).toBe(75) // 15 of 20 points
    expect(replaceAttemptReport(db, 999, { report: report(1), tags: [], scoredAt: MON })).toBeUndefined()
  })
})

describe('listing attempts', () => {
  test('newest first, in pages that follow each other without gaps or repeats', () => {
    const ids = [10, 20, 30, 40, 50].map((s, i) => add(s, MON + i * 1000))
    // Two attempts in the same millisecond are ordered by id.
    const same = add(60, MON + 4000)
    const seen: number[] = []
    let after: { createdAt: number; id: number } | undefined
    for (;;) {
      const page = listAttempts(db, {}, { limit: 2, after })
      seen.push(...page.attempts.map((a) => a.id))
      if (!page.more) break
      const last = page.attempts[page.attempts.length - 1]!
      after = { createdAt: last.createdAt, id: last.id }
    }
    expect(seen).toEqual([same, ...ids.slice().reverse()])
  })

  test('filters by prompt, rubric, tag, date range and score range, all together', () => {
    add(30, MON, 'ownership-outside-scope', ['ownership', 'conflict'])
    add(70, MON + DAY, 'ownership-outside-scope', ['ownership', 'conflict'])
    add(90, MON + 2 * DAY, 'conflict-disagreement', ['conflict'])
    add(50, MON + 3 * DAY, 'pressure-deadline', ['pressure'])
    const scores = (filters: Parameters<typeof listAttempts>[1]) =>
      listAttempts(db, filters, { limit: 50 }).attempts.map((a) => a.score)
    expect(scores({})).toEqual([50, 90, 70, 30])
    expect(scores({ promptId: 'ownership-outside-scope' })).toEqual([70, 30])
    expect(scores({ rubricId: 'conflict' })).toEqual([90])
    expect(scores({ tag: 'conflict' })).toEqual([90, 70, 30])
    expect(scores({ from: MON + DAY, to: MON + 2 * DAY })).toEqual([90, 70])
    expect(scores({ minScore: 50, maxScore: 70 })).toEqual([50, 70])
    expect(scores({ tag: 'conflict', minScore: 60, to: MON + DAY })).toEqual([70])
  })

  test('summary rows carry an excerpt and the answer length, not the report', () => {
    insertAttempt(db, {
      promptId: 'p',
      answer: 'x'.repeat(500),
      tags: [],
      report: report(10),
      createdAt: MON,
    })
    const [row] = listAttempts(db, {}, { limit: 1 }).attempts
    expect(row?.excerpt).toHaveLength(160)
    expect(row?.answerLength).toBe(500)
    expect(row).not.toHaveProperty('report')
    expect(listAttemptsInFull(db, {}, { limit: 1 })[0]?.answer).toHaveLength(500)
  })
})

describe('aggregates', () => {
  test('score trends per day and per week (weeks start on Monday, UTC)', () => {
    add(40, MON) // Mon 3 Mar
    add(60, MON + 3600_000) // Mon 3 Mar
    add(90, MON + 6 * DAY) // Sun 9 Mar: same week
    add(20, MON + 7 * DAY) // Mon 10 Mar: next week
    expect(scoreTrends(db, {}, 'day')).toEqual([
      { period: '2025-03-03', attempts: 2, average: 50 },
      { period: '2025-03-09', attempts: 1, average: 90 },
      { period: '2025-03-10', attempts: 1, average: 20 },
    ])
    expect(scoreTrends(db, {}, 'week')).toEqual([
      { period: '2025-03-03', attempts: 3, average: 63.33 },
      { period: '2025-03-10', attempts: 1, average: 20 },
    ])
  })

  test('criterion trends average the percentage of each criterion’s maximum', () => {
    add(40, MON) // star-structure 8/20 = 40%, measurable-result 0/10
    add(70, MON + 1000) // star-structure 14/20 = 70%, measurable-result 10/10
    expect(criterionTrends(db, {}, 'day')).toEqual([
      { criterionId: 'measurable-result', period: '2025-03-03', attempts: 2, average: 50 },
      { criterionId: 'star-structure', period: '2025-03-03', attempts: 2, average: 55 },
    ])
  })

  test('practice per area: attempts, best (earliest wins a tie), average of the latest five', () => {
    const scores = [50, 80, 80, 10, 20, 30, 40, 60]
    const ids = scores.map((s, i) =>
      add(s, MON + i * 1000, 'ownership-outside-scope', ['ownership', 'conflict']),
    )
    add(95, MON, 'conflict-disagreement', ['conflict'])
    const practice = practiceByArea(db)
    expect(practice).toEqual([
      {
        tag: 'conflict',
        attempts: 9,
        best: 95,
        bestAttemptId: ids.length + 1,
        bestBandId: 'strong',
        bestBandLabel: 'Strong',
        recentAverage: 32, // 10, 20, 30, 40, 60
        lastPractisedAt: MON + 7000,
      },
      {
        tag: 'ownership',
        attempts: 8,
        best: 80,
        bestAttemptId: ids[1],
        bestBandId: 'strong',
        bestBandLabel: 'Strong',
        recentAverage: 32,
        lastPractisedAt: MON + 7000,
      },
    ])
    expect(attemptCountsByPrompt(db)).toEqual(
      new Map([
        ['conflict-disagreement', 1],
        ['ownership-outside-scope', 8],
      ]),
    )
  })
})

describe('indexes', () => {
  const plan = (query: ReturnType<typeof sql>) =>
    db
      .all<{ detail: string }>(sql`EXPLAIN QUERY PLAN ${query}`)
      .map((r) => r.detail)
      .join('\n')

  test('every list and filter query is answered from an index, not a table scan', () => {
    expect(plan(sql`SELECT id FROM attempts ORDER BY created_at DESC, id DESC LIMIT 20`)).toMatch(
      /attempts_created_idx/,
    )
    expect(
      plan(sql`SELECT id FROM attempts WHERE prompt_id = 'p' ORDER BY created_at DESC, id DESC LIMIT 20`),
    ).toMatch(/attempts_prompt_created_idx/)
    expect(
      plan(sql`SELECT id FROM attempts WHERE rubric_id = 'r' ORDER BY created_at DESC, id DESC LIMIT 20`),
    ).toMatch(/attempts_rubric_created_idx/)
    expect(plan(sql`SELECT attempt_id FROM attempt_tags WHERE tag = 't'`)).toMatch(
      /COVERING INDEX attempt_tags_tag_(created|score)_idx/,
    )
    expect(plan(sql`SELECT id FROM attempts ORDER BY score DESC, created_at DESC, id DESC LIMIT 20`)).toMatch(
      /attempts_score_created_idx/,
    )
    expect(
      plan(
        sql`SELECT id FROM attempts WHERE (score, created_at, id) > (50, 0, 3) ORDER BY score, created_at, id LIMIT 20`,
      ),
    ).toMatch(/SEARCH attempts USING COVERING INDEX attempts_score_created_idx/)
    // Coverage: an area's best attempt and its latest attempts are seeks in attempt_tags alone.
    expect(
      plan(
        sql`SELECT attempt_id FROM attempt_tags WHERE tag = 't' AND score = 90 ORDER BY created_at, attempt_id LIMIT 1`,
      ),
    ).toMatch(/SEARCH attempt_tags USING COVERING INDEX attempt_tags_tag_score_idx \(tag=\? AND score=\?\)$/)
    expect(
      plan(
        sql`SELECT score FROM attempt_tags WHERE tag = 't' ORDER BY created_at DESC, attempt_id DESC LIMIT 5`,
      ),
    ).toMatch(/^SEARCH attempt_tags USING COVERING INDEX attempt_tags_tag_created_idx \(tag=\?\)$/)
    expect(plan(sql`SELECT * FROM attempt_reports WHERE attempt_id = 1 ORDER BY scored_at`)).toMatch(
      /attempt_reports_attempt_idx/,
    )
    expect(plan(sql`SELECT * FROM attempt_criteria WHERE attempt_id = 1`)).toMatch(
      /USING (PRIMARY KEY|INDEX)/,
    )
  })
})

describe('query plans of the query functions', () => {
  /** Runs `fn` and answers EXPLAIN QUERY PLAN, with the same parameters, of every SELECT it ran. */
  function plansOf(fn: () => unknown): string[] {
    const client = db.$client
    const prepare = client.prepare.bind(client)
    const plans: string[] = []
    const record = (text: string, params: unknown[]) => {
      if (/total_changes|max\(created_at\)/.test(text)) return
      const rows = prepare(`EXPLAIN QUERY PLAN ${text}`).all(...params) as { detail: string }[]
      plans.push(rows.map((r) => r.detail).join('\n'))
    }
    const spied = ((text: string) => {
      const statement = prepare(text)
      if (!/^\s*(select|with)\b/i.test(text)) return statement
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
          if (key === 'all' || key === 'get' || key === 'iterate') {
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

  /** A table read without an index: SCAN of the table itself rather than of one of its indexes. */
  const tableScan = /^SCAN (attempts|attempt_tags|attempt_criteria|attempt_reports|trend_days|a|t)$/m

  beforeEach(() => {
    // Enough rows (1,200, one batch) that insertAttempts refreshes the planner's statistics, as at scale.
    const rows = Array.from({ length: 1200 }, (_, i) => ({
      promptId: `prompt-${i % 12}`,
      answer: `answer ${i}`,
      tags: i % 3 === 0 ? ['ownership', 'dive-deep'] : [`area-${i % 7}`],
      report: report((i * 37) % 101, i % 2 === 0 ? 'ownership' : 'dive-deep'),
      createdAt: MON + i * 3_600_000,
    }))
    insertAttempts(db, rows)
  })

  test('the tag filter walks attempt_tags by (tag, created_at) and looks up only the attempts of the page', () => {
    const [plan, ...rest] = plansOf(() =>
      listAttempts(db, { tag: 'ownership', minScore: 60, from: MON + 10 * DAY }, { limit: 50 }),
    )
    expect(rest).toEqual([])
    expect(plan).toBe(
      'SEARCH attempt_tags USING COVERING INDEX attempt_tags_tag_created_idx (tag=? AND created_at>?)\n' +
        'SEARCH attempts USING INTEGER PRIMARY KEY (rowid=?)',
    )
    // The next page continues from the cursor inside the same index range.
    expect(
      plansOf(() =>
        listAttempts(db, { tag: 'ownership' }, { limit: 50, after: { createdAt: MON + 20 * DAY, id: 400 } }),
      ),
    ).toEqual([
      'SEARCH attempt_tags USING COVERING INDEX attempt_tags_tag_created_idx (tag=? AND (created_at,attempt_id)<(?,?))\n' +
        'SEARCH attempts USING INTEGER PRIMARY KEY (rowid=?)',
    ])
  })

  test('a tag filter sorted by score walks attempt_tags by (tag, score, created_at) without sorting', () => {
    for (const order of ['asc', 'desc'] as const) {
      const plans = plansOf(() =>
        listAttempts(
          db,
          { tag: 'dive-deep', from: MON },
          { limit: 20, sort: 'score', order, after: { score: 50, createdAt: MON + DAY, id: 30 } },
        ),
      )
      expect(plans).toHaveLength(1)
      expect(plans[0]).toMatch(
        /^SEARCH attempt_tags USING COVERING INDEX attempt_tags_tag_score_idx \(tag=\? AND \(score,created_at,attempt_id\)[<>]\(\?,\?,\?\)\)\nSEARCH attempts USING INTEGER PRIMARY KEY \(rowid=\?\)$/,
      )
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
    const expected = [
      /attempts_created_idx/,
      /attempt_tags_tag_created_idx/,
      /attempt_tags_tag_created_idx[\s\S]*attempts USING INTEGER PRIMARY KEY/,
      /attempt_tags_tag_created_idx/,
      /attempts_prompt_created_idx/,
      /attempts_rubric_created_idx/,
      /attempts_(score|created)_idx/,
      /attempts_created_idx/,
    ]
    filters.forEach((f, i) => {
      const calls: [string, () => unknown][] = [
        ['list', () => listAttempts(db, f, { limit: 20 })],
        ['list by score', () => listAttempts(db, f, { limit: 20, sort: 'score', order: 'asc' })],
        ['export', () => listAttemptsInFull(db, f, { limit: 20 })],
        ['day trends', () => scoreTrends(db, trendWindow(db, f, 'day'), 'day')],
        ['week trends', () => criterionTrends(db, trendWindow(db, f, 'week'), 'week')],
      ]
      for (const [name, call] of calls) {
        const plans = plansOf(call)
        expect(plans.length, `${name} ${JSON.stringify(f)}`).toBeGreaterThan(0)
        for (const plan of plans) {
          expect(plan, `${name} ${JSON.stringify(f)}`).not.toMatch(tableScan)
          expect(plan, `${name} ${JSON.stringify(f)}`).toMatch(
            / USING (COVERING )?INDEX | USING INTEGER PRIMARY KEY/,
          )
        }
        if (name === 'list') expect(plans[0], JSON.stringify(f)).toMatch(expected[i]!)
      }
    })
    // Unfiltered trends (whole days) read the daily rollup by its primary key.
    for (const plan of plansOf(() => scoreTrends(db, trendWindow(db, {}, 'day'), 'day'))) {
      expect(plan).toMatch(/^SEARCH trend_days USING INDEX sqlite_autoindex_trend_days_1 \(day>\?\)/)
    }
    // Coverage and the per-prompt counts: seeks and index walks, never the attempts table.
    for (const plan of [...plansOf(() => practiceByArea(db)), ...plansOf(() => attemptCountsByPrompt(db))]) {
      expect(plan).not.toMatch(tableScan)
      expect(plan).not.toMatch(/SCAN (attempts|attempt_tags|t|a) USING (INDEX|INTEGER)/)
    }
  })

  test('no index is left that no query uses', () => {
    const indexes = db
      .all<{ name: string }>(
        sql`SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_autoindex%' ORDER BY name`,
      )
      .map((r) => r.name)
    expect(indexes).not.toContain('attempts_facts_idx')
    expect(indexes).not.toContain('attempt_criteria_criterion_idx')
    const used = new Set<string>()
    const everything = () => {
      for (const f of [{}, { tag: 'ownership' }, { promptId: 'p' }, { rubricId: 'r' }, { minScore: 1 }]) {
        listAttempts(db, f, { limit: 5 })
        listAttempts(db, f, { limit: 5, sort: 'score' })
        listAttemptsInFull(db, f, { limit: 5 })
        scoreTrends(db, { ...f, from: 1 }, 'day')
      }
      practiceByArea(db)
      findAttempt(db, 1)
      listReplacedReports(db, 1)
    }
    for (const plan of plansOf(everything)) for (const m of plan.matchAll(/INDEX (\w+)/g)) used.add(m[1]!)
    expect(indexes.filter((name) => !used.has(name))).toEqual([])
  })
})

describe('sorted lists', () => {
  test('by score, both ways, ties by time then id in the same direction, pages without gaps or repeats', () => {
    const a = add(70, MON)
    const b = add(50, MON + 1000)
    const c = add(70, MON + 2000)
    const d = add(90, MON + 3000)
    const e = add(50, MON + 1000) // same score and time as b: the id decides
    const walk = (order: 'asc' | 'desc') => {
      const seen: number[] = []
      let after: { createdAt: number; id: number; score: number } | undefined
      for (;;) {
        const page = listAttempts(db, {}, { limit: 2, after, sort: 'score', order })
        seen.push(...page.attempts.map((r) => r.id))
        const last = page.attempts.at(-1)
        if (!page.more || last === undefined) return seen
        after = { createdAt: last.createdAt, id: last.id, score: last.score }
      }
    }
    expect(walk('desc')).toEqual([d, c, a, e, b])
    expect(walk('asc')).toEqual([b, e, a, c, d])
    // Oldest first by time; filters still apply.
    expect(listAttempts(db, {}, { limit: 10, order: 'asc' }).attempts.map((r) => r.id)).toEqual([
      a,
      b,
      e,
      c,
      d,
    ])
    expect(
      listAttempts(db, { minScore: 60 }, { limit: 10, sort: 'score', order: 'asc' }).attempts.map(
        (r) => r.id,
      ),
    ).toEqual([a, c, d])
  })
})

describe('trend rollup', () => {
  const rollup = () =>
    db.all<{ day: number; criterion_id: string; attempts: number; measured: number; total: number }>(
      sql`SELECT day, criterion_id, attempts, measured, total FROM trend_days ORDER BY day, criterion_id`,
    )
  const monDay = Math.floor(MON / DAY)

  test('insert, re-score and delete keep the daily rollup equal to the attempts, in the same transaction', () => {
    const x = add(40, MON) // star-structure 8/20 = 40%, measurable-result 0/10 = 0%
    const y = add(60, MON + 1000) // 12/20 = 60%, 10/10 = 100%
    add(80, MON + DAY) // next day: 16/20 = 80%, 100%
    expect(rollup()).toEqual([
      { day: monDay, criterion_id: '', attempts: 2, measured: 2, total: 100 },
      { day: monDay, criterion_id: 'measurable-result', attempts: 2, measured: 2, total: 100 },
      { day: monDay, criterion_id: 'star-structure', attempts: 2, measured: 2, total: 100 },
      { day: monDay + 1, criterion_id: '', attempts: 1, measured: 1, total: 80 },
      { day: monDay + 1, criterion_id: 'measurable-result', attempts: 1, measured: 1, total: 100 },
      { day: monDay + 1, criterion_id: 'star-structure', attempts: 1, measured: 1, total: 80 },
    ])
    // Re-scoring x to 90: 18/20 = 90%, 10/10.
    replaceAttemptReport(db, x, { report: report(90), tags: ['ownership'], scoredAt: MON + 5 * DAY })
    expect(rollup().filter((r) => r.day === monDay)).toEqual([
      { day: monDay, criterion_id: '', attempts: 2, measured: 2, total: 150 },
      { day: monDay, criterion_id: 'measurable-result', attempts: 2, measured: 2, total: 200 },
      { day: monDay, criterion_id: 'star-structure', attempts: 2, measured: 2, total: 150 },
    ])
    // Deleting both Monday attempts empties that day; the rows go rather than staying at zero.
    deleteAttempt(db, x)
    deleteAttempt(db, y)
    expect(rollup().map((r) => r.day)).toEqual([monDay + 1, monDay + 1, monDay + 1])
    expect(scoreTrends(db, {}, 'day')).toEqual([{ period: '2025-03-04', attempts: 1, average: 80 }])
  })

  test('the rollup and the per-attempt path give the same trends', () => {
    for (let i = 0; i < 30; i++)
      add((i * 37) % 101, MON + i * 7 * 3600_000, 'p', i % 3 ? ['ownership'] : ['conflict'])
    for (const interval of ['day', 'week'] as const) {
      const fromRollup = {
        overall: scoreTrends(db, {}, interval),
        criteria: criterionTrends(db, {}, interval),
      }
      // A from that is not a whole day cannot be answered by the rollup: the attempts are read instead.
      const raw = { from: MON - 1 }
      expect({
        overall: scoreTrends(db, raw, interval),
        criteria: criterionTrends(db, raw, interval),
      }).toEqual(fromRollup)
      expect(fromRollup.overall.reduce((n, p) => n + p.attempts, 0)).toBe(30)
    }
  })

  test('without from, the window is the 90 days (26 whole weeks) up to the latest attempt, or up to `to`', () => {
    add(50, MON) // latest attempt: Mon 3 Mar 2025, 09:00
    // 90 days ending 3 Mar 2025 start on 4 Dec 2024.
    expect(trendWindow(db, {}, 'day')).toEqual({ from: Date.parse('2024-12-04T00:00:00Z') })
    // 26 weeks ending in the week of Mon 3 Mar start on Monday 9 Sep 2024.
    expect(trendWindow(db, {}, 'week')).toEqual({ from: Date.parse('2024-09-09T00:00:00Z') })
    const to = Date.parse('2025-01-31T23:59:59.999Z')
    expect(trendWindow(db, { to }, 'day')).toEqual({ to, from: Date.parse('2024-11-03T00:00:00Z') })
    expect(trendWindow(db, { from: 5 }, 'day')).toEqual({ from: 5 })
  })

  test('an empty database has no window', () => {
    expect(trendWindow(db, { tag: 'x' }, 'day')).toEqual({ tag: 'x' })
  })
})

describe('migrations', () => {
  test('0002/0003 fill the copied columns and the rollup from attempts stored before them', () => {
    const file = join(dir, 'old.db')
    const old = new Database(file)
    const folder = fileURLToPath(new URL('../../db/migrations/', import.meta.url))
    const journal = JSON.parse(readFileSync(join(folder, 'meta/_journal.json'), 'utf8')) as {
      entries: { tag: string }[]
    }
    // The schema as of 0001, with one attempt written the old way.
    for (const { tag } of journal.entries.slice(0, 2)) {
      for (const statement of readFileSync(join(folder, `${tag}.sql`), 'utf8').split(
        '--> statement-breakpoint',
      )) {
        if (statement.trim() !== '') old.exec(statement)
      }
    }
    old.exec(`INSERT INTO attempts (id, prompt_id, rubric_id, rubric_hash, engine_version, answer, score, band_id,
      band_label, report, created_at, scored_at) VALUES (7, 'p', 'r', 'h', '1', 'a', 60, 'b', 'B', '{}', ${MON}, ${MON})`)
    old.exec(`INSERT INTO attempt_criteria VALUES (7, 'c', 5, 10, 'partial')`)
    old.exec(`INSERT INTO attempt_tags VALUES (7, 'ownership')`)
    // What drizzle's migrator records, so createDb applies only the later migrations.
    old.exec(
      'CREATE TABLE "__drizzle_migrations" (id INTEGER PRIMARY KEY AUTOINCREMENT, hash text NOT NULL, created_at numeric)',
    )
    const whens = JSON.parse(readFileSync(join(folder, 'meta/_journal.json'), 'utf8')).entries.map(
      (e: { when: number }) => e.when,
    )
    old.prepare('INSERT INTO "__drizzle_migrations" (hash, created_at) VALUES (?, ?)').run('0001', whens[1])
    old.close()

    const migrated = createDb(file)
    try {
      expect(migrated.all(sql`SELECT tag, score, created_at FROM attempt_tags`)).toEqual([
        { tag: 'ownership', score: 60, created_at: MON },
      ])
      expect(migrated.all(sql`SELECT criterion_id, created_at FROM attempt_criteria`)).toEqual([
        { criterion_id: 'c', created_at: MON },
      ])
      expect(scoreTrends(migrated, {}, 'day')).toEqual([{ period: '2025-03-03', attempts: 1, average: 60 }])
      expect(criterionTrends(migrated, {}, 'day')).toEqual([
        { criterionId: 'c', period: '2025-03-03', attempts: 1, average: 50 },
      ])
      expect(practiceByArea(migrated)[0]).toMatchObject({ tag: 'ownership', best: 60, bestAttemptId: 7 })
    } finally {
      closeDb(migrated)
    }
  })
})
