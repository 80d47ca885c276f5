// scoreWithFollowUps: a follow-up adds to the story and never takes from it; the report stays consistent with
// the points it shows.

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  analyzeFollowUps,
  followUpStory,
  followUpTexts,
  scoreFollowUpAnalysis,
  scoreWithFollowUps,
} from '../../engine/follow-up-score'
import { combineAnswer } from '../../engine/probes'
import { bandFor, score } from '../../engine/score'
import type { ScoreReport } from '../../engine/types'
import { CORPUS_DIR, loadCorpus } from '../fixtures/corpus'
import { PRIVACY_ANSWER, WE_MEASURED } from '../fixtures/follow-ups'
import { rubricFor, words } from './check-table'
import { shippedRubrics } from './helpers'

const rubrics = shippedRubrics()
const corpus = loadCorpus(CORPUS_DIR)
const SUCCESS = rubrics.get('success-and-scale-bring-broad-responsibility')!

const points = (r: ScoreReport, id: string) => r.criteria.find((c) => c.id === id)!.score

describe('scoreWithFollowUps', () => {
  it('is score() of the answer when there is no follow-up, or only blank ones', () => {
    for (const item of corpus.slice(0, 10)) {
      const rubric = rubrics.get(item.tags[0]!) ?? rubrics.get('star-core')!
      const alone = JSON.stringify(score(item.answer, rubric))
      expect(JSON.stringify(scoreWithFollowUps(item.answer, [], rubric))).toBe(alone)
      expect(JSON.stringify(scoreWithFollowUps(item.answer, [{ answer: '  \n ' }], rubric))).toBe(alone)
    }
  })

  it('keeps what a "we measured" follow-up used to cost: the answer lost points when scored as one text', () => {
    const alone = score(PRIVACY_ANSWER, SUCCESS)
    expect(alone.probes.map((p) => p.id)).toContain('probe-responsible-result')
    const text = combineAnswer(PRIVACY_ANSWER, [{ answer: WE_MEASURED }])
    // The case this guards: scored as one text, the follow-up cost the STAR order and the "I" of the answer.
    const asOneText = score(text, SUCCESS)
    expect(asOneText.score).toBeLessThan(alone.score)
    expect(points(asOneText, 'star-structure')).toBeLessThan(points(alone, 'star-structure'))
    expect(points(asOneText, 'ownership')).toBeLessThan(points(alone, 'ownership'))

    const report = scoreWithFollowUps(PRIVACY_ANSWER, [{ answer: WE_MEASURED }], SUCCESS)
    expect(report.score).toBeGreaterThan(alone.score)
    // What the answer earned stays; what the follow-up adds (the wider effect measured) counts.
    expect(points(report, 'star-structure')).toBe(points(alone, 'star-structure'))
    expect(points(report, 'ownership')).toBe(points(alone, 'ownership'))
    expect(points(report, 'responsible-result')).toBeGreaterThan(points(alone, 'responsible-result'))
    expect(points(report, 'responsible-result')).toBe(points(asOneText, 'responsible-result'))
    // The report describes the whole story: its sentences end with the follow-up's.
    expect(report.sentences.at(-1)!.text).toBe(WE_MEASURED)
    expect(report.sentences.map((s) => s.text)).toEqual(asOneText.sentences.map((s) => s.text))
  })

  it('takes each criterion from the better of the answer alone and the answer with follow-ups, messages and all', () => {
    const alone = score(PRIVACY_ANSWER, SUCCESS)
    const text = combineAnswer(PRIVACY_ANSWER, [{ answer: WE_MEASURED }])
    const together = score(text, SUCCESS)
    const report = scoreWithFollowUps(PRIVACY_ANSWER, [{ answer: WE_MEASURED }], SUCCESS)
    let kept = 0
    report.criteria.forEach((c, i) => {
      const a = alone.criteria[i]!
      const t = together.criteria[i]!
      // Length is the answer's own; every other criterion the better of the two.
      const from = SUCCESS.criteria[i]!.check === 'length' || a.score > t.score ? a : t
      if (from === a) kept++
      // Points, status and messages come together from one of the two, never mixed.
      expect(c).toEqual(from)
    })
    expect(kept).toBeGreaterThan(0)
    // A message kept from the answer alone quotes the same words in the combined text, which starts with it.
    report.criteria.forEach((c, i) => {
      if (c.score === together.criteria[i]!.score) return
      for (const m of c.messages.filter((x) => x.place !== undefined)) {
        expect(m.place!.end).toBeLessThanOrEqual(PRIVACY_ANSWER.length)
        expect(text.slice(m.place!.start, m.place!.end)).toBe(
          PRIVACY_ANSWER.slice(m.place!.start, m.place!.end),
        )
      }
    })
  })

  it('recomputes the total, band, suggestions and probes from the criteria as kept', () => {
    const report = scoreWithFollowUps(PRIVACY_ANSWER, [{ answer: WE_MEASURED }], SUCCESS)
    const sum = report.criteria.reduce((s, c) => s + c.score, 0)
    // Each criterion's points are rounded to 2 decimals; the total is rounded once from the unrounded sum.
    expect(Math.abs(report.score - sum)).toBeLessThanOrEqual(0.5 + 0.005 * report.criteria.length)
    expect(report.band).toEqual(bandFor(SUCCESS, report.score))
    const status = new Map(report.criteria.map((c) => [c.id, c]))
    for (const s of report.suggestions) {
      const c = status.get(s.criterionId)!
      expect(c.score, s.criterionId).toBeLessThan(c.max)
    }
    for (const p of report.probes) expect(status.get(p.criterionId)!.status, p.id).not.toBe('met')
    // The criteria kept at full points from the answer alone are not suggested or probed again.
    expect(report.suggestions.map((s) => s.criterionId)).not.toContain('ownership')
    expect(report.probes.map((p) => p.id)).not.toContain('probe-responsible-result')
  })

  it('lets a second follow-up add without taking back what the first one added', () => {
    const item = corpus.find((c) => c.variant === 'no-numbers')!
    const rubric = rubrics.get('star-core')!
    const first = { answer: 'As a result, p99 latency fell from 900 ms to 120 ms and errors dropped by 85%.' }
    // Hedged and hypothetical: scored as one text with the answer and the first follow-up, it cost points.
    const second = { answer: 'Maybe we would do it differently.' }
    const one = scoreWithFollowUps(item.answer, [first], rubric)
    const two = scoreWithFollowUps(item.answer, [first, second], rubric)
    expect(one.score).toBeGreaterThan(score(item.answer, rubric).score)
    expect(score(combineAnswer(item.answer, [first, second]), rubric).score).toBeLessThan(one.score)
    expect(two.score).toBeGreaterThanOrEqual(one.score)
    for (const [i, c] of two.criteria.entries())
      expect(c.score, c.id).toBeGreaterThanOrEqual(one.criteria[i]!.score)
    // The first follow-up's evidence is in the report's text, after the answer.
    const text = combineAnswer(item.answer, [first, second])
    const measured = two.criteria.find((c) => c.id === 'measurable-result')!
    expect(measured.status).toBe('met')
    expect(
      two.sentences.some((s) => s.start >= item.answer.length && text.slice(s.start, s.end).includes('85%')),
    ).toBe(true)
  })

  it('judges length on the answer as told: a long follow-up neither pads a short answer nor costs a good one', () => {
    const rubric = rubricFor('length')
    const good = words(300)
    const short = words(60)
    const longFollowUp = { answer: words(450) }
    expect(score(good, rubric).criteria[0]!.status).toBe('met')
    expect(score(combineAnswer(good, [longFollowUp]), rubric).criteria[0]!.status).not.toBe('met')
    const report = scoreWithFollowUps(good, [longFollowUp], rubric)
    expect(report.stats.words).toBeGreaterThan(700)
    expect(report.criteria[0]).toEqual(score(good, rubric).criteria[0])
    // The other way: follow-ups do not lift an answer that was too short.
    const padded = scoreWithFollowUps(short, [{ answer: words(250) }], rubric)
    expect(score(combineAnswer(short, [{ answer: words(250) }]), rubric).criteria[0]!.status).toBe('met')
    expect(padded.criteria[0]).toEqual(score(short, rubric).criteria[0])
  })

  it("gives a message kept from an earlier stage its sentence's section in the whole story", () => {
    const followUps = [{ answer: WE_MEASURED }, { answer: 'I would do it the same way again.' }]
    let relabelled = 0
    for (const rubric of rubrics.values()) {
      const report = scoreWithFollowUps(PRIVACY_ANSWER, followUps, rubric)
      const alone = score(PRIVACY_ANSWER, rubric)
      for (const [i, c] of report.criteria.entries()) {
        const before = alone.criteria[i]!
        for (const [k, m] of c.messages.entries()) {
          const b = before.messages[k]
          if (m.place === undefined || m.section === undefined || b?.section === undefined) continue
          const was = alone.sentences.find((x) => x.start <= m.place!.start && m.place!.start < x.end)
          const now = report.sentences.find((x) => x.start <= m.place!.start && m.place!.start < x.end)!
          // Kept from the answer alone, with its section read off its own sentence there: it reads it here.
          if (c.score === before.score && b.section === was?.star) {
            expect(m.section).toBe(now.star)
            if (was.star !== now.star) relabelled++
          }
        }
      }
    }
    // The follow-ups change the label of a sentence that a kept message points at.
    expect(relabelled).toBeGreaterThan(0)
  })

  it('scores one analysis under several rubrics as each alone, and leaves it as it found it', () => {
    const followUps = [{ answer: WE_MEASURED }, { answer: 'I would do it the same way again.' }]
    const analysis = analyzeFollowUps(PRIVACY_ANSWER, followUps)
    expect(analysis.stages).toHaveLength(3)
    const before = JSON.stringify(analysis)
    for (const id of ['success-and-scale-bring-broad-responsibility', 'earn-trust', 'star-core']) {
      const rubric = rubrics.get(id)!
      expect(JSON.stringify(scoreFollowUpAnalysis(analysis, rubric))).toBe(
        JSON.stringify(scoreWithFollowUps(PRIVACY_ANSWER, followUps, rubric)),
      )
    }
    expect(JSON.stringify(analysis)).toBe(before)
  })
})

/** Follow-up answers of every kind a candidate gives: relevant, "we", hypothetical, off-topic, near-empty, long. */
const followUpText = fc.oneof(
  fc.constantFrom(
    WE_MEASURED,
    'We measured it: errors fell by 35% within two months and support tickets halved.',
    'We all worked on it together as a team and we shipped it.',
    'I measured it myself: the error rate dropped from 4% to 0.5% in six weeks.',
    'Looking back, I learned to write the plan down first, and I now do that on every project.',
    'I personally wrote the design doc and ran the postmortem.',
  ),
  fc
    .tuple(
      fc.constantFrom('I would', 'We would', 'I might', 'Maybe we could', 'If I did it again I would'),
      fc.constantFrom(' probably add more tests.', ' talk to the customers first.', ' measure it better.'),
    )
    .map(([a, b]) => a + b),
  fc.constantFrom(
    'The office moved to a new building that year and the coffee was better.',
    'My favourite film is about a heist on a train.',
    'Yes.',
    'No.',
    '...',
    'Hmm, good question.',
    '42',
  ),
  fc
    .tuple(
      fc.integer({ min: 20, max: 120 }),
      fc.constantFrom(
        'Then we checked the next step with the team and it seemed fine.',
        'I reviewed another change and we merged it on Friday.',
        'We kept going like that for a while.',
      ),
    )
    .map(([n, s]) => Array.from({ length: n }, () => s).join(' ')),
  fc.string({ minLength: 1, maxLength: 200 }),
)

describe('a follow-up never costs points (property)', () => {
  const withProbes = corpus
    .map((item) => {
      const rubric = rubrics.get(item.tags[0]!) ?? rubrics.get('star-core')!
      return { item, rubric, alone: score(item.answer, rubric) }
    })
    .filter((x) => x.alone.probes.length > 0)

  it('holds the corpus answers, strong and weak, with probes to answer', () => {
    expect(new Set(withProbes.map((x) => x.item.variant)).size).toBeGreaterThan(3)
    expect(withProbes.length).toBeGreaterThan(60)
  })

  it('never lowers the total or any criterion below the answer alone, or below fewer follow-ups', () => {
    let loweredAsOneText = 0
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: withProbes.length - 1 }),
        fc.array(fc.tuple(followUpText, fc.boolean()), { minLength: 1, maxLength: 3 }),
        (index, texts) => {
          const { item, rubric, alone } = withProbes[index]!
          // Answers to a question about the scene, read with the Situation, and answers read after the story.
          const followUps = texts.map(([answer, scene]) => ({ answer, scene }))
          if (score(combineAnswer(item.answer, followUps), rubric).score < alone.score) loweredAsOneText++
          const report = scoreWithFollowUps(item.answer, followUps, rubric)
          const fewer = scoreWithFollowUps(item.answer, followUps.slice(0, -1), rubric)
          // Length is the answer's own and does not move; every other criterion never drops, so neither does
          // the total (both are rounded to whole points from unrounded points: that much slack at most).
          const slack = 0.5 + 0.005 * report.criteria.length
          expect(report.score).toBeGreaterThanOrEqual(alone.score - slack)
          expect(report.score).toBeGreaterThanOrEqual(fewer.score - slack)
          report.criteria.forEach((c, i) => {
            expect(c.score, c.id).toBeGreaterThanOrEqual(alone.criteria[i]!.score)
            if (rubric.criteria[i]!.check === 'length') expect(c).toEqual(alone.criteria[i])
          })
        },
      ),
      { numRuns: 120, seed: Number(process.env.SEED ?? 20261128) },
    )
    // The generated follow-ups include ones that lowered the score when scored as one text.
    expect(loweredAsOneText).toBeGreaterThan(0)
  })
})

/** An answer with headings whose report probes for the specifics, and an answer to that probe. */
const HEADED = `Situation: Last spring our checkout service failed during peak sales, and the team that owned it was on leave.
Task: Although it was outside my area, I volunteered to restore it because customers could not pay.
Action: I took ownership of the incident, traced the errors to a connection pool limit, raised the limit, and added an alert. I wrote a runbook and walked the on-call rotation through it.
Result: Checkout errors fell from 9% to 0.2% within an hour and the team was relieved. I learned to check pool limits first, and next time I would add the alert before peak season.`
const SPECIFICS =
  'It was in March 2023 at a grocery delivery company; I used Grafana and pgbouncer on our PostgreSQL cluster.'
const OWNERSHIP = rubrics.get('ownership')!

/**
 * The story's text with the follow-ups' words taken out again, spaces and line breaks read as one space: the
 * answer's words, all of them, in their order, when the follow-ups were only placed among them.
 */
function withoutFollowUps(story: ReturnType<typeof followUpStory>): string {
  let text = story.text
  for (const p of [...story.placed].sort((a, b) => b.start - a.start))
    text = `${text.slice(0, p.start)} ${text.slice(p.end)}`
  return oneSpaced(text)
}
const oneSpaced = (text: string) => text.replace(/\s+/g, ' ').trim()

describe('a follow-up about the scene', () => {
  it("is the answer to a probe whose criterion asks for the specifics, by the rubric's own criteria", () => {
    const report = score(HEADED, OWNERSHIP)
    expect(report.probes.map((p) => p.id)).toContain('probe-specificity')
    const texts = followUpTexts(
      [
        { answer: SPECIFICS, criterionId: 'specificity' },
        { answer: 'Errors fell by 95%.', criterionId: 'measurable-result' },
        { answer: 'Something.', criterionId: 'a-criterion-no-longer-there' },
      ],
      OWNERSHIP.criteria,
    )
    expect(texts).toEqual([
      { answer: SPECIFICS, scene: true },
      { answer: 'Errors fell by 95%.' },
      { answer: 'Something.' },
    ])
  })

  it('is read after the Situation, labelled with it, not after the lesson as a Result', () => {
    const asText = score(combineAnswer(HEADED, [{ answer: SPECIFICS }]), OWNERSHIP)
    // Read after the story, the scene was labelled a Result.
    expect(asText.sentences.at(-1)!.text).toBe(SPECIFICS)
    expect(asText.sentences.at(-1)!.star).toBe('result')

    const story = followUpStory(HEADED, [{ answer: SPECIFICS, scene: true }])
    const report = scoreWithFollowUps(HEADED, [{ answer: SPECIFICS, scene: true }], OWNERSHIP)
    const placed = story.placed[0]!
    expect(story.text.slice(placed.start, placed.end)).toBe(SPECIFICS)
    expect(placed.scene).toBe(true)
    // After the answer's Situation line, before its Task, as a paragraph of its own.
    const situationLine = HEADED.split('\n')[0]!
    expect(story.text.startsWith(`${situationLine}\n\n${SPECIFICS}\nTask:`)).toBe(true)
    // The answer's own words are all there, in their order, unchanged.
    expect(withoutFollowUps(story)).toBe(oneSpaced(HEADED))
    // The report describes that text; the follow-up's sentence is a Situation, and the Result ends with the lesson.
    for (const s of report.sentences) expect(story.text.slice(s.start, s.end)).toBe(s.text)
    expect(report.sentences.find((s) => s.text === SPECIFICS)!.star).toBe('situation')
    expect(report.sentences.at(-1)!.text).toMatch(/^I learned/)
    // And it still only adds.
    expect(report.score).toBeGreaterThan(score(HEADED, OWNERSHIP).score)
    expect(points(report, 'specificity')).toBeGreaterThan(points(score(HEADED, OWNERSHIP), 'specificity'))
  })

  it('goes before the first Task, Action or Result when the answer sets no scene, and last when nothing follows it', () => {
    const noScene = 'I traced the errors to a pool limit and raised it. Errors fell by 90% within the hour.'
    const first = followUpStory(noScene, [{ answer: SPECIFICS, scene: true }])
    expect(first.text).toBe(`${SPECIFICS}\n\n${noScene}`)
    expect(withoutFollowUps(first)).toBe(noScene)
    // A scene that closes the answer: the follow-up comes after it, as any other does.
    const onlyScene = 'Last spring our checkout service failed during peak sales.'
    expect(followUpStory(onlyScene, [{ answer: SPECIFICS, scene: true }]).text).toBe(
      combineAnswer(onlyScene, [{ answer: SPECIFICS }]),
    )
    // In running prose, it joins the Situation's paragraph.
    const prose = `Our checkout failed during the spring sale. ${noScene}`
    expect(followUpStory(prose, [{ answer: SPECIFICS, scene: true }]).text).toBe(
      `Our checkout failed during the spring sale. ${SPECIFICS} ${noScene}`,
    )
  })

  it("leaves any other follow-up where it was, after the answer: the text is combineAnswer's", () => {
    const followUps = [
      { answer: WE_MEASURED },
      { answer: '  ' },
      { answer: 'I would do it the same way again.' },
    ]
    const story = followUpStory(PRIVACY_ANSWER, followUps)
    expect(story.text).toBe(combineAnswer(PRIVACY_ANSWER, followUps))
    expect(story.placed.map((p) => [p.index, story.text.slice(p.start, p.end), p.scene])).toEqual([
      [0, WE_MEASURED, false],
      [2, 'I would do it the same way again.', false],
    ])
  })

  it('keeps every note kept from the answer alone on the same words, wherever the follow-up went', () => {
    let kept = 0
    for (const item of corpus
      .filter((c) => c.variant === 'strong' || c.variant === 'no-numbers')
      .slice(0, 30)) {
      const rubric = rubrics.get(item.tags[0]!) ?? rubrics.get('star-core')!
      const followUps = [{ answer: SPECIFICS, scene: true }, { answer: WE_MEASURED }]
      const story = followUpStory(item.answer, followUps)
      expect(withoutFollowUps(story), item.story).toBe(oneSpaced(item.answer))
      const report = scoreWithFollowUps(item.answer, followUps, rubric)
      const alone = score(item.answer, rubric)
      const whole = score(story.text, rubric)
      for (const [i, c] of report.criteria.entries()) {
        for (const m of c.messages.filter((x) => x.place !== undefined)) {
          const words = story.text.slice(m.place!.start, m.place!.end)
          // A note on a whole section ("The Situation takes 37%…") spans the scene placed inside it; without the
          // scene's words it is the note's span in the answer alone.
          const scene = story.placed.find(
            (p) => p.scene && m.place!.start <= p.start && p.end <= m.place!.end,
          )
          const ownWords =
            scene === undefined
              ? words
              : oneSpaced(
                  story.text.slice(m.place!.start, scene.start) + story.text.slice(scene.end, m.place!.end),
                )
          const fromWhole = whole.criteria[i]!.messages.some(
            (w) => w.reason === m.reason && w.place?.start === m.place!.start && w.place.end === m.place!.end,
          )
          const fromAlone = alone.criteria[i]!.messages.some(
            (a) =>
              a.reason === m.reason &&
              a.place !== undefined &&
              oneSpaced(item.answer.slice(a.place.start, a.place.end)) === oneSpaced(ownWords),
          )
          expect(fromWhole || fromAlone, `${item.story} ${c.id}: ${m.reason} "${words}"`).toBe(true)
          // Kept from the answer alone, on words after the scene placed in it: carried to where they are now.
          if (!fromWhole && story.placed[0]!.scene && m.place!.start > story.placed[0]!.end) kept++
        }
      }
    }
    // Notes kept from the answer alone, after the place the scene went in, were carried to their words.
    expect(kept).toBeGreaterThan(0)
  })
})
