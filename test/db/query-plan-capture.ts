// Shared by the query-plan suites: the plans of every SELECT a query function runs, and the rows they plan over.

import type { Statement } from 'better-sqlite3'
import { type Db, insertAttempts } from '../../db/index'
import { MON, report } from './helpers'

/** Runs `fn` and answers EXPLAIN QUERY PLAN, with the same parameters, of every SELECT it ran on `db`. */
export function plansOn(db: Db, fn: () => unknown): string[] {
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

/** Enough rows (1,200, one batch) that insertAttempts refreshes the planner's statistics, as at scale. */
export function insertPlannedAttempts(db: Db): void {
  const rows = Array.from({ length: 1200 }, (_, i) => ({
    promptId: `prompt-${i % 12}`,
    answer: `answer ${i}`,
    tags: i % 3 === 0 ? ['ownership', 'dive-deep'] : [`area-${i % 7}`],
    report: report((i * 37) % 101, i % 2 === 0 ? 'ownership' : 'dive-deep'),
    createdAt: MON + i * 3_600_000,
  }))
  // Each area scores the answer differently, as each area's rubric would.
  insertAttempts(
    db,
    rows.map((r, i) => ({
      ...r,
      areaScores: r.tags.map((rubricId, k) => ({
        rubricId,
        score: (i * 37 + k * 13) % 101,
        band: r.report.band,
      })),
    })),
  )
}
