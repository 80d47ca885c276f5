// Per-criterion trends by area under the area's own rubric, and the back-fill of earlier attempts running in the
// background of a listening server: health answers meanwhile (with a note), and coverage is right once it ends.

import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import type { FastifyInstance } from 'fastify'
import { afterEach, describe, expect, test } from 'vitest'
import { score } from '../../engine/index'
import { buildApp } from '../../server/app'
import { readRubricFolder } from '../../server/rubric-files'
import { buildRubricSet } from '../../server/rubric-set'
import { databaseAtMigration } from '../db/helpers'
import { GOOD_ANSWER, makeRubricsDir, startApp, type TestApp, WEAK_ANSWER } from './helpers'

let t: TestApp | undefined
const cleanup: (() => Promise<void> | void)[] = []
afterEach(async () => {
  await t?.close()
  t = undefined
  for (const f of cleanup.splice(0).reverse()) await f()
})

describe('per-criterion trends by area', () => {
  test("an answer to a prompt tagged with another area is charted by that area's criteria", async () => {
    t = await startApp()
    // The Ownership prompt is tagged Conflict too; the Ownership rubric adds a criterion Conflict does not have.
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/attempts',
      payload: { promptId: 'ownership-outside-scope', answer: GOOD_ANSWER },
    })
    expect(res.statusCode).toBe(201)
    const own = res.json().report
    expect(own.criteria.map((c: { id: string }) => c.id)).toContain('ownership-signals')
    const underConflict = (
      await t.app.inject({
        method: 'POST',
        url: '/api/score',
        payload: { answer: GOOD_ANSWER, rubricId: 'conflict' },
      })
    ).json()
    const expected = (report: { criteria: { id: string; label: string; score: number; max: number }[] }) =>
      report.criteria
        .filter((c) => c.max > 0)
        .map((c) => ({
          criterionId: c.id,
          label: c.label,
          average: Math.round(((100 * c.score) / c.max) * 100) / 100,
        }))
        .sort((a, b) => a.criterionId.localeCompare(b.criterionId))
    const charted = async (query: string) =>
      (await t!.app.inject(`/api/trends?${query}`))
        .json()
        .criteria.map((c: { criterionId: string; label: string; points: { average: number }[] }) => ({
          criterionId: c.criterionId,
          label: c.label,
          average: c.points[0]!.average,
        }))
    // By Conflict: Conflict's criteria, at the answer's results under the Conflict rubric.
    const byConflict = await charted('tag=conflict')
    expect(byConflict).toEqual(expected(underConflict))
    expect(byConflict.map((c: { criterionId: string }) => c.criterionId)).not.toContain('ownership-signals')
    // By Ownership, its own area: the report's criteria.
    expect(await charted('tag=ownership')).toEqual(expected(own))
  })
})

describe('the back-fill runs in the background of a listening server', () => {
  test('health answers before it ends, with a note; it resumes after a restart; coverage is right at the end', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'starboard-background-'))
    const rubricsDir = makeRubricsDir()
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }))
    cleanup.push(() => rmSync(rubricsDir, { recursive: true, force: true }))
    const rubrics = buildRubricSet(readRubricFolder(rubricsDir))
    const file = join(dir, 'starboard.db')

    // 400 Ownership attempts written as the code of schema 0004 wrote them (no scores by area): each needs
    // scoring under Conflict too.
    const COUNT = 400
    const old = databaseAtMigration(file, 5)
    const attempt =
      old.prepare(`INSERT INTO attempts (prompt_id, rubric_id, rubric_hash, engine_version, answer,
      score, band_id, band_label, report, created_at, scored_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
    const criterion = old.prepare(
      'INSERT INTO attempt_criteria (attempt_id, criterion_id, score, max, status, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    )
    const tag = old.prepare(
      'INSERT INTO attempt_tags (attempt_id, tag, score, created_at) VALUES (?, ?, ?, ?)',
    )
    const ownership = rubrics.get('ownership')!
    const conflict = rubrics.get('conflict')!
    const answers = [GOOD_ANSWER, WEAK_ANSWER, `${GOOD_ANSWER} I volunteered to write the runbook.`]
    const reports = answers.map((a) => score(a, ownership))
    const MON = Date.parse('2025-03-03T09:00:00Z')
    old.transaction(() => {
      for (let i = 0; i < COUNT; i++) {
        const r = reports[i % 3]!
        const at = MON + i * 60_000
        const id = Number(
          attempt.run(
            'ownership-outside-scope',
            r.rubricId,
            r.rubricHash,
            r.engineVersion,
            answers[i % 3],
            r.score,
            r.band.id,
            r.band.label,
            JSON.stringify(r),
            at,
            at,
          ).lastInsertRowid,
        )
        for (const c of r.criteria) criterion.run(id, c.id, c.score, c.max, c.status, at)
        for (const tg of ['ownership', 'conflict']) tag.run(id, tg, r.score, at)
      }
    })()
    old.close()

    const listening = async (): Promise<{ app: FastifyInstance; url: string }> => {
      const app = await buildApp({ dbPath: file, rubricsDir, rateLimit: false, watchRubrics: false })
      cleanup.push(() => app.close())
      await app.listen({ host: '127.0.0.1', port: 0 })
      const address = app.server.address()
      if (address === null || typeof address === 'string') throw new Error('no port')
      return { app, url: `http://127.0.0.1:${address.port}` }
    }
    // biome-ignore lint/suspicious/noExplicitAny: JSON answers read field by field
    const get = async (url: string): Promise<any> => {
      const res = await fetch(url)
      expect(res.status, url).toBe(200)
      return res.json()
    }

    // First start: the server answers while attempts are still queued; health stays ok and says so in a note.
    const first = await listening()
    const health = await get(`${first.url}/api/health`)
    expect(health.status).toBe('ok')
    expect(health.reasons).toEqual([])
    expect(health.notes).toEqual([
      {
        code: 'area-scores-backfilling',
        message: expect.stringMatching(/^Back-filling: /),
        pending: expect.any(Number),
      },
    ])
    expect(health.notes[0].pending).toBeGreaterThan(0)
    expect(health.notes[0].pending).toBeLessThanOrEqual(COUNT)
    // Meanwhile the attempts' own area is complete already (migration 0008 copied their own report's score).
    const during = await get(`${first.url}/api/coverage`)
    const bestOwn = Math.max(...reports.map((r) => r.score))
    expect(during.areas.find((a: { id: string }) => a.id === 'ownership')).toMatchObject({
      attempts: COUNT,
      best: bestOwn,
    })
    // Stopped part-way (the server closes): what was scored stays, the rest stays queued.
    await first.app.close()
    // Closing while the back-fill ran stopped it between batches (it may have finished on a fast machine).
    const peek = new Database(file, { readonly: true })
    const left = peek.prepare('SELECT count(*) FROM area_score_backfill').pluck().get() as number
    peek.close()
    expect(left).toBeLessThan(COUNT)

    // Second start: it resumes with what was left and ends; health has no note, coverage is by Conflict's rubric.
    const second = await listening()
    expect(await second.app.areaScoreBackfill.start()).toBe(left)
    expect(await second.app.store.pendingAreaScoreBackfill()).toBe(0)
    expect((await get(`${second.url}/api/health`)).notes).toEqual([])
    const underConflict = answers.map((a) => score(a, conflict).score)
    const areas = (await get(`${second.url}/api/coverage`)).areas
    expect(areas.find((a: { id: string }) => a.id === 'conflict')).toMatchObject({
      attempts: COUNT,
      best: Math.max(...underConflict),
    })
    expect(areas.find((a: { id: string }) => a.id === 'ownership')).toMatchObject({
      attempts: COUNT,
      best: bestOwn,
    })
  })
})
