// Evidence patterns: stems, alternatives, bounded gaps and negation.

import { describe, expect, it } from 'vitest'
import { compileEvidence, findEvidence, phraseSlots, wordClass } from '../../engine/evidence'
import { CONCEPTS } from '../../engine/lexicon/concepts'
import { WORD_CLASSES } from '../../engine/lexicon/phrase-variants'
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

  it('reads a named word class as one slot of its words, and any other $-word as written', () => {
    expect(phraseSlots('$defer … feature', splitPhrase)).toEqual([
      [...WORD_CLASSES.defer!],
      null,
      ['feature'],
    ])
    expect(phraseSlots('saved $40,000', splitPhrase)).toEqual([
      ['saved'],
      ...splitPhrase('$40,000').map((w) => [w]),
    ])
  })

  it('every class a concept names is a known class', () => {
    const named = Object.values(CONCEPTS).flatMap((c) =>
      c.phrases.flatMap((p) => p.split(/[\s/]+/).filter((w) => /^\$[a-z]/.test(w))),
    )
    expect(named.length).toBeGreaterThan(20)
    expect(named.filter((w) => wordClass(w) === undefined)).toEqual([])
  })
})

describe('word classes', () => {
  it('pair a class of verbs with a class of objects across a gap, whichever two words a story uses', () => {
    expect(hits(['$defer … $work'], 'So I parked the discount-code feature he wanted.')).toEqual([
      '$defer … $work',
    ])
    expect(hits(['$defer … $work'], 'I shelved our whole Q3 roadmap for it.')).toEqual(['$defer … $work'])
    expect(hits(['$defer … $work'], 'I parked the car outside.')).toEqual([])
  })

  it('carry the other forms of their verbs inside a phrase', () => {
    expect(hits(['$restore … $previous $version'], 'I push the previous version back to one kiosk.')).toEqual(
      ['$restore … $previous $version'],
    )
    expect(hits(['$restore … $previous $version'], 'We redeployed the old build on two servers.')).toEqual([
      '$restore … $previous $version',
    ])
  })

  it('stand among plain words as alternatives of one slot', () => {
    const phrase = 'talked/spoke with … people/$customers'
    expect(hits([phrase], 'I talked with maybe thirty people.')).toEqual([phrase])
    expect(hits([phrase], 'I spoke with the customers who had left.')).toEqual([phrase])
    expect(hits([phrase], 'I talked with the team.')).toEqual([])
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

  it('matches a negation written open or contracted, whichever way the phrase writes it', () => {
    expect(hits(['did not trust the'], "I didn't trust the dashboard.")).toEqual(['did not trust the'])
    expect(hits(["didn't trust the"], 'I did not trust the dashboard.')).toEqual(["didn't trust the"])
    expect(hits(['was/were not … my … but I'], "It wasn't on my list, but I took it.")).toEqual([
      'was/were not … my … but I',
    ])
    expect(hits(['was/were not … my … but I'], "They weren't my tickets, but I took them.")).toEqual([
      'was/were not … my … but I',
    ])
    expect(hits(["won't ship"], 'I will not ship it.')).toEqual(["won't ship"])
    expect(hits(['will not ship'], "I won't ship it.")).toEqual(['will not ship'])
    expect(hits(["can't stop"], 'I cannot stop it.')).toEqual(["can't stop"])
    // A positive phrase is still not evidence when the answer denies it, however the denial is written.
    expect(hits(['trust the'], "I didn't trust the dashboard.")).toEqual([])
    expect(hits(['not … my'], 'It was not my call.')).toEqual(['not … my'])
  })

  it('matches a pronoun or modal written open or contracted, whichever way the phrase writes it', () => {
    expect(hits(['I should have'], "I should've spotted it sooner.")).toEqual(['I should have'])
    expect(hits(["should've"], 'I should have spotted it sooner.')).toEqual(["should've"])
    expect(hits(['what I had missed'], "Then I saw what I'd missed.")).toEqual(['what I had missed'])
    expect(hits(["I'd … again"], 'I would do it again.')).toEqual(["I'd … again"])
    expect(hits(["I'd … again"], 'I had to run it again.')).toEqual(["I'd … again"])
    expect(hits(['I am still the'], "I'm still the contact for it.")).toEqual(['I am still the'])
    expect(hits(["I'm still the"], 'I am still the contact for it.')).toEqual(["I'm still the"])
    expect(hits(['we are … behind'], "We're two weeks behind.")).toEqual(['we are … behind'])
    expect(hits(['I will keep'], "I'll keep the rota.")).toEqual(['I will keep'])
    // Alternatives are left as written: "I/we had" is not rewritten.
    expect(hits(['I/we had missed'], 'We had missed it.')).toEqual(['I/we had missed'])
    // A contraction is a whole word: "I'd" does not match "I do".
    expect(hits(["I'd … again"], 'I do it again.')).toEqual([])
  })

  it('reads #% as a percentage, written as a figure or with "percent"', () => {
    expect(hits(['under #% of'], 'It was used by under 5% of users.')).toEqual(['under #% of'])
    expect(hits(['under #% of'], 'It was used by under five percent of users.')).toEqual(['under #% of'])
    expect(hits(['under #% of'], 'It was used by under 5 per cent of users.')).toEqual(['under #% of'])
    expect(hits(['#% of the time'], 'The job failed 30% of the time.')).toEqual(['#% of the time'])
    // A number without a percent is not a percentage, and "of the time" alone is not a share.
    expect(hits(['under #% of'], 'It was used by under 5 of them.')).toEqual([])
    expect(hits(['#% of the time'], 'Most of the time it worked.')).toEqual([])
  })

  it('every word of every concept phrase is read: none is a symbol that tokenizes to nothing', () => {
    const unread = Object.entries(CONCEPTS).flatMap(([id, c]) =>
      c.phrases.flatMap((p) =>
        p
          .replace(/\.\.\./g, ' … ')
          .split(/\s+/)
          .filter((w) => w !== '' && w !== '…' && phraseSlots(w, splitPhrase).length === 0)
          .map((w) => `${id}: ${p} (${w})`),
      ),
    )
    expect(unread).toEqual([])
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
    const table = compileEvidence(['planned around', 'took ownership'], splitPhrase, stem, {
      observed: new Set(['planned around']),
    })
    const words = tokenize('Customers planned around the date, and I took ownership.').map((t) => t.lower)
    const found = findEvidence(table, words.map(stem), words)
    expect(found.map((h) => [h.phrase, h.observed === true])).toEqual([
      ['planned around', true],
      ['took ownership', false],
    ])
  })
})
