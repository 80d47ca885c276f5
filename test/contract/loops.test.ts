// The loop and follow-up contract matches the engine's types and the server's mappers, and real debriefs parse.

import { fileURLToPath } from 'node:url'
import { describe, expect, expectTypeOf, it } from 'vitest'
import type { z } from 'zod'
import { type debriefSchema, type Loop, loopSchema, type storyReuseSchema } from '../../contract/loops'
import type { ReportProbe } from '../../contract/report'
import type { Probe, StoryReuse } from '../../engine/index'
import { buildDebrief } from '../../server/loop-debrief'
import { loopView } from '../../server/loop-views'
import { startApp } from '../server/helpers'

describe('loop contract', () => {
  it('describes the engine’s probes and story-reuse warnings exactly', () => {
    expectTypeOf<ReportProbe>().toEqualTypeOf<Probe>()
    expectTypeOf<z.infer<typeof storyReuseSchema>>().toEqualTypeOf<StoryReuse>()
    expectTypeOf(loopView).returns.toEqualTypeOf<Loop>()
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
