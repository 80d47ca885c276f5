// Evidence patterns: stems, alternatives, bounded gaps, negation and who did it.

import { describe, expect, it } from 'vitest'
import { actorAt, compileEvidence, findEvidence, phraseSlots, plannedAt } from '../../engine/evidence'
import { splitPhrase } from '../../engine/phrases'
import { stem } from '../../engine/stem'
import { tokenize } from '../../engine/text'

function hits(phrases: string[], sentence: string): string[] {
  const table = compileEvidence(phrases, splitPhrase, stem)
  const stems = tokenize(sentence).map((t) => stem(t.lower))
  return findEvidence(
    table,
    stems,
    tokenize(sentence).map((t) => t.lower),
  ).map((h) => h.phrase)
}

describe('phraseSlots', () => {
  it('reads words, slash alternatives and gaps, and keeps a slash inside a token whole', () => {
    expect(phraseSlots('took … ownership', splitPhrase)).toEqual([['took'], null, ['ownership']])
    expect(phraseSlots('own/owned the rota', splitPhrase)).toEqual([['own', 'owned'], ['the'], ['rota']])
    expect(phraseSlots('24/7 on-call', splitPhrase)).toEqual([['24'], ['7'], ['on-call']])
    expect(phraseSlots('... trailing gap ...', splitPhrase)).toEqual([['trailing'], ['gap']])
  })
})

describe('findEvidence', () => {
  it('matches on stems, so tense and number do not matter', () => {
    expect(hits(['track progress'], 'I tracked progress against the date every morning.')).toEqual([
      'track progress',
    ])
    expect(hits(['track progress'], 'So I am tracking progress daily.')).toEqual(['track progress'])
  })

  it('allows up to three words in a gap and no more', () => {
    expect(hits(['took … ownership'], 'I took full ownership of it.')).toEqual(['took … ownership'])
    expect(hits(['took … ownership'], 'I took on the ownership.')).toEqual(['took … ownership'])
    expect(hits(['took … ownership'], 'I took a long look at what ownership meant.')).toEqual([])
  })

  it('matches any alternative in a slot', () => {
    expect(hits(['wrote/updated the runbook'], 'Then I updated the runbook.')).toEqual([
      'wrote/updated the runbook',
    ])
    expect(hits(['wrote/updated the runbook'], 'Then I deleted the runbook.')).toEqual([])
  })

  it('does not count evidence that the sentence negates', () => {
    expect(hits(['measured'], 'We never measured the latency.')).toEqual([])
    expect(hits(['took ownership'], "I didn't take ownership of the fix.")).toEqual([])
    expect(hits(['measured'], 'We measured the latency without delay.')).toEqual(['measured'])
  })

  it('reads "nobody", "never" and the like as denying the rest of their clause, not past a new subject', () => {
    expect(hits(['runbook'], 'Nobody on the team had ever written a runbook.')).toEqual([])
    expect(hits(['monitoring'], 'We never got around to adding monitoring.')).toEqual([])
    expect(hits(['alerts'], 'I never waited for approval, I added alerts that day.')).toEqual(['alerts'])
    expect(hits(['bigger idea'], 'They were not waiting on my bigger idea.')).toEqual(['bigger idea'])
  })

  it('keeps phrases that are negative in themselves', () => {
    expect(hits(['nobody owned'], 'Nobody owned the billing cron job.')).toEqual(['nobody owned'])
    expect(hits(["didn't wait"], "I didn't wait for the author and rolled back.")).toEqual(["didn't wait"])
  })

  it('matches the other forms of an irregular verb inside a phrase, but not a lone verb', () => {
    expect(hits(['told them'], 'I tell them the date will slip.')).toEqual(['told them'])
    expect(hits(['went through the logs'], 'I go through the logs line by line.')).toEqual([
      'went through the logs',
    ])
    expect(hits(['sat down with'], 'I sit down with the support lead.')).toEqual(['sat down with'])
    expect(hits(['went'], 'I go home.')).toEqual([])
  })

  it('matches the tenses of verbs the stemmer splits, so a story told in the present counts', () => {
    expect(hits(['added a test'], 'We add a test for a wrong device clock.')).toEqual(['added a test'])
    expect(hits(['used the existing'], 'I use the existing queue.')).toEqual(['used the existing'])
    expect(hits(['dug into'], 'I dig into the query plan.')).toEqual(['dug into'])
    expect(hits(['we agreed on'], 'We agree on two rules.')).toEqual(['we agreed on'])
  })

  it('matches British and American spellings and a hyphenated word written open or closed', () => {
    expect(hits(['prioritised'], 'I prioritized the refunds.')).toEqual(['prioritised'])
    expect(hits(['analysed the logs'], 'I analyzed the logs.')).toEqual(['analysed the logs'])
    expect(hits(['candour'], 'She valued the candor.')).toEqual(['candour'])
    expect(hits(['on-call rota'], 'I set up an on call rota.')).toEqual(['on-call rota'])
    expect(hits(['on-call rota'], 'I set up an oncall rota.')).toEqual(['on-call rota'])
    expect(hits(['for everyone'], 'Four everyone.')).toEqual([])
    expect(hits(['honor'], 'I honour the commitment.')).toEqual(['honor'])
    expect(hits(['favor'], 'She did us a favour.')).toEqual(['favor'])
    expect(hits(['color'], 'We changed the colour.')).toEqual(['color'])
    expect(hits(['odour'], 'An odor of burnt toast.')).toEqual(['odour'])
    expect(hits(['your team'], 'Our team.')).toEqual([])
    expect(hits(['four hours'], 'For hours.')).toEqual([])
  })

  it('writes a hyphenated word open only when its later part is not a particle or function word', () => {
    expect(hits(['go-to'], 'I go to the office on Mondays.')).toEqual([])
    expect(hits(['go-to'], 'She became my goto person.')).toEqual(['go-to'])
    expect(hits(['thank-you'], 'I said thank you to the team.')).toEqual([])
    expect(hits(['must-have'], 'I must have missed the alert.')).toEqual([])
    expect(hits(['follow-up'], 'I will follow up with them.')).toEqual([])
    expect(hits(['follow-up'], 'I sent a followup note.')).toEqual(['follow-up'])
    expect(hits(['check-in'], 'I check in at the hotel.')).toEqual([])
    expect(hits(['stand-up'], 'I stand up for my team.')).toEqual([])
    expect(hits(['built-in'], 'The cache was built in a week.')).toEqual([])
    expect(hits(['on-call rota'], 'I set up an on call rota.')).toEqual(['on-call rota'])
  })

  it('marks hits of phrases that tell what the candidate found out about others', () => {
    const table = compileEvidence(
      ['planned around', 'took ownership'],
      splitPhrase,
      stem,
      new Set(['planned around']),
    )
    const words = tokenize('Customers planned around the date, and I took ownership.').map((t) => t.lower)
    const found = findEvidence(table, words.map(stem), words)
    expect(found.map((h) => [h.phrase, h.observed === true])).toEqual([
      ['planned around', true],
      ['took ownership', false],
    ])
  })
})

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
