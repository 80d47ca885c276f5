// One natural closing sentence added to a strong development answer (a Task, a lesson, a measured Result, one
// more step) should leave the labels of the sentences before it as they were, and the total where it was.
// Measured with test/fixtures/appended.ts (report: npx tsx scripts/appended-report.ts).

import { describe, expect, it } from 'vitest'
import { appendedFigures, strongDevelopmentAnswers } from '../fixtures/appended'
import { shippedRubrics } from './helpers'

/**
 * Over 288 strong answers × 8 sentences (2304 draws), 303 draws (13.2%) relabel an earlier sentence and 155
 * (6.7%) lower the total. Most relabels come from the labeller's place features that are shares of the answer's
 * length: a closing Result no longer in the last quarter turns Action (184 of the 400 sentences relabelled), a
 * third sentence no longer in the first fifth turns from Task to Situation (72); then the last sentence
 * handing over "last" to the new one (about 60), and the section order pulling a Result back to Action before
 * one more step (about 70). With the labeller trained on five sets and own-words-5 and -6 added (356 answers, 2848
 * draws), 348 draws (12.2%) relabel an earlier sentence and 109 (3.8%) lower the total; 95 (3.3%) once a closing
 * outcome is no longer pulled back to the Action by a routine begun after it, and "since then" told only of what
 * has not happened again is no lesson. With the labeller retrained on own-words-7 as well (372 answers, 2976 draws),
 * 358 (12.0%) relabel and 104 (3.49%) lower the total. With own-words-8 and -9, which the labeller does not train
 * on (436 answers, 3488 draws), 458 (13.1%) relabel and 113 (3.2%) lower the total.
 */
const FLOOR = { answers: 280, relabelled: 0.135, fell: 0.036 }

describe('a closing sentence added to a strong answer', () => {
  const f = appendedFigures(strongDevelopmentAnswers(), shippedRubrics())
  const compared = f.draws - f.resplit

  it('is measured on every strong development answer, split the same way before and after', () => {
    expect(f.draws).toBeGreaterThanOrEqual(FLOOR.answers * 8)
    expect(f.resplit).toBe(0)
    for (const kind of ['task', 'reflection', 'result', 'action'])
      expect(f.byKind.get(kind)?.draws).toBeGreaterThan(0)
  })

  it(`relabels an earlier sentence in at most ${FLOOR.relabelled * 100}% of draws`, () => {
    expect(f.relabelled / compared).toBeLessThanOrEqual(FLOOR.relabelled)
  })

  it(`lowers the total in at most ${FLOOR.fell * 100}% of draws`, () => {
    expect(f.fell / compared).toBeLessThanOrEqual(FLOOR.fell)
  })
})
