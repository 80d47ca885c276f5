// Mock loops over the shipped rubrics: choosing questions, answering with a probe round, the debrief, the export.

import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, test } from 'vitest'
import { combineAnswer, score, scoreWithFollowUps } from '../../engine/index'
import { planLoop } from '../../server/loop-plan'
import { shippedRubrics } from '../engine/helpers'
import { CORPUS_DIR, loadCorpus } from '../fixtures/corpus'
import { PRIVACY_ANSWER, WE_MEASURED } from '../fixtures/follow-ups'
import { GOOD_ANSWER, OWNERSHIP_RUBRIC, startApp, type TestApp } from './helpers'

const RUBRICS = fileURLToPath(new URL('../../rubrics', import.meta.url))
const corpus = loadCorpus(CORPUS_DIR).filter((c) => c.variant === 'strong')
const stories = [...new Map(corpus.map((c) => [c.story, c.answer])).values()]

let t: TestApp
afterEach(async () => t?.close())

const post = (url: string, payload: unknown = {}) =>
  t.app.inject({ method: 'POST', url, payload: payload as object })
const get = (url: string) => t.app.inject({ method: 'GET', url })

interface Question {
  promptId: string
  rubricId: string
  text: string
}

async function start(body: object = {}): Promise<{ id: number; seed: string; questions: Question[] }> {
  const res = await post('/api/loops', body)
  expect(res.statusCode, res.body).toBe(201)
  expect(res.headers.location).toBe(`/api/loops/${res.json().id}`)
  return res.json()
}

describe('POST /api/loops', () => {
  test('asks 4 questions from different Leadership Principles by default, the same ones for the same seed', async () => {
    t = await startApp({ rubricsDir: RUBRICS })
    const a = await start({ seed: 'alpha' })
    expect(a.seed).toBe('alpha')
    expect(a.questions).toHaveLength(4)
    const rubrics = shippedRubrics()
    for (const q of a.questions) {
      expect(rubrics.get(q.rubricId)!.kind).toBe('leadership-principle')
      expect(rubrics.get(q.rubricId)!.prompts.map((p) => p.id)).toContain(q.promptId)
      expect(q.text.length).toBeGreaterThan(10)
    }
    expect(new Set(a.questions.map((q) => q.rubricId)).size).toBe(4)
    expect((await start({ seed: 'alpha' })).questions).toEqual(a.questions)
    // Another seed gives another loop (the 16 principles are all unpractised, so the seed decides).
    const others = await Promise.all(['beta', 'gamma', 'delta'].map((seed) => start({ seed })))
    expect(others.some((o) => JSON.stringify(o.questions) !== JSON.stringify(a.questions))).toBe(true)
    // Without a seed, one is made and answered.
    expect((await start()).seed).toMatch(/^[0-9a-f]{12}$/)
  })

  test('takes 2 to 8 questions and pinned principles, first; refuses what it cannot do', async () => {
    t = await startApp({ rubricsDir: RUBRICS })
    const big = await start({ size: 8, principles: ['dive-deep', 'earn-trust'], seed: 's' })
    expect(big.questions).toHaveLength(8)
    expect(big.questions.slice(0, 2).map((q) => q.rubricId)).toEqual(['dive-deep', 'earn-trust'])
    expect((await start({ size: 2 })).questions).toHaveLength(2)
    for (const [body, field, text] of [
      [{ size: 1 }, 'size', 'at least 2'],
      [{ size: 9 }, 'size', 'at most 8'],
      [{ size: 2.5 }, 'size', 'whole number'],
      [{ principles: ['system-design'] }, 'principles', "'system-design' is not a Leadership Principle"],
      [
        { size: 2, principles: ['ownership', 'dive-deep', 'earn-trust'] },
        'principles',
        'do not fit a loop of 2',
      ],
      [{ seed: '' }, 'seed', ''],
    ] as const) {
      const res = await post('/api/loops', body)
      expect(res.statusCode, JSON.stringify(body)).toBe(400)
      expect(res.json().field).toBe(field)
      expect(res.json().message).toContain(text)
    }
  })

  test('prefers principles never practised, then the weakest', () => {
    const rubrics = [...shippedRubrics().values()]
    const principles = rubrics.filter((r) => r.kind === 'leadership-principle').map((r) => r.id)
    const practised = (id: string, recentAverage: number) => ({
      tag: id,
      attempts: 3,
      best: recentAverage,
      bestAttemptId: 1,
      bestBandId: 'weak',
      bestBandLabel: 'Needs work',
      bestAttempt: { promptId: 'p', rubricId: id, score: recentAverage, createdAt: 0 },
      recentAverage,
      lastPractisedAt: 0,
    })
    // All but two principles practised and strong; of those two, one never practised and one weak.
    const practice = new Map(principles.map((id) => [id, practised(id, 95)]))
    practice.delete('frugality')
    practice.set('think-big', practised('think-big', 30))
    const plan = planLoop({ rubrics, practice, attemptsByPrompt: new Map(), size: 3, pinned: [], seed: 'x' })
    expect(plan.ok).toBe(true)
    const chosen = plan.ok ? plan.questions.map((q) => q.rubricId) : []
    expect(chosen.slice(0, 2)).toEqual(['frugality', 'think-big'])
    // Within a principle, the prompt practised least.
    const frugal = rubrics.find((r) => r.id === 'frugality')!.prompts.map((p) => p.id)
    const used = new Map(frugal.slice(0, -1).map((id) => [id, 2]))
    const again = planLoop({ rubrics, practice, attemptsByPrompt: used, size: 2, pinned: [], seed: 'y' })
    expect(again.ok && again.questions[0]!.promptId).toBe(frugal.at(-1))
  })

  test('never asks a draft Leadership Principle, chosen or pinned: candidates are not offered its prompts', () => {
    const shipped = [...shippedRubrics().values()]
    const frugality = shipped.find((r) => r.id === 'frugality')!
    // A principle being written: never practised, so it would be asked first if it counted.
    const rubrics = [...shipped, { ...frugality, id: 'craft-draft', draft: true as const }]
    for (const seed of ['a', 'b', 'c']) {
      const plan = planLoop({
        rubrics,
        practice: new Map(),
        attemptsByPrompt: new Map(),
        size: 8,
        pinned: [],
        seed,
      })
      expect(plan.ok && plan.questions.map((q) => q.rubricId)).not.toContain('craft-draft')
    }
    const pinned = planLoop({
      rubrics,
      practice: new Map(),
      attemptsByPrompt: new Map(),
      size: 2,
      pinned: ['craft-draft'],
      seed: 'x',
    })
    expect(pinned).toMatchObject({ ok: false, status: 400, field: 'principles' })
  })
  test('refuses an answer to a question whose principle became a draft since the loop started', async () => {
    const stewardship = OWNERSHIP_RUBRIC.replace('id: ownership', 'id: stewardship')
      .replace('title: Ownership', 'title: Stewardship')
      .replace('id: ownership-outside-scope', 'id: stewardship-outside-scope')
    t = await startApp({ rubricFiles: { 'stewardship.yaml': stewardship } })
    const loop = await start({ size: 2, principles: ['stewardship'] })
    writeFileSync(join(t.rubricsDir, 'stewardship.yaml'), `draft: true\n${stewardship}`)
    t.app.rubrics.reload()
    expect(t.app.rubrics.get('stewardship')?.draft).toBe(true)
    const res = await post(`/api/loops/${loop.id}/answers`, {
      promptId: 'stewardship-outside-scope',
      answer: GOOD_ANSWER,
    })
    expect(res.statusCode, res.body).toBe(409)
    expect(res.json().message).toContain('draft')
    const after = (await get(`/api/loops/${loop.id}`)).json()
    expect(after.questions[0].attemptId).toBeNull()
    expect((await get('/api/attempts')).json().attempts).toEqual([])
  })
})

describe('a full loop', () => {
  test('answers each question once, with a probe round, and debriefs with story reuse and an export', async () => {
    t = await startApp({ rubricsDir: RUBRICS })
    const loop = await start({ seed: 'full' })
    const url = `/api/loops/${loop.id}`
    expect((await get(url)).json()).toMatchObject({ status: 'in-progress', debrief: null })

    const [q1, q2, q3, q4] = loop.questions as [Question, Question, Question, Question]
    // Question 1, with a follow-up to the measure probe.
    const probeAnswer =
      'We measured it: the error rate fell from 4% to 0.2% and support tickets dropped by 60% that month.'
    const first = await post(`${url}/answers`, {
      promptId: q1.promptId,
      answer: stories[0],
      durationMs: 150_000,
      followUps: [{ probeId: 'probe-reflection', answer: probeAnswer }],
    })
    expect(first.statusCode, first.body).toBe(201)
    expect(first.json()).toMatchObject({ loopId: loop.id, promptId: q1.promptId, status: 'in-progress' })
    const attemptId = first.json().attemptId
    const attempt = (await get(`/api/attempts/${attemptId}`)).json()
    expect(attempt.followUps.map((f: { probeId: string }) => f.probeId)).toEqual(['probe-reflection'])
    expect(attempt.history).toHaveLength(1)

    // Answering the same question again is refused, and stores nothing.
    const twice = await post(`${url}/answers`, { promptId: q1.promptId, answer: stories[1] })
    expect(twice.statusCode).toBe(409)
    expect(twice.json().message).toContain('answered already')
    // Unknown prompt, unknown probe, empty answer, unknown loop.
    expect((await post(`${url}/answers`, { promptId: 'nope', answer: 'x' })).statusCode).toBe(404)
    const badProbe = await post(`${url}/answers`, {
      promptId: q2.promptId,
      answer: stories[1],
      followUps: [{ probeId: 'probe-nope', answer: 'x' }],
    })
    expect(badProbe.statusCode).toBe(404)
    expect(badProbe.json()).toMatchObject({ field: 'followUps.0.probeId' })
    expect((await post(`${url}/answers`, { promptId: q2.promptId, answer: ' ' })).statusCode).toBe(400)
    expect((await post('/api/loops/999/answers', { promptId: q2.promptId, answer: 'x' })).statusCode).toBe(
      404,
    )
    expect((await get('/api/attempts')).json().attempts).toHaveLength(1)

    // The export waits for the last answer.
    expect((await get(`${url}/debrief.md`)).statusCode).toBe(409)

    await post(`${url}/answers`, { promptId: q2.promptId, answer: stories[1] })
    // Question 3 retells question 1's story: the debrief flags it.
    await post(`${url}/answers`, { promptId: q3.promptId, answer: stories[0]!.replace(/\bI\b/g, 'We') })
    const last = await post(`${url}/answers`, { promptId: q4.promptId, answer: stories[2] })
    expect(last.json().status).toBe('complete')

    const done = (await get(url)).json()
    expect(done.status).toBe('complete')
    expect(
      done.questions.every(
        (q: { attemptId: number | null; score: number | null }) => q.attemptId !== null && q.score !== null,
      ),
    ).toBe(true)
    const d = done.debrief
    expect(d.questions).toHaveLength(4)
    expect(d.questions[0].followUps[0]).toMatchObject({ probeId: 'probe-reflection', answer: probeAnswer })
    expect(typeof d.questions[0].followUpGain).toBe('number')
    expect(d.questions[1].followUpGain).toBeNull()
    for (const q of d.questions) {
      // Every word is in a section or in "other": the shares, in whole percent, add up to 100.
      const star = [q.star.situation, q.star.task, q.star.action, q.star.result, q.star.other]
      expect(star.reduce((a: number, b: number) => a + Math.round(b * 100), 0)).toBe(100)
      expect(q.star.situation + q.star.task + q.star.action + q.star.result).toBeGreaterThan(0.5)
    }
    expect(d.principles).toHaveLength(4)
    // The verdict follows the band the principle's rubric gives its score, never a threshold of its own.
    const rubrics = shippedRubrics()
    for (const p of d.principles) {
      const band = [...rubrics.get(p.rubricId)!.bands]
        .sort((a, b) => b.min - a.min)
        .find((b) => p.score >= b.min)!
      expect(p.band).toEqual({ id: band.id, label: band.label })
      expect(p.verdict).toBe(
        { strong: 'meets-the-bar', developing: 'not-yet-at-the-bar', weak: 'below-the-bar' }[band.id],
      )
    }
    const scores = d.principles.map((p: { score: number }) => p.score)
    expect(d.strongest.score).toBe(Math.max(...scores))
    expect(d.weakest.score).toBe(Math.min(...scores))
    expect(d.warnings).toEqual([
      {
        kind: 'story-reused',
        promptIds: [q1.promptId, q3.promptId],
        similarity: expect.any(Number),
        threshold: 0.2,
      },
    ])
    expect(d.warnings[0].similarity).toBeGreaterThanOrEqual(0.2)

    const md = await get(`${url}/debrief.md`)
    expect(md.statusCode).toBe(200)
    expect(md.headers['content-type']).toBe('text/markdown; charset=utf-8')
    expect(md.body).toContain(`# Mock loop ${loop.id} — debrief`)
    expect(md.body).toContain('**Story reused:**')
    expect(md.body).toContain(`**Probe:** ${d.questions[0].followUps[0].question}`)
    expect(md.body).toContain('| principle | score | band | verdict |')
    for (const p of d.principles)
      expect(md.body).toContain(`| ${p.principle} | ${p.score} | ${p.band.label} | ${p.verdictLabel} |`)
    expect(md.body).toContain('Each verdict follows the band')
    const percent = (share: number) => `${Math.round(share * 100)}%`
    for (const q of d.questions) {
      const { situation, task, action, result, other } = q.star
      expect(md.body).toContain(` | ${[situation, task, action, result, other].map(percent).join(' / ')} | `)
    }

    const list = (await get('/api/loops')).json()
    expect(list.loops[0]).toMatchObject({ id: loop.id, status: 'complete', questions: 4, answered: 4 })
  })

  test('resumes after a restart: questions and answers are in the database', async () => {
    const { mkdtempSync, rmSync } = await import('node:fs')
    const { tmpdir } = await import('node:os')
    const { join } = await import('node:path')
    const dir = mkdtempSync(join(tmpdir(), 'starboard-loop-'))
    const dbPath = join(dir, 'loop.db')
    try {
      t = await startApp({ rubricsDir: RUBRICS, dbPath })
      const loop = await start({ seed: 'restart', size: 2 })
      await post(`/api/loops/${loop.id}/answers`, {
        promptId: loop.questions[0]!.promptId,
        answer: stories[3],
      })
      await t.close()
      t = await startApp({ rubricsDir: RUBRICS, dbPath })
      const back = (await get(`/api/loops/${loop.id}`)).json()
      expect(back.status).toBe('in-progress')
      expect(back.questions.map((q: { promptId: string }) => q.promptId)).toEqual(
        loop.questions.map((q) => q.promptId),
      )
      expect(back.questions[0].attemptId).not.toBeNull()
      expect(back.questions[1].attemptId).toBeNull()
      const rest = await post(`/api/loops/${loop.id}/answers`, {
        promptId: loop.questions[1]!.promptId,
        answer: stories[4],
      })
      expect(rest.json().status).toBe('complete')
    } finally {
      await t.close()
      rmSync(dir, { recursive: true, force: true })
    }
  })

  test('scores a follow-up so it only adds, and the debrief and a re-score show the same', async () => {
    t = await startApp({ rubricsDir: RUBRICS })
    const principle = 'success-and-scale-bring-broad-responsibility'
    const rubric = shippedRubrics().get(principle)!
    const loop = await start({ size: 2, principles: [principle], seed: 'follow-up' })
    const q = loop.questions.find((x) => x.rubricId === principle)!
    const followUp = { probeId: 'probe-responsible-result', answer: WE_MEASURED }
    const alone = score(PRIVACY_ANSWER, rubric)
    // Scored as one text with the answer, this follow-up cost 8 points.
    expect(score(combineAnswer(PRIVACY_ANSWER, [followUp]), rubric).score).toBeLessThan(alone.score)
    const res = await post(`/api/loops/${loop.id}/answers`, {
      promptId: q.promptId,
      answer: PRIVACY_ANSWER,
      followUps: [followUp],
    })
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json().report).toEqual(scoreWithFollowUps(PRIVACY_ANSWER, [followUp], rubric))
    expect(res.json().report.score).toBeGreaterThan(alone.score)
    const other = loop.questions.find((x) => x !== q)!
    await post(`/api/loops/${loop.id}/answers`, { promptId: other.promptId, answer: stories[1] })

    const debrief = (await get(`/api/loops/${loop.id}`)).json().debrief
    const asked = debrief.questions.find((x: { promptId: string }) => x.promptId === q.promptId)
    expect(asked.score).toBe(res.json().report.score)
    expect(asked.followUpGain).toBe(res.json().report.score - alone.score)
    expect(asked.followUpGain).toBeGreaterThan(0)
    const md = (await get(`/api/loops/${loop.id}/debrief.md`)).body
    expect(md).toContain(
      `The follow-up added ${asked.followUpGain} points. A follow-up only adds: what the first answer earned stays.`,
    )
    // A re-score of the loop's attempt scores answer and follow-up the same way.
    const rescore = (await post(`/api/attempts/${res.json().attemptId}/rescore`)).json()
    expect(rescore.unchanged).toBe(true)
  })

  test('is documented in the OpenAPI document', async () => {
    t = await startApp({ rubricsDir: RUBRICS })
    const doc = (await get('/docs/json')).json()
    for (const path of [
      '/api/loops',
      '/api/loops/{id}',
      '/api/loops/{id}/answers',
      '/api/loops/{id}/debrief.md',
      '/api/attempts/{id}/follow-ups',
    ]) {
      expect(Object.keys(doc.paths)).toContain(path)
    }
    expect(doc.paths['/api/loops'].post.responses['201']).toBeDefined()
  })
})
