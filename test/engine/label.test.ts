// The sentence labeller on the writing styles people use, and its trained weights: integers, and exactly
// what `npm run train:labels` gives from the development sets.

import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { analyze } from '../../engine/analyze'
import { matchHeading } from '../../engine/headings'
import { emptyStemMemo, STEM_LIMIT } from '../../engine/label-features'
import { LABEL_WEIGHTS } from '../../engine/label-weights'
import { trainLabels, WEIGHTS_FILE, weightsSource } from '../../scripts/train-labels'
import { CORPUS_DIR, loadCorpus } from '../fixtures/corpus'

const labels = (text: string) =>
  analyze(text)
    .sentences.filter((s) => !s.headingOnly)
    .map((s) => s.star)

describe('sentence labels by writing style', () => {
  it('reads a story told in the present tense as actions, and opinions in it as other', () => {
    expect(
      labels(
        "So it's a Tuesday in March 2022, and I'm the on-call engineer for the payments API at a mid-size " +
          'retailer. At 2 a.m. my phone goes off: checkout errors are at 12%. I open the dashboard and I see the ' +
          'order queue backing up. I page the database team, and while they look at the replicas I roll back the ' +
          'evening deploy. Within ten minutes the queue drains and checkout errors fall from 12% to zero.',
      ),
    ).toEqual(['situation', 'situation', 'action', 'action', 'result'])
    expect(
      labels(
        'In 2021 I was a support engineer at a travel startup. I think good support starts with listening. ' +
          'I usually read every ticket twice before I answer.',
      ),
    ).toEqual(['situation', 'other', 'other'])
  })

  it('lets a headline result open the story, and reads a closing "In the end we shipped" as the Result', () => {
    expect(
      labels(
        'We cut checkout failures from 2.1% to 0.3% in six weeks. In 2022 I was a backend engineer on the ' +
          'payments team at a retailer. My manager asked me to fix the failure rate before the holiday peak. ' +
          'I traced the failures to a retry storm in the order queue. I rewrote the retry policy with jitter and ' +
          'a circuit breaker. In the end we shipped on October 28th with no downtime.',
      ),
    ).toEqual(['result', 'situation', 'task', 'action', 'action', 'result'])
  })

  it('reads bullets under descriptive headings, verb-first bullets as actions', () => {
    expect(
      labels(
        '**Context**\n- Our nightly billing job took six hours and often missed its window.\n\n**What I did**\n' +
          '- Profiled the job and found one query scanning the whole ledger.\n' +
          '- Added an index and split the job into batches.\n\n**Outcome**\n- The job now finishes in 40 minutes.',
      ),
    ).toEqual(['situation', 'action', 'action', 'result'])
  })

  it('ends a section at a heading it cannot name', () => {
    const text =
      '**Context**\n- Our nightly billing job took six hours.\n\n**Why it mattered**\n- I rewrote the job in batches.'
    expect(labels(text).at(-1)).toBe('action')
  })

  it('recognises common section names as headings, but not sentences that start with them', () => {
    for (const [line, section] of [
      ['**My role**', 'task'],
      ['**What I did**', 'action'],
      ['## Impact', 'result'],
      ['Decision:', 'action'],
      ['**Trade-off**', 'action'],
      ['Lessons learned:', 'result'],
    ] as const)
      expect(matchHeading(line)?.section, line).toBe(section)
    expect(matchHeading('What I did was rewrite the job.')).toBeUndefined()
    expect(matchHeading('My role was to lead it.')).toBeUndefined()
  })

  it("reads a heading in the candidate's own words by its verb, when a colon or dash marks it as one", () => {
    for (const [line, section] of [
      ['**What I picked up:** I read the standard itself.', 'action'],
      ['How I got up to speed: I took an evening course.', 'action'],
      ['**How:** I worked through a free course.', 'action'],
      ['**How I learned:** two books and a mentor.', 'action'],
      ['What I took away: ask before building.', 'result'],
      ['**What I learned** – measure first.', 'result'],
      ['**What I had to do:** tell him plainly.', 'task'],
      ['What I was asked to do: cut the cost.', 'task'],
      ['**What I wanted:** one form for all teams.', 'task'],
    ] as const)
      expect(matchHeading(line)?.section, line).toBe(section)
    expect(matchHeading("What I've learned: ask before building.")?.section).toBe('result')
    expect(matchHeading("What I'd do differently: ask first.")?.section).toBe('result')
    // A dash marks one only after emphasis or at the end of the line: this is a sentence.
    expect(matchHeading('What I wanted — more than anything — was to keep that client.')).toBeUndefined()
    // Without a colon or dash, a line that opens with those words is a sentence.
    expect(matchHeading('How I fixed it was simple.')).toBeUndefined()
    expect(matchHeading('What I noticed changed everything.')).toBeUndefined()
    expect(matchHeading('**What I noticed**')).toBeUndefined()
    expect(labels('**What I picked up:** I read the whole standard, all 60 pages.')).toEqual(['action'])
  })

  it('honours a heading that names the STAR section outright', () => {
    expect(labels('Action: I volunteered to rewrite the billing job.')).toEqual(['action'])
    expect(labels('**Result:** the team adopted it.\n\n**Situation** – it was slow.')).toEqual([
      'result',
      'situation',
    ])
  })
})

describe('an interview written out as a dialogue', () => {
  const ANSWER =
    'A: Right, so at Marlow Logistics in 2022 I was on the routing team. The warehouse team were stuck because our API rejected short time windows. I paused my refactor and changed the validation. Leeds same-day delivery launched on the planned date, with 2,300 deliveries in the first month.'

  it('reads "A:" after a "Q:" line as the answer\'s tag, not an Action heading', () => {
    const read = labels(`Q: Tell me about a time you unblocked another team.\n\n${ANSWER}`)
    expect(read[0]).toBe('other')
    expect(read.slice(1)).toContain('situation')
    expect(read.at(-1)).toBe('result')
    const tagged = labels(
      `Interviewer: Tell me about a time you unblocked another team.\n\n${ANSWER.replace('A:', 'Me:')}`,
    )
    expect(tagged.at(-1)).toBe('result')
  })

  it('keeps "A:" as the Action heading where no question is written out', () => {
    expect(labels(ANSWER).slice(0, 1)).toEqual(['action'])
  })
})

describe('trained label weights', () => {
  it('are integers, one per label', () => {
    const rows = Object.values(LABEL_WEIGHTS.emit)
    expect(rows.length).toBeGreaterThan(50)
    for (const row of rows) {
      expect(row).toHaveLength(5)
      for (const w of row) expect(Number.isInteger(w)).toBe(true)
    }
    for (const w of Object.values(LABEL_WEIGHTS.trans)) expect(Number.isInteger(w)).toBe(true)
  })

  it('are exactly what training on the development sets gives', () => {
    expect(readFileSync(WEIGHTS_FILE, 'utf8')).toBe(weightsSource(trainLabels()))
  }, 60_000)
})

describe('the word memo of the topic features', () => {
  /** `n` distinct made-up content words, twelve to a sentence, each sentence starting with a capital. */
  function filler(n: number): string {
    const words: string[] = []
    for (let i = 0; i < n; i++) {
      let w = ''
      for (let k = i; ; k = Math.floor(k / 26) - 1) {
        w += String.fromCharCode(97 + (k % 26))
        if (k < 26) break
      }
      words.push(`zq${w}x`)
    }
    const sentences: string[] = []
    for (let i = 0; i < n; i += 12) {
      const sentence = words.slice(i, i + 12).join(' ')
      sentences.push(`${sentence[0]!.toUpperCase()}${sentence.slice(1)}.`)
    }
    return sentences.join(' ')
  }
  const rambles = loadCorpus(CORPUS_DIR).filter((c) => c.variant === 'ramble')

  it('gives a long answer the same labels wherever in the memo it falls, even when the memo fills up inside it', () => {
    expect(rambles.length).toBeGreaterThan(1)
    for (const r of rambles.slice(0, 2)) {
      emptyStemMemo()
      const alone = labels(r.answer)
      // The ramble's new words would cross the memo's limit after `room` of them: early, midway and late.
      for (const room of [40, 100, 160]) {
        emptyStemMemo()
        // The filler is read as an answer of its own and fills the memo up to `room` words below its limit.
        expect(analyze(filler(STEM_LIMIT - room)).sentences.length).toBeGreaterThan(1000)
        expect(labels(r.answer), `${r.story} with room for ${room} words`).toEqual(alone)
      }
    }
  })
})
