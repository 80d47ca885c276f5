// Property tests of the engine with fast-check: any text scores without throwing, deterministically, with sound offsets.

import { readdirSync, readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { compileRubrics, type Rubric, type ScoreReport, score } from '../../engine/index'

const dir = new URL('../../rubrics/', import.meta.url)
const rubrics: Rubric[] = compileRubrics(
  readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => ({ file: f, text: readFileSync(new URL(f, dir), 'utf8') })),
).rubrics
const RUBRICS = ['star-core', 'system-design'].map((id) => rubrics.find((r) => r.id === id)!)

/** Pieces that stress splitting and labelling: STAR cues, numbers, abbreviations, headings, lists. */
const WORDS = [
  'Situation:',
  'Task:',
  'Action:',
  'Result:',
  '**Result** –',
  'S:',
  'I',
  'we',
  'led',
  'the',
  'team',
  'reduced',
  'latency',
  'by',
  '40%',
  '$2.5M',
  'Dr.',
  'e.g.',
  'i.e.',
  'U.S.',
  '3.14',
  'v2.0',
  'would',
  'usually',
  'learned',
  'because',
  '-',
  '*',
  '1.',
  '...',
  '?',
  '!',
  '.',
  ',',
  ';',
  ':',
  '"',
  "'",
  '(',
  ')',
]
/** Unusual text: astral and combining characters, right-to-left scripts and marks, control characters, lone surrogates. */
const ODD = [
  '😀',
  '👩‍💻',
  '𝕏',
  '🇫🇷',
  'e\u0301',
  'a\u0308\u0323',
  '\u0300',
  'שלום',
  'مرحبا',
  '\u200f',
  '\u202e',
  '\u200b',
  '\u00a0',
  '\u0000',
  '\u0007',
  '\u001b[31m',
  '\u2028',
  '\u2029',
  '\r\n',
  '\t',
  '\ud800',
  '\udfff',
  'ﬁ',
  'İ',
  'ß',
  '。',
  '！',
  '？',
  '…',
  '\uFEFF',
]
const separator = fc.constantFrom(' ', '  ', '\n', '\n\n', '', '\t', '. ', '.\n')
const piece = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 2, arbitrary: fc.constantFrom(...ODD) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }) },
)
/** Texts from a few characters to a few hundred words, of pieces joined by separators. */
const answer = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 400 }),
  fc
    .array(fc.tuple(piece, separator), { maxLength: 300 })
    .map((parts) => parts.map(([p, s]) => p + s).join('')),
)
const rubric = fc.constantFrom(...RUBRICS)

const RUNS = { numRuns: 1000 }

function places(report: ScoreReport): { start: number; end: number }[] {
  return [
    ...report.messages.flatMap((m) => (m.place === undefined ? [] : [m.place])),
    ...report.criteria.flatMap((c) => c.messages.flatMap((m) => (m.place === undefined ? [] : [m.place]))),
  ]
}

describe('score() on arbitrary text', () => {
  test('never throws, and gives a 0–100 integer score with a band', () => {
    fc.assert(
      fc.property(answer, rubric, (text, r) => {
        const report = score(text, r)
        expect(Number.isInteger(report.score)).toBe(true)
        expect(report.score).toBeGreaterThanOrEqual(0)
        expect(report.score).toBeLessThanOrEqual(100)
        expect(r.bands.map((b) => b.id)).toContain(report.band.id)
      }),
      RUNS,
    )
  })

  test('is deterministic: the same text and rubric give the same report, byte for byte', () => {
    fc.assert(
      fc.property(answer, rubric, (text, r) => {
        expect(JSON.stringify(score(text, r))).toBe(JSON.stringify(score(text, r)))
      }),
      RUNS,
    )
  })

  test('every offset lies inside the text, and each sentence is the text at its offsets', () => {
    fc.assert(
      fc.property(answer, rubric, (text, r) => {
        const report = score(text, r)
        for (const s of report.sentences) {
          expect(0 <= s.start && s.start <= s.end && s.end <= text.length).toBe(true)
          expect(s.text).toBe(text.slice(s.start, s.end))
        }
        for (const p of places(report)) {
          expect(0 <= p.start && p.start <= p.end && p.end <= text.length).toBe(true)
        }
      }),
      RUNS,
    )
  })

  test('sentences come in order without overlap, and between them there is only whitespace', () => {
    fc.assert(
      fc.property(answer, rubric, (text, r) => {
        const { sentences } = score(text, r)
        let at = 0
        for (const s of sentences) {
          expect(s.start).toBeGreaterThanOrEqual(at)
          expect(s.end).toBeGreaterThan(s.start)
          expect(text.slice(at, s.start).trim()).toBe('')
          at = s.end
        }
        expect(text.slice(at).trim()).toBe('')
      }),
      RUNS,
    )
  })
})
