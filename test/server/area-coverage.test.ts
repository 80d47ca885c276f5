// Coverage by each area's own rubric: an answer to a prompt tagged with another area counts there at the score
// that area's rubric gives it; re-scoring refreshes it; attempts stored before are back-filled once at start.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, test } from 'vitest'
import { score } from '../../engine/index'
import { readRubricFolder } from '../../server/rubric-files'
import { buildRubricSet } from '../../server/rubric-set'
import { databaseAtMigration } from '../db/helpers'
import {
  GOOD_ANSWER,
  makeRubricsDir,
  OWNERSHIP_RUBRIC,
  postJson,
  scoreUnder,
  sqlRows,
  startApp,
  type TestApp,
  WEAK_ANSWER,
} from './helpers'

let t: TestApp | undefined
const cleanup: (() => void)[] = []
afterEach(async () => {
  await t?.close()
  t = undefined
  for (const f of cleanup.splice(0)) f()
})

/** A leadership principle whose heavy criterion asks for words the strong answer never uses. */
const biasForAction = (phrases: string) => `id: bias-for-action
title: Bias for Action
kind: leadership-principle
extends: star-core
summary: Speed matters; many decisions are reversible and do not need extensive study.
prompts:
  - id: bias-for-action-fast-call
    text: Tell me about a time you made a decision with incomplete information.
criteria:
  - id: calculated-risk
    label: Fast, calculated action
    check: keywords
    weight: 60
    section: action
    groups:
      - label: acted before certainty
        any: [${phrases}]
`

/** The ownership prompt trains Bias for Action too. */
const RUBRIC_FILES = {
  'ownership.yaml': OWNERSHIP_RUBRIC.replace('tags: [conflict]', 'tags: [conflict, bias-for-action]'),
  'bias-for-action.yaml': biasForAction('calculated risk, reversible decision, without waiting'),
}

interface CoverageArea {
  id: string
  attempts: number
  best: number | null
  bestAttemptId: number | null
  bestBandId: string | null
  bestBand: string | null
  bestAttempt: { id: number; promptId: string; rubricId: string; score: number; createdAt: string } | null
  status: string
}

async function coverage(app: TestApp['app']): Promise<Map<string, CoverageArea>> {
  const res = await app.inject('/api/coverage')
  expect(res.statusCode).toBe(200)
  return new Map(res.json().areas.map((a: CoverageArea) => [a.id, a]))
}

describe('coverage by the area’s own rubric', () => {
  test('one answer to a prompt tagged with another area counts there at that area’s score, not its own', async () => {
    t = await startApp({ rubricFiles: RUBRIC_FILES })
    const res = await postJson(t.app, '/api/attempts', {
      promptId: 'ownership-outside-scope',
      answer: GOOD_ANSWER,
    })
    expect(res.statusCode).toBe(201)
    const { id, report } = res.json()
    const underBias = await scoreUnder(t.app, 'bias-for-action', GOOD_ANSWER)
    // The Bias for Action rubric weighs what this answer lacks: the two scores are far apart.
    expect(report.score - underBias.score).toBeGreaterThan(20)

    const areas = await coverage(t.app)
    expect(areas.get('bias-for-action')).toEqual({
      id: 'bias-for-action',
      title: 'Bias for Action',
      kind: 'leadership-principle',
      attempts: 1,
      best: underBias.score,
      bestAttemptId: id,
      bestBandId: underBias.band.id,
      bestBand: underBias.band.label,
      bestAttempt: {
        id,
        promptId: 'ownership-outside-scope',
        rubricId: 'ownership',
        score: report.score,
        createdAt: new Date(t.clock.now).toISOString(),
      },
      status: underBias.band.label,
    })
    // Its own area shows its own report's score.
    expect(areas.get('ownership')).toMatchObject({ best: report.score, bestBand: report.band.label })

    // The attempt's report stays the one its prompt's rubric gave.
    const stored = (await t.app.inject(`/api/attempts/${id}`)).json()
    expect(stored).toMatchObject({ rubricId: 'ownership', score: report.score })
    expect(stored.report).toEqual(report)

    // Trends by area and the next prompt judge by the same score.
    const trends = (await t.app.inject('/api/trends?tag=bias-for-action')).json()
    expect(trends.overall).toEqual([{ period: '2025-03-03', attempts: 1, average: underBias.score }])
    // Every area is practised now; Bias for Action has the lowest average by its own rubric.
    const next = (await t.app.inject('/api/prompts/next')).json()
    expect(areas.get('pressure')?.best).toBeNull()
    await t.app.inject({
      method: 'POST',
      url: '/api/attempts',
      payload: { promptId: 'pressure-deadline', answer: GOOD_ANSWER },
    })
    expect(next).toMatchObject({ area: { id: 'pressure' }, reason: 'unpractised' })
    expect((await t.app.inject('/api/prompts/next')).json()).toMatchObject({
      area: { id: 'bias-for-action' },
      reason: 'lowest-recent-average',
      recentAverage: underBias.score,
    })
  })

  test('re-scoring refreshes the scores under every area’s rubric as it is now', async () => {
    t = await startApp({ rubricFiles: RUBRIC_FILES })
    const res = await postJson(t.app, '/api/attempts', {
      promptId: 'ownership-outside-scope',
      answer: GOOD_ANSWER,
    })
    const { id, report } = res.json()
    const before = (await coverage(t.app)).get('bias-for-action')!
    // The Bias for Action rubric changes so that this answer meets its criterion.
    writeFileSync(
      join(t.rubricsDir, 'bias-for-action.yaml'),
      biasForAction('raised the limit, traced the errors'),
    )
    t.app.rubrics.reload()
    const now = await scoreUnder(t.app, 'bias-for-action', GOOD_ANSWER)
    expect(now.score).toBeGreaterThan(before.best!)
    // Until the attempt is re-scored, coverage keeps the score it was given.
    expect((await coverage(t.app)).get('bias-for-action')?.best).toBe(before.best)

    const rescored = await t.app.inject({ method: 'POST', url: `/api/attempts/${id}/rescore`, payload: {} })
    expect(rescored.statusCode).toBe(200)
    // The ownership rubric did not change: the attempt's own report scores the same.
    expect(rescored.json().report.score).toBe(report.score)
    const after = (await coverage(t.app)).get('bias-for-action')!
    expect(after).toMatchObject({ attempts: 1, best: now.score, bestBand: now.band.label, bestAttemptId: id })
  })

  test('a weak answer to the area’s own prompt does not hide behind a strong one to another prompt', async () => {
    t = await startApp({ rubricFiles: RUBRIC_FILES })
    for (const [promptId, answer] of [
      ['ownership-outside-scope', GOOD_ANSWER],
      ['bias-for-action-fast-call', WEAK_ANSWER],
    ] as const) {
      const res = await postJson(t.app, '/api/attempts', { promptId, answer })
      expect(res.statusCode).toBe(201)
    }
    const bias = (await coverage(t.app)).get('bias-for-action')!
    const strongThere = (await scoreUnder(t.app, 'bias-for-action', GOOD_ANSWER)).score
    const weakThere = (await scoreUnder(t.app, 'bias-for-action', WEAK_ANSWER)).score
    expect(bias).toMatchObject({ attempts: 2, best: Math.max(strongThere, weakThere) })
    const recent = (await t.app.inject('/api/trends?tag=bias-for-action')).json().overall
    expect(recent).toEqual([
      { period: '2025-03-03', attempts: 2, average: Math.round(((strongThere + weakThere) / 2) * 100) / 100 },
    ])
  })
})

describe('the back-fill of attempts stored before per-area scores', () => {
  test('a database at schema 0004 is scored by area once, at the first start', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'starboard-backfill-'))
    const rubricsDir = makeRubricsDir(RUBRIC_FILES)
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }))
    cleanup.push(() => rmSync(rubricsDir, { recursive: true, force: true }))
    const rubrics = buildRubricSet(readRubricFolder(rubricsDir))
    const file = join(dir, 'starboard.db')

    // 230 attempts (three batches) written as the code of schema 0004 wrote them: attempt, criteria and tags.
    const old = databaseAtMigration(file, 5)
    const insert = {
      attempt:
        old.prepare(`INSERT INTO attempts (prompt_id, rubric_id, rubric_hash, engine_version, answer, score,
        band_id, band_label, report, created_at, scored_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      criterion:
        old.prepare(`INSERT INTO attempt_criteria (attempt_id, criterion_id, score, max, status, created_at)
        VALUES (?, ?, ?, ?, ?, ?)`),
      tag: old.prepare('INSERT INTO attempt_tags (attempt_id, tag, score, created_at) VALUES (?, ?, ?, ?)'),
    }
    const answers = [GOOD_ANSWER, WEAK_ANSWER, `${GOOD_ANSWER} I took a calculated risk.`]
    const prompts = ['ownership-outside-scope', 'bias-for-action-fast-call', 'pressure-deadline']
    const stored: { promptId: string; answer: string; tags: string[]; score: number }[] = []
    const MON = Date.parse('2025-03-03T09:00:00Z')
    old.transaction(() => {
      for (let i = 0; i < 230; i++) {
        const promptId = prompts[i % 3]!
        const answer = answers[Math.floor(i / 3) % 3]!
        const entry = rubrics.findPrompt(promptId)!
        const r = score(answer, entry.rubric)
        const at = MON + i * 60_000
        const row = insert.attempt.run(
          promptId,
          r.rubricId,
          r.rubricHash,
          r.engineVersion,
          answer,
          r.score,
          r.band.id,
          r.band.label,
          JSON.stringify(r),
          at,
          at,
        )
        const id = Number(row.lastInsertRowid)
        for (const c of r.criteria) insert.criterion.run(id, c.id, c.score, c.max, c.status, at)
        for (const tag of entry.prompt.tags) insert.tag.run(id, tag, r.score, at)
        stored.push({ promptId, answer, tags: entry.prompt.tags, score: r.score })
      }
    })()
    old.close()

    /** What the server logs at start, one message per line. */
    const logged = (lines: string[]) => ({
      level: 'info',
      stream: { write: (line: string) => lines.push(JSON.parse(line).msg) },
    })
    const first: string[] = []
    t = await startApp({ dbPath: file, rubricsDir, logger: logged(first) })
    // The back-fill runs in the background once the server listens; an app answering injected requests starts it.
    expect(await t.app.areaScoreBackfill.start()).toBe(230)
    expect(first).toContain(
      'Scoring 230 earlier attempts under the rubric of each area they train, in the background',
    )
    expect(first).toContain('Scored 230 earlier attempts by area')
    expect(await t.app.store.pendingAreaScoreBackfill()).toBe(0)
    const [{ n: rows }] = (await sqlRows(t.app, 'SELECT count(*) AS n FROM attempt_area_scores')) as [
      { n: number },
    ]
    expect(rows).toBe(stored.reduce((n, s) => n + s.tags.length, 0))
    // Each area's best is the best of its attempts scored under its own rubric now (its own prompts' attempts
    // keep their stored score, which the same rubric gave).
    const areas = await coverage(t.app)
    for (const area of ['ownership', 'conflict', 'bias-for-action', 'pressure']) {
      const rubric = rubrics.get(area)!
      const scores = stored
        .filter((s) => s.tags.includes(area))
        .map((s) =>
          rubrics.findPrompt(s.promptId)!.rubric.id === area ? s.score : score(s.answer, rubric).score,
        )
      expect(areas.get(area), area).toMatchObject({ attempts: scores.length, best: Math.max(...scores) })
    }
    const bias = areas.get('bias-for-action')!
    await t.close()
    t = undefined

    // It ran once: a later start with a changed rubric leaves the stored scores as they were.
    writeFileSync(join(rubricsDir, 'bias-for-action.yaml'), biasForAction('raised the limit'))
    const second: string[] = []
    t = await startApp({ dbPath: file, rubricsDir, logger: logged(second) })
    expect(await t.app.areaScoreBackfill.start()).toBe(0)
    expect(second.filter((m) => /earlier attempts/.test(m))).toEqual([])
    expect((await coverage(t.app)).get('bias-for-action')).toEqual(bias)
  })
})
