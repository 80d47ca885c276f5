// Follow-ups typed in Practice before the answer is sent: kept only while their probe is still asked.
import { describe, expect, it } from 'vitest'
import { askedBecause, keepOffered, openProbes } from '../../client/components/Probes'
import { probeReason } from '../../engine/probes'
import type { Probe } from '../../engine/types'

const probe = (criterionId: string): Probe => ({
  id: `probe-${criterionId}`,
  criterionId,
  question: `About ${criterionId}?`,
  reason: probeReason({ check: 'keywords', label: criterionId, status: 'missed', score: 0, max: 10 }),
})

describe('follow-ups typed before the answer is sent', () => {
  it('keeps a follow-up while its probe is asked, and sets aside one whose probe has gone', () => {
    const drafts = {
      'probe-measurable-result': 'Errors fell by 92%.',
      'probe-reflection': 'Next time I would load-test first.',
    }
    const { kept, dropped } = keepOffered(drafts, [probe('reflection'), probe('personal-contribution')])
    expect(kept).toEqual({ 'probe-reflection': 'Next time I would load-test first.' })
    expect(dropped).toEqual([{ probeId: 'probe-measurable-result', answer: 'Errors fell by 92%.' }])
  })

  it('forgets an empty follow-up without calling it set aside', () => {
    const { kept, dropped } = keepOffered({ 'probe-reflection': '  ', 'probe-gone': '' }, [
      probe('reflection'),
    ])
    expect(kept).toEqual({})
    expect(dropped).toEqual([])
  })

  it('keeps every follow-up when the same probes are asked', () => {
    const drafts = { 'probe-reflection': 'I learned to ask earlier.' }
    expect(keepOffered(drafts, [probe('reflection')])).toEqual({ kept: drafts, dropped: [] })
  })

  it('lists the probes no follow-up has answered', () => {
    const probes = [probe('reflection'), probe('measurable-result')]
    expect(openProbes(probes, [{ probeId: 'probe-reflection' }]).map((p) => p.id)).toEqual([
      'probe-measurable-result',
    ])
  })
})

describe('why a probe is asked', () => {
  it('reads a reason that ends with a full stop as it is', () => {
    const reason = probeReason({
      check: 'keywords',
      label: 'Reflection',
      status: 'missed',
      score: 0,
      max: 10,
    })
    expect(reason.endsWith('.')).toBe(true)
    expect(askedBecause(reason)).toBe(`Asked because ${reason[0]!.toLowerCase()}${reason.slice(1)}`)
    expect(askedBecause(reason).endsWith('..')).toBe(false)
  })

  it('ends a stored reason in the older wording, with no full stop, with one', () => {
    expect(askedBecause('Specificity is partial (4 of 8 points)')).toBe(
      'Asked because specificity is partial (4 of 8 points).',
    )
    expect(askedBecause('Did you measure it?')).toBe('Asked because did you measure it?')
  })
})
