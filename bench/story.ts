// Story-fit benchmark: one 400-word story fitted to every area rubric, as a ratio to one score() call on the same
// story. Fitting analyses the story once and runs each rubric's checks over that analysis (an inherited criterion
// shared by the rubrics is checked once), so the ratio stays well under the number of rubrics.

import { isAreaKind } from '../engine/kinds'
import { score } from '../engine/score'
import { storyFit } from '../engine/story-fit'
import { CORPUS_DIR, loadCorpus } from '../test/fixtures/corpus'
import { shippedRubrics } from './data'
import { median, time } from './timing'

export interface StoryBench {
  words: number
  areaRubrics: number
  /** The rubric of the single score() call. */
  referenceRubricId: string
  scoreMicros: number
  fitMicros: number
  /** fitMicros / scoreMicros. */
  ratio: number
  /** The goal: the number of area rubrics × 0.7. */
  goal: number
}

export function benchStory(): StoryBench {
  const rubrics = shippedRubrics()
  const areas = rubrics.filter((r) => isAreaKind(r.kind))
  // The reference: one Leadership Principle rubric, the kind of rubric a story is fitted to.
  const reference = rubrics.find((r) => r.id === 'ownership') ?? areas[0]!

  // A 400-word story built from strong corpus answers.
  const strong = loadCorpus(CORPUS_DIR).filter((c) => c.variant === 'strong')
  let story = strong[0]!.answer
  for (let i = 1; story.split(/\s+/).length < 400 && i < strong.length; i++)
    story += `\n\n${strong[i]!.answer}`
  story = story.split(/(\s+)/).slice(0, 799).join('')
  const words = story.match(/\S+/g)!.length

  let sink = 0
  const one = () => {
    sink += score(story, reference).score
  }
  const fit = () => {
    sink += storyFit(story, rubrics).length
  }
  // Interleaved rounds, median of each: a busy machine slows both figures of a round alike.
  const rounds = { score: [] as number[], fit: [] as number[] }
  for (let r = 0; r < 5; r++) {
    rounds.score.push(time(one, 150, 10, 9))
    rounds.fit.push(time(fit, 250, 2, 9))
  }
  if (sink === -1) console.log(sink)
  const scoreMicros = median(rounds.score)
  const fitMicros = median(rounds.fit)
  return {
    words,
    areaRubrics: areas.length,
    referenceRubricId: reference.id,
    scoreMicros,
    fitMicros,
    ratio: fitMicros / scoreMicros,
    goal: areas.length * 0.7,
  }
}
