// Display helpers: clock and speaking time, signed differences, report diffs, drafts in storage.
import { describe, expect, it } from 'vitest'
import {
  biggestChangeFirst,
  clock,
  criterionMax,
  draftKey,
  lowerFirst,
  readDraft,
  shownStatus,
  signed,
  speakingTime,
  whole,
  wholePoints,
  withoutFieldPrefix,
  writeDraft,
} from '../../client/format'
import { reportDifference } from '../../engine/difference'
import type { ScoreReport } from '../../engine/types'
import { memoryStorage } from './memory-storage'

describe('clock and speaking time', () => {
  it('formats elapsed time as m:ss', () => {
    expect(clock(0)).toBe('0:00')
    expect(clock(75_400)).toBe('1:15')
    expect(clock(120_000)).toBe('2:00')
    expect(clock(-5)).toBe('0:00')
  })
  it('says speaking time in seconds, then minutes, each number kept on one line with its unit', () => {
    expect(speakingTime(45)).toBe('45\u00a0s')
    expect(speakingTime(120)).toBe('2\u00a0min')
    expect(speakingTime(80)).toBe('1\u00a0min 20\u00a0s')
  })
  it('signs differences with a real minus', () => {
    expect(signed(3)).toBe('+3')
    expect(signed(-2.5)).toBe('−3')
    expect(signed(17.24)).toBe('+17')
    expect(signed(0)).toBe('±0')
    expect(signed(0.3)).toBe('±0')
  })
  it('shows whole points that never claim full marks short of them', () => {
    expect(whole(17.24)).toBe(17)
    expect(whole(-0.4)).toBe(0)
    expect(wholePoints(9.6, 10)).toEqual({ score: 9, max: 10 })
    expect(wholePoints(10, 10)).toEqual({ score: 10, max: 10 })
    expect(wholePoints(6.67, 6.67)).toEqual({ score: 7, max: 7 })
    expect(wholePoints(3.4, 6.67)).toEqual({ score: 3, max: 7 })
    expect(wholePoints(0, 5)).toEqual({ score: 0, max: 5 })
  })
  it('says "met" only at full points', () => {
    expect(shownStatus('met', 10, 10)).toBe('met')
    expect(shownStatus('met', 8.5, 10)).toBe('partial')
    expect(shownStatus('partial', 5, 10)).toBe('partial')
    expect(shownStatus('missed', 0, 10)).toBe('missed')
  })
  it('drops the body. and query. prefixes of field errors', () => {
    expect(withoutFieldPrefix('body.answer: answer is too long; shorten it')).toBe(
      'Answer is too long; shorten it',
    )
    expect(withoutFieldPrefix('query.minScore: too big; query.maxScore: too small')).toBe(
      'Too big; too small',
    )
    expect(withoutFieldPrefix('from is after to')).toBe('From is after to')
  })
})

function report(score: number, criteria: [string, number, number][]): ScoreReport {
  return {
    score,
    criteria: criteria.map(([id, s, max]) => ({
      id,
      label: id.toUpperCase(),
      check: 'x',
      weight: 1,
      score: s,
      max,
      status: s >= max * 0.8 ? 'met' : s >= max * 0.35 ? 'partial' : 'missed',
      messages: [],
    })),
  } as unknown as ScoreReport
}

describe('showing a report difference', () => {
  const before = report(60, [
    ['a', 10, 20],
    ['b', 5, 10],
    ['gone', 4, 4],
  ])
  const after = report(75, [
    ['a', 20, 20],
    ['b', 5, 10],
    ['new', 1, 5],
  ])

  it('orders the criterion-by-criterion change biggest first, including criteria only one side has', () => {
    const d = reportDifference(before, after)
    expect(d.score).toBe(15)
    const rows = biggestChangeFirst(d.criteria)
    expect(rows.map((c) => [c.criterionId, c.change, c.before, c.after])).toEqual([
      ['a', 10, 10, 20],
      ['gone', -4, 4, null],
      ['new', 1, null, 1],
      ['b', 0, 5, 5],
    ])
    expect(rows[0]!.statusAfter).toBe('met')
  })

  it("takes each criterion's maximum from the later report, else the earlier one", () => {
    expect(criterionMax(before, after)).toEqual(
      new Map([
        ['a', 20],
        ['b', 10],
        ['gone', 4],
        ['new', 5],
      ]),
    )
  })
})

describe('drafts', () => {
  it('saves one draft per prompt and removes it when emptied', () => {
    const s = memoryStorage()
    writeDraft(s, 'p1', 'Situation: draft')
    writeDraft(s, 'p2', 'other')
    expect(readDraft(s, 'p1')).toBe('Situation: draft')
    expect(s.getItem(draftKey('p2'))).toBe('other')
    writeDraft(s, 'p1', '   ')
    expect(s.getItem(draftKey('p1'))).toBeNull()
  })
  it('never throws when storage is unavailable', () => {
    const s = memoryStorage(true)
    expect(() => writeDraft(s, 'p', 'x')).not.toThrow()
    expect(readDraft(s, 'p')).toBe('')
    expect(readDraft(undefined, 'p')).toBe('')
  })
})

describe('a label inside a sentence', () => {
  it('lowers the first letter of an ordinary label', () => {
    expect(lowerFirst('Measurable result is missed (0 of 15 points)')).toBe(
      'measurable result is missed (0 of 15 points)',
    )
    expect(lowerFirst('A bold, concrete vision')).toBe('a bold, concrete vision')
  })
  it('leaves a first word alone when a later letter of it is upper case: an acronym or a name', () => {
    expect(lowerFirst('STAR structure is missed (0 of 10 points)')).toBe(
      'STAR structure is missed (0 of 10 points)',
    )
    expect(lowerFirst('AWS cost')).toBe('AWS cost')
    expect(lowerFirst('iOS crash rate')).toBe('iOS crash rate')
    expect(lowerFirst('SLOs met')).toBe('SLOs met')
    expect(lowerFirst('I, not we')).toBe('I, not we')
  })
  it('leaves an empty or one-letter label as it can', () => {
    expect(lowerFirst('')).toBe('')
    expect(lowerFirst('A')).toBe('a')
  })
})
