// The scorer's promises: never throws, empty scores 0, deterministic, offsets exact, suggestion gains exact.

import { describe, expect, it } from 'vitest'
import { analyze } from '../../engine/analyze'
import { parseRubric } from '../../engine/parse'
import { score } from '../../engine/score'
import type { Rubric, ScoreReport } from '../../engine/types'
import { CORPUS_DIR, loadCorpus } from '../fixtures/corpus'
import { shippedRubrics, starCore } from './helpers'

const rubric = starCore()
const strong = loadCorpus(CORPUS_DIR).find((c) => c.variant === 'strong')!.answer

function checkInvariants(text: string, report: ScoreReport) {
  expect(Number.isInteger(report.score)).toBe(true)
  expect(report.score).toBeGreaterThanOrEqual(0)
  expect(report.score).toBeLessThanOrEqual(100)
  let last = 0
  for (const s of report.sentences) {
    expect(s.start).toBeGreaterThanOrEqual(last)
    expect(s.end).toBeGreaterThan(s.start)
    expect(s.end).toBeLessThanOrEqual(text.length)
    expect(text.slice(s.start, s.end)).toBe(s.text)
    last = s.end
  }
  for (const c of report.criteria) {
    for (const m of c.messages) {
      if (m.place === undefined) continue
      expect(m.place.start).toBeGreaterThanOrEqual(0)
      expect(m.place.end).toBeLessThanOrEqual(text.length)
      expect(m.place.end).toBeGreaterThanOrEqual(m.place.start)
    }
  }
  expect(JSON.parse(JSON.stringify(report))).toEqual(report)
}

describe('score', () => {
  it('scores an empty or blank answer 0 with a message saying what to do', () => {
    for (const text of ['', '   ', '\n\n\t ', '…', '?!']) {
      const report = score(text, rubric)
      expect(report.score).toBe(0)
      expect(report.band.id).toBe('weak')
      expect(report.messages.map((m) => m.ruleId)).toEqual(['empty-answer'])
      expect(report.criteria.every((c) => c.status === 'missed')).toBe(true)
    }
  })

  const hostile: [string, string][] = [
    ['emoji', '🚀🔥 I shipped 🙂 the migration 👩‍💻 and cut costs 40% 💸.'],
    ['right-to-left', 'עבדתי על מערכת התשלומים. قمت بتحسين الأداء بنسبة 30%. I led the rollout.'],
    ['control characters', 'I\u0000 fixed\u0007 the\u001b[31m bug\u0008.\u000c Result:\u0085 it worked.'],
    ['lone surrogates', 'I rewrote \ud800 the cache \udfff and latency fell 50%.\ud83d'],
    ['combining marks', 'Ĩ̸̢ r̷e̴w̵r̶o̷t̸e̵ the queue; p99 fell from 900 ms to 120 ms.'],
    ['only punctuation', '... --- !!! ??? ;;; :::'],
    ['no spaces', 'a'.repeat(5000)],
    ['headings only', 'Situation:\nTask:\n**Action**\nResult –'],
    ['numbers only', '1 2 3 4 5 6 7 8 9 10 100% $5k 3x'],
    ['zero-width', '\u200bI\u200b led\u200d the\ufeff work.'],
    ['newlines', '\n'.repeat(1000)],
    ['weird quotes', '“I did it,” she said — ‘really’ — and we’d shipped by 3 a.m. (U.S. time).'],
  ]
  it.each(hostile)('never throws on %s and keeps offsets inside the text', (_name, text) => {
    const report = score(text, rubric)
    checkInvariants(text, report)
  })

  it('never throws on 50,000 characters and keeps every sentence inside the text', () => {
    const text = `${strong} `.repeat(Math.ceil(50_000 / (strong.length + 1))).slice(0, 50_000)
    const report = score(text, rubric)
    checkInvariants(text, report)
    expect(report.stats.words).toBeGreaterThan(5000)
    expect(report.criteria.find((c) => c.id === 'length')!.status).toBe('missed')
  })

  it('gives the same report, byte for byte, every time', () => {
    const a = JSON.stringify(score(strong, rubric))
    for (let i = 0; i < 5; i++) expect(JSON.stringify(score(strong, rubric))).toBe(a)
    // A fresh copy of the rubric (as the browser gets it from JSON) scores identically.
    const copy = JSON.parse(JSON.stringify(rubric)) as Rubric
    expect(JSON.stringify(score(strong, copy))).toBe(a)
  })

  it('scores with a JSON copy of every shipped rubric exactly as with the rubric compiled at load', () => {
    const rubrics = [...shippedRubrics().values()]
    expect(rubrics.some((r) => r.criteria.some((c) => c.check === 'keywords'))).toBe(true)
    for (const r of rubrics) {
      const copy = JSON.parse(JSON.stringify(r)) as Rubric
      expect(JSON.stringify(score(strong, copy)), r.id).toBe(JSON.stringify(score(strong, r)))
    }
  })

  it('matches keyword phrases whose first word names an object property, before and after JSON', () => {
    const { rubric: r, errors } = parseRubric(
      [
        'id: props',
        'title: Props',
        'kind: general',
        'summary: Keywords that look like object properties.',
        'criteria:',
        '  - id: words',
        '    check: keywords',
        '    weight: 1',
        '    groups:',
        '      - { label: a constructor, any: [constructor] }',
        '      - { label: a prototype, any: [__proto__ chain] }',
        'bands:',
        '  - { id: any, label: Any, min: 0 }',
        '',
      ].join('\n'),
      'rubrics/props.yaml',
    )
    expect(errors).toEqual([])
    const answer =
      'I rewrote the constructor and then I walked the __proto__ chain. The valueOf call was slow.'
    for (const copy of [r!, JSON.parse(JSON.stringify(r)) as Rubric]) {
      const reasons = score(answer, copy).criteria[0]!.messages.map((m) => m.reason)
      expect(reasons).toEqual(['Shows a constructor', 'Shows a prototype'])
    }
  })

  it('reports a criterion that was never compiled instead of scoring it', () => {
    const handMade = JSON.parse(JSON.stringify(rubric)) as Rubric
    delete (handMade.criteria[0] as { compiled?: unknown }).compiled
    const c = score(strong, handMade).criteria[0]!
    expect(c.score).toBe(0)
    expect(c.messages.map((m) => m.reason)).toEqual([
      `Criterion "${c.id}" is not compiled: load rubrics with compileRubrics`,
    ])
  })

  it('reports each suggestion gain as exactly the rise in the integer total at full credit', () => {
    const answer = 'We fixed the flaky pipeline. I think it was kind of better after that, maybe.'
    const report = score(answer, rubric)
    expect(report.suggestions.length).toBeGreaterThan(2)
    const raw = report.criteria.reduce((s, c) => s + c.score, 0)
    const suggested = new Set(report.suggestions.map((s) => s.criterionId))
    for (const s of report.suggestions) {
      const c = report.criteria.find((x) => x.id === s.criterionId)!
      // A missing Result and its missing measure are one fix: its gain counts both.
      const merged = report.criteria.filter(
        (x) =>
          x === c || (c.check === 'star-sections' && x.check === 'quantified-result' && !suggested.has(x.id)),
      )
      const missing = merged.reduce((sum, x) => sum + x.max - x.score, 0)
      expect(s.gain).toBe(Math.round(raw + missing) - report.score)
      expect(s.message.length).toBeGreaterThan(10)
    }
  })

  it('orders suggestions as an interviewer needs them: real story, Result, "I", measure, evidence, the rest', () => {
    const order = ['hypothetical', 'star-sections', 'ownership', 'quantified-result', 'keywords']
    // The STAR structure ranks with the Result only for a missing or thin Result or Action; its fixes for the
    // scene and the Task are among the rest.
    const rank = (check: string, message: string) =>
      check === 'star-sections' && !/\b(Result|Action)\b/.test(message)
        ? order.length
        : order.includes(check)
          ? order.indexOf(check)
          : order.length
    const weNoTask =
      'At a grocery delivery company the order service timed out every Friday evening. We pulled three weeks of traces and lined them up against the slow-query log. We found a reporting job at six that locked the orders table, and we moved it to a replica. The timeouts stopped, and support tickets about failed orders fell by 80%.'
    for (const answer of [
      'We fixed the flaky pipeline. I think it was kind of better after that, maybe.',
      'I would first look at the logs, and then I would usually ask the team what changed.',
      strong,
      weNoTask,
    ]) {
      const report = score(answer, rubric)
      const ranks = report.suggestions.map((s) =>
        rank(report.criteria.find((c) => c.id === s.criterionId)!.check, s.message),
      )
      expect(
        [...ranks].sort((a, b) => a - b),
        answer,
      ).toEqual(ranks)
      // Within one rank, the bigger gain first; no fix is suggested twice.
      for (let i = 1; i < ranks.length; i++)
        if (ranks[i] === ranks[i - 1])
          expect(report.suggestions[i]!.gain).toBeLessThanOrEqual(report.suggestions[i - 1]!.gain)
      expect(new Set(report.suggestions.map((s) => s.message)).size).toBe(report.suggestions.length)
    }
    const hypothetical = score(
      'I would first look at the logs, and then I would ask the team what changed.',
      rubric,
    )
    expect(hypothetical.suggestions[0]!.criterionId).toBe('real-story')
    // Told as "we" and with no Task: "I" over "we" comes before adding the Task.
    const messages = score(weNoTask, rubric).suggestions.map((s) => s.message)
    const task = messages.findIndex((m) => m.startsWith('Add a Task'))
    const we = messages.findIndex((m) => m.startsWith('Replace "we" with "I"'))
    expect(task).toBeGreaterThan(-1)
    expect(we).toBeGreaterThan(-1)
    expect(we).toBeLessThan(task)
  })

  it('fills stats: words, sentences, speaking time at 150 words a minute, I and we', () => {
    const report = score('I led the work. We shipped it. I measured a 20% gain.', rubric)
    expect(report.stats).toEqual({
      words: 12,
      sentences: 3,
      speakingSeconds: 5,
      wordsPerMinute: 150,
      iCount: 2,
      weCount: 1,
    })
    expect(report.engineVersion).toMatch(/^\d+\.\d+\.\d+$/)
    expect(report.rubricId).toBe('star-core')
    expect(report.rubricHash).toBe(rubric.hash)
  })

  it('keeps section shares summing to at most 1', () => {
    const report = score(strong, rubric)
    const sum = Object.values(report.sections).reduce((s, x) => s + x.share, 0)
    expect(sum).toBeLessThanOrEqual(1.0001)
    expect(report.sections.action.share).toBeGreaterThan(0.2)
  })
})

describe('whole-answer notes: one per cause', () => {
  const WEAK = 'I would probably talk to the team and maybe we would fix it together somehow.'
  /** The notes not anchored to words, as `criterion: reason`. */
  const notes = (report: ScoreReport) =>
    report.criteria.flatMap((c) =>
      c.messages.filter((m) => m.place === undefined).map((m) => `${c.id}: ${m.reason}`),
    )

  it('a missing section is said once, by the section check, and the points are the same', () => {
    const report = score(WEAK, rubric)
    expect(notes(report)).toEqual([
      'star-structure: No Situation found: set the scene in a sentence or two: where you were, when, and what was at stake',
      'star-structure: No Task found: say what you were responsible for or asked to achieve',
      'star-structure: No Action found: say step by step what you did yourself, in the past tense',
      'star-structure: No Result found: say what happened because of your actions, with a number if you can',
      'specificity: 0 specific details; aim for 4 or more',
      'length: 15 words (6 seconds spoken) is short; aim for 200–450 words',
      'reflection: No lesson or change afterwards',
    ])
    // The checks that left their note out still score, suggest and mark words as before.
    const byId = new Map(report.criteria.map((c) => [c.id, c]))
    for (const id of ['ownership', 'measurable-result', 'real-story']) expect(byId.get(id)!.score).toBe(0)
    expect(report.suggestions.map((s) => s.criterionId)).toContain('real-story')
    expect(byId.get('real-story')!.messages.map((m) => m.reason)).toEqual([
      'This says what you would do, not what you did',
    ])
  })

  it('without a section check that requires the section, the other checks still say it is missing', () => {
    const withoutSections: Rubric = {
      ...rubric,
      criteria: rubric.criteria.map((c) => (c.id === 'star-structure' ? { ...c, weight: 0 } : c)),
    }
    expect(notes(score(WEAK, withoutSections))).toEqual(
      expect.arrayContaining([
        'ownership: There is no Action to show what you did yourself',
        'measurable-result: There is no Result to measure',
        'real-story: No past action found: tell one real story, in the past tense',
      ]),
    )
    const situationOnly: Rubric = {
      ...rubric,
      criteria: rubric.criteria.map((c) =>
        c.id === 'star-structure'
          ? { ...c, compiled: { ...(c.compiled as object), required: ['situation', 'task'] } }
          : c,
      ),
    }
    expect(notes(score(WEAK, situationOnly))).toEqual(
      expect.arrayContaining(['measurable-result: There is no Result to measure']),
    )
  })
})

describe('sentence splitting', () => {
  const split = (t: string) => analyze(t).sentences.map((s) => s.text)

  it('does not split after common abbreviations', () => {
    expect(
      split(
        'I met Dr. Patel at 9 a.m. on Monday. We compared Postgres vs. MySQL, e.g. for writes, i.e. the hot path. The U.S. team agreed.',
      ),
    ).toEqual([
      'I met Dr. Patel at 9 a.m. on Monday.',
      'We compared Postgres vs. MySQL, e.g. for writes, i.e. the hot path.',
      'The U.S. team agreed.',
    ])
  })

  it('splits after an abbreviation that ends a sentence', () => {
    expect(split('I was paged at 3 a.m. The database was down.')).toEqual([
      'I was paged at 3 a.m.',
      'The database was down.',
    ])
  })

  it('joins hard-wrapped lines but keeps paragraphs, headings and bullets apart', () => {
    expect(
      split(
        'I rewrote the consumer\nwith backoff and jitter.\n\nSituation:\nWe had outages.\n- I added alerts\n- I wrote a runbook',
      ),
    ).toEqual([
      'I rewrote the consumer\nwith backoff and jitter.',
      'Situation:',
      'We had outages.',
      '- I added alerts',
      '- I wrote a runbook',
    ])
  })

  it('ends sentences at terminal punctuation, closing quotes and line breaks, in any script', () => {
    expect(
      split('She said, "Ship it." Then I did! Did it work? Yes… mostly. I waited… then I called.'),
    ).toEqual([
      'She said, "Ship it."',
      'Then I did!',
      'Did it work?',
      'Yes… mostly.',
      'I waited… then I called.',
    ])
    expect(split('我们上线了。然后我测量了结果。 Really? yes.')).toEqual([
      '我们上线了。',
      '然后我测量了结果。',
      'Really?',
      'yes.',
    ])
    expect(split('Version 2.3 shipped (on time). Latency fell 3.5x.')).toEqual([
      'Version 2.3 shipped (on time).',
      'Latency fell 3.5x.',
    ])
  })

  it('does not take words that name object properties for headings', () => {
    const report = analyze('Constructor: I built the parser.\nValueOf - I measured it.')
    expect(report.sentences.map((s) => s.heading)).toEqual([undefined, undefined])
  })

  it('honours explicit headings, inline and on their own line', () => {
    const labels = (t: string) => analyze(t).sentences.map((s) => `${s.star}:${s.text}`)
    expect(
      labels('S - Our API was slow. T - I owned the fix. A - I profiled it. R - It got 3x faster.'),
    ).toEqual([
      'situation:S - Our API was slow.',
      'task:T - I owned the fix.',
      'action:A - I profiled it.',
      'result:R - It got 3x faster.',
    ])
    expect(
      labels('**Result:** the team adopted it.\n\n**Situation** – it was 2021.').map((l) => l.split(':')[0]),
    ).toEqual(['result', 'situation'])
  })
})
