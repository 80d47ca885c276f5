// The loop and follow-up contract matches the engine's types and the server's mappers, and real debriefs parse.

import { fileURLToPath } from 'node:url'
import { describe, expect, expectTypeOf, it } from 'vitest'
import type { z } from 'zod'
import {
  createLoopBody,
  type debriefSchema,
  type Loop,
  loopAnswerBody,
  loopSchema,
  type storyReuseSchema,
} from '../../contract/loops'
import type { ReportProbe } from '../../contract/report'
import type { Probe, StoryReuse } from '../../engine/index'
import { buildDebrief } from '../../server/loop-debrief'
import { loopView } from '../../server/loop-views'
import { startApp } from '../server/helpers'

describe('loop contract', () => {
  it('describes the engine’s probes and story-reuse warnings exactly', () => {
    expectTypeOf<ReportProbe>().toEqualTypeOf<Probe>()
    expectTypeOf<z.infer<typeof storyReuseSchema>>().toEqualTypeOf<StoryReuse>()
    expectTypeOf(loopView).returns.resolves.toEqualTypeOf<Loop>()
    expectTypeOf(buildDebrief).returns.toEqualTypeOf<z.infer<typeof debriefSchema>>()
  })

  it('passes a real loop with its debrief through unchanged', async () => {
    const t = await startApp({ rubricsDir: fileURLToPath(new URL('../../rubrics', import.meta.url)) })
    try {
      const loop = (
        await t.app.inject({ method: 'POST', url: '/api/loops', payload: { size: 2, seed: 'c' } })
      ).json()
      for (const q of loop.questions) {
        await t.app.inject({
          method: 'POST',
          url: `/api/loops/${loop.id}/answers`,
          payload: {
            promptId: q.promptId,
            answer: 'In 2023 I led the billing export rescue. I rewrote the job and cut failures by 80%.',
            followUps: [
              { probeId: 'probe-reflection', answer: 'I learned to test exports against real data.' },
            ],
          },
        })
      }
      const body = (await t.app.inject({ method: 'GET', url: `/api/loops/${loop.id}` })).json()
      expect(body.debrief).not.toBeNull()
      expect(loopSchema.parse(body)).toEqual(body)
      expect(body.debrief.warnings).toHaveLength(1)
    } finally {
      await t.close()
    }
  })
})

describe('loop request messages', () => {
  const first = (r: { success: boolean; error?: { issues: { message: string }[] } }) =>
    r.success ? '' : r.error!.issues[0]!.message
  it('say what is wrong with a value of the right type', () => {
    expect(first(createLoopBody.safeParse({ seed: '' }))).toBe('seed is empty; leave it out to have one made')
    expect(first(createLoopBody.safeParse({ principles: [''] }))).toBe(
      'principles must be a list of Leadership Principle rubric ids',
    )
    expect(first(createLoopBody.safeParse({ principles: Array(9).fill('ownership') }))).toBe(
      'principles may pin at most 8 principles: a loop has at most 8 questions',
    )
    const answer = (extra: object) => loopAnswerBody.safeParse({ promptId: 'p', answer: 'a', ...extra })
    expect(first(answer({ durationMs: -5 }))).toBe(
      'durationMs must be a whole number of milliseconds, from 0 to 24 hours',
    )
    expect(first(answer({ durationMs: 1.5 }))).toBe(
      'durationMs must be a whole number of milliseconds, from 0 to 24 hours',
    )
    expect(first(answer({ followUps: {} }))).toBe(
      'followUps must be a list of probe answers, each {probeId, answer}',
    )
    expect(first(answer({ followUps: [{ probeId: '', answer: 'x' }] }))).toBe(
      'probeId is required: the id of one of the report’s probes, e.g. probe-measurable-result',
    )
  })
})
