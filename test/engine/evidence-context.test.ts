// Whether evidence counts where it stands: who did it, and whether it was only planned.

import { describe, expect, it } from 'vitest'
import { compileEvidence, findEvidence } from '../../engine/evidence'
import { actorAt, plannedAt } from '../../engine/evidence-context'
import { splitPhrase } from '../../engine/phrases'
import { stem } from '../../engine/stem'
import { tokenize } from '../../engine/text'

describe('actorAt', () => {
  const actor = (sentence: string, word: string) => {
    const tokens = tokenize(sentence)
    const lower = tokens.map((t) => t.lower)
    const breaks = tokens.map((t, j) => j > 0 && /[,;:—–(]/.test(sentence.slice(tokens[j - 1]!.end, t.start)))
    return actorAt(lower, breaks, lower.indexOf(word))
  }

  it('finds the candidate, "we" or someone else as the subject of the clause', () => {
    expect(actor('I adopted the new checklist.', 'adopted')).toBe('self')
    expect(actor('We adopted the new checklist.', 'adopted')).toBe('we')
    expect(actor('The infra team adopted it last year.', 'adopted')).toBe('other')
    expect(actor('I wrote the runbook, and the infra team adopted it.', 'adopted')).toBe('other')
    expect(actor('She reviewed it, but I adopted the new checklist.', 'adopted')).toBe('self')
  })

  it('reads "her", "his", "their" after a verb as an object, not as the one who did it', () => {
    expect(actor('I phoned the bookkeeper, told her it was my error.', 'my')).toBe('self')
    expect(actor('I told them plainly it was my mistake.', 'plainly')).toBe('self')
    expect(actor('Her team adopted the checklist.', 'adopted')).toBe('other')
    expect(actor('I wrote it, and their lead adopted it.', 'adopted')).toBe('other')
  })

  it("gives an opening phrase told before its clause's subject to that subject, not the sentence's first", () => {
    const sentence =
      'In week three she over-orders, and instead of fixing it myself I ask her to call the manager.'
    expect(actor(sentence, 'instead')).toBe('self')
    expect(actor('I flagged it, and instead of fixing it herself she called the vendor.', 'instead')).toBe(
      'other',
    )
    // A clause whose subject was left out keeps the sentence's: "I … and asked what they were seeing".
    expect(actor('I sat down with the lead and asked what they were seeing.', 'what')).toBe('self')
    // The subject is looked for after the evidence, not inside it: "rather than what they liked" is no "they" doing.
    const rather =
      'We interviewed twelve patients, and rather than what they liked I asked about the worst part.'
    const tokens = tokenize(rather)
    const lower = tokens.map((t) => t.lower)
    const breaks = tokens.map((t, j) => j > 0 && /[,;:—–(]/.test(rather.slice(tokens[j - 1]!.end, t.start)))
    const from = lower.indexOf('rather')
    expect(actorAt(lower, breaks, from, [], from + 5)).toBe('self')
  })

  it('reads a verb-first bullet as the candidate', () => {
    expect(actor('- Profiled the service with a flame graph', 'profiled')).toBe('self')
  })
})

describe('actorAt with the words as written', () => {
  const actor = (sentence: string, word: string) => {
    const tokens = tokenize(sentence)
    const lower = tokens.map((t) => t.lower)
    const breaks = tokens.map((t, j) => j > 0 && /[,;:—–(]/.test(sentence.slice(tokens[j - 1]!.end, t.start)))
    const capitalised = tokens.map((t) => /^\p{Lu}/u.test(t.text))
    return actorAt(lower, breaks, lower.indexOf(word), capitalised)
  }

  it('reads a name before a past-tense verb as someone else', () => {
    expect(actor('Priya took ownership of the rota.', 'took')).toBe('other')
    expect(actor('I wrote the runbook, and later Priya took it on.', 'took')).toBe('other')
    expect(actor('Sam escalated it to the vendor.', 'escalated')).toBe('other')
    expect(actor('I called Priya and asked for feedback.', 'asked')).toBe('self')
    expect(actor('Finally I added alerts.', 'added')).toBe('self')
    expect(actor('- Added alerts on the queue', 'alerts')).toBe('self')
  })

  it('reads "I" or "we" earlier in the clause as its subject, whoever is named after it', () => {
    expect(actor('I asked the analyst for a second opinion.', 'second')).toBe('self')
    expect(actor('I gave the engineers a runbook.', 'runbook')).toBe('self')
    expect(actor('The team and I rewrote the parser.', 'rewrote')).toBe('self')
    expect(actor('My manager volunteered me for it.', 'volunteered')).toBe('other')
    expect(actor('The client reprioritised the roadmap.', 'reprioritised')).toBe('other')
    expect(actor('When I left, the SRE team took over the runbook.', 'runbook')).toBe('other')
  })

  it("gives evidence told before any subject to the sentence's subject, not to a noun on the way", () => {
    expect(
      actor('Within ten minutes, without waiting for the provider, I moved the traffic.', 'without'),
    ).toBe('self')
    expect(actor('Without waiting for the vendor, she rolled it back.', 'without')).toBe('other')
  })
})

describe('plannedAt', () => {
  const breaksOf = (sentence: string) => {
    const tokens = tokenize(sentence)
    return tokens.map((t, j) => j > 0 && /[,;:]/.test(sentence.slice(tokens[j - 1]!.end, t.start)))
  }
  const planned = (sentence: string, word: string) => {
    const lower = tokenize(sentence).map((t) => t.lower)
    return plannedAt(lower, breaksOf(sentence), lower.indexOf(word))
  }
  /** The phrases found in a sentence, leaving out those only planned. */
  const hitsOutsidePlans = (phrases: string[], sentence: string) => {
    const lower = tokenize(sentence).map((t) => t.lower)
    const breaks = breaksOf(sentence)
    return findEvidence(compileEvidence(phrases, splitPhrase, stem), lower.map(stem), lower)
      .filter((h) => !plannedAt(lower, breaks, h.from))
      .map((h) => h.phrase)
  }

  it('reads what follows "planned to", "going to" or "hoped to" in the same clause as a plan', () => {
    expect(planned('We planned to add a runbook, but ran out of time.', 'runbook')).toBe(true)
    expect(planned('I was going to measure the latency first.', 'measure')).toBe(true)
    expect(planned('I hoped to hand it over by June.', 'hand')).toBe(true)
  })

  it('reads a need, a wish or an attempt as no act', () => {
    expect(planned('We need to find the bug before Friday.', 'find')).toBe(true)
    expect(planned('I needed to rewrite the parser.', 'rewrite')).toBe(true)
    expect(planned('She wanted to add a runbook.', 'runbook')).toBe(true)
    expect(planned('We had to cut the scope.', 'cut')).toBe(true)
    expect(planned('I tried to fix the flaky test.', 'fix')).toBe(true)
    expect(hitsOutsidePlans(['found the bug'], 'We need to find the bug before Friday.')).toEqual([])
    expect(hitsOutsidePlans(['found the bug'], 'I found the bug on Friday.')).toEqual(['found the bug'])
  })

  it('reads an embedded question after a plan as a fact, but not "how to"', () => {
    expect(planned('I wanted to understand why customers felt let down.', 'felt')).toBe(false)
    expect(planned('We needed to find out how the cache failed.', 'failed')).toBe(false)
    expect(planned('I wanted to learn how to migrate the data.', 'migrate')).toBe(true)
  })

  it('reads "going to" as a plan only before a verb', () => {
    expect(planned('I was going to measure the latency first.', 'measure')).toBe(true)
    expect(planned('I kept going to their standups every morning.', 'standups')).toBe(false)
    expect(planned('I was going to the office on Mondays to pair.', 'pair')).toBe(false)
    expect(planned('I started going to meetings with the support lead.', 'support')).toBe(false)
  })

  it('reads an act after the plan, in a new clause, as done', () => {
    expect(planned('I planned the cutover and wrote a runbook.', 'runbook')).toBe(false)
    expect(planned('We planned to wait, but I wrote a runbook that night.', 'runbook')).toBe(false)
    expect(planned('I wrote a runbook for the rota.', 'runbook')).toBe(false)
  })
})
