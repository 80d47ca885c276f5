// One next step per fault: a thin or missing Action is one fix and one note, not one from the section check and
// another from ownership; fixes that are different faults stay apart, in the interviewer's order.

import { describe, expect, it } from 'vitest'
import { clampScore, score } from '../../engine/score'
import type { ScoreReport } from '../../engine/types'
import { CORPUS_DIR, loadCorpus } from '../fixtures/corpus'
import { shippedRubrics } from './helpers'

const rubrics = shippedRubrics()
const corpus = loadCorpus(CORPUS_DIR)

/** Told in "I", measured, with a lesson: only its Action is short. */
const THIN_ACTION = `Situation: Last spring our checkout service failed during peak sales, and the team that owned it was on leave.
Task: Although it was outside my area, I volunteered to restore it because customers could not pay.
Action: I traced the errors to a connection pool limit and raised it.
Result: Checkout errors fell from 9% to 0.2% within an hour. I learned to check pool limits first, and next time I would add the alert before peak season.`
/** The same story with a short Action told as the team's. */
const WE_THIN_ACTION = THIN_ACTION.replace(
  'I traced the errors to a connection pool limit and raised it.',
  'We traced the errors to a connection pool limit and we raised it.',
)

const criterion = (r: ScoreReport, id: string) => r.criteria.find((c) => c.id === id)!
/** The whole-answer warnings about the Action, as `criterion: reason`. */
const actionNotes = (r: ScoreReport) =>
  r.criteria.flatMap((c) =>
    c.messages
      .filter((m) => m.place === undefined && m.section === 'action' && m.severity !== 'info')
      .map((m) => `${c.id}: ${m.reason}`),
  )
const ACTION_FIX = /^(Develop|Add) (the|an) Action\b/

describe('a thin Action', () => {
  for (const id of ['star-core', 'ownership']) {
    it(`is one next step and one note about its size under ${id}, worth both criteria's points`, () => {
      const report = score(THIN_ACTION, rubrics.get(id)!)
      const own = criterion(report, 'ownership')
      const structure = criterion(report, 'star-structure')
      // Both criteria are short of points because the Action is short.
      expect(own.status).not.toBe('met')
      expect(structure.status).not.toBe('met')
      // What a fix asks first; "Still missing: …" or where to move found evidence may follow it.
      const aboutAction = report.suggestions.filter((s) => /\bAction\b/.test(s.message.split('. ')[0]!))
      expect(aboutAction).toHaveLength(1)
      const [fix] = aboutAction
      expect(fix!.criterionId).toBe('star-structure')
      expect(fix!.message).toMatch(ACTION_FIX)
      expect(report.suggestions.map((s) => s.criterionId)).not.toContain('ownership')
      // Its gain is what developing the Action earns on both: the rise in the integer total at full credit.
      const raw = report.criteria.reduce((sum, c) => sum + c.score, 0)
      const both = own.max - own.score + (structure.max - structure.score)
      expect(fix!.gain).toBe(clampScore(raw + both) - report.score)
      expect(fix!.gain).toBeGreaterThan(clampScore(raw + structure.max - structure.score) - report.score)
      // The note that says the Action is thin is the section check's alone; ownership keeps its points.
      expect(actionNotes(report).filter((n) => /\bthin\b|too little/.test(n))).toEqual([
        expect.stringMatching(/^star-structure: The Action is thin \(\d+ words\)/),
      ])
      expect(own.score).toBeGreaterThan(0)
      expect(own.messages.filter((m) => m.place === undefined && m.severity !== 'info')).toEqual([])
    })
  }

  it('told as "we" keeps "I" over "we" as its own next step and note, after the Action', () => {
    const report = score(WE_THIN_ACTION, rubrics.get('star-core')!)
    const ids = report.suggestions.map((s) => s.criterionId)
    expect(ids.indexOf('star-structure')).toBeGreaterThanOrEqual(0)
    expect(ids.indexOf('ownership')).toBe(ids.indexOf('star-structure') + 1)
    expect(report.suggestions.find((s) => s.criterionId === 'ownership')!.message).toContain('"I"')
    expect(actionNotes(report)).toContainEqual(
      expect.stringMatching(/^ownership: Only \d+% of the Action says "I"/),
    )
  })

  it('missing altogether is one next step: "Add an Action", and ownership neither suggests nor notes it again', () => {
    const noAction =
      'Situation: Last spring our checkout service failed during peak sales. Task: I had to restore it. Result: Checkout errors fell from 9% to 0.2% within an hour.'
    const report = score(noAction, rubrics.get('star-core')!)
    const messages = report.suggestions.map((s) => s.message)
    expect(messages.filter((m) => /\bAction\b/.test(m))).toEqual([expect.stringMatching(/^Add an Action\b/)])
    expect(report.suggestions.map((s) => s.criterionId)).not.toContain('ownership')
    expect(criterion(report, 'ownership').score).toBe(0)
  })
})

describe('across the corpus', () => {
  it('never gives ownership a next step or a note about the Action that the section check gives already', () => {
    let merged = 0
    for (const item of corpus) {
      for (const id of ['star-core', 'ownership', 'deliver-results']) {
        const report = score(item.answer, rubrics.get(id)!)
        const sectionFix = report.suggestions.find((s) => s.criterionId === 'star-structure')
        if (sectionFix === undefined || !ACTION_FIX.test(sectionFix.message)) continue
        const own = report.suggestions.find((s) => s.criterionId === 'ownership')
        // What ownership still suggests is a different fault: who did the work, not how much Action there is.
        if (own !== undefined) expect(own.message, item.story).not.toMatch(/\b(the|your) Action\b/)
        expect(
          actionNotes(report).filter((n) => n.startsWith('ownership:') && /words|no Action/.test(n)),
          `${item.story}/${item.variant} ${id}`,
        ).toEqual([])
        if (own === undefined && criterion(report, 'ownership').status !== 'met') merged++
      }
    }
    // The corpus has answers whose Action is thin or missing and whose ownership fix was that same fix.
    expect(merged).toBeGreaterThan(0)
  })

  it('keeps every suggestion one thing to do: no two with the same text', () => {
    for (const item of corpus.slice(0, 60)) {
      const report = score(item.answer, rubrics.get('star-core')!)
      const texts = report.suggestions.map((s) => s.message)
      expect(new Set(texts).size, item.story).toBe(texts.length)
    }
  })
})

describe('the part of a criterion still lacking', () => {
  const learn = rubrics.get('learn-and-be-curious')!
  const fixFor = (text: string) =>
    score(text, learn).suggestions.find((s) => s.criterionId === 'self-directed-learning')?.message
  const STUDIED =
    'I joined the data team at Grünwald Energy in 2023 and had never used Flink. I taught myself Flink from the documentation in the evenings. The pipeline went live in July, and late readings fell from 4% to 0.3%.'

  it("follows the rubric's fix, naming the parts not yet shown, and 'or' when one of them is enough", () => {
    const fix = fixFor(STUDIED)!
    expect(fix.startsWith('Show how you learned in the Action')).toBe(true)
    expect(fix.endsWith('Still missing: asking questions, or applying what you learned.')).toBe(true)
  })

  it('names nothing lacking when nothing is shown: the whole fix is the advice', () => {
    const none =
      'I joined the data team at Grünwald Energy in 2023. The pipeline went live in July, and late readings fell from 4% to 0.3%.'
    expect(fixFor(none)).not.toMatch(/Still missing/)
  })

  it('is gone once the criterion is met', () => {
    const met = STUDIED.replace(
      'in the evenings.',
      'in the evenings, asked a speaker at a meetup how they handle late data, and then changed our pipeline to use event time.',
    )
    expect(fixFor(met)).toBeUndefined()
  })
})
