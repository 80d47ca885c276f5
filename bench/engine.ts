// Engine benchmark: median processor time to score a ~330-word answer, as a ratio to one tokenizer pass over the same text.

import { score } from '../engine/score'
import type { Rubric } from '../engine/types'
import { ADVERSARIAL_UNITS } from '../test/fixtures/adversarial-units'
import { CORPUS_DIR, loadCorpus } from '../test/fixtures/corpus'
import { shippedRubrics } from './data'
import { cpuNow, median, time } from './timing'

export interface EngineBench {
  words: number
  tokenizerMicros: number
  starCoreMicros: number
  largestRubricId: string
  largestMicros: number
  longWords: number
  longMicros: number
  engineRatio: number
  largestRatio: number
  engineScaling: number
}

export function benchEngine(): EngineBench {
  const rubrics = shippedRubrics()
  const core = rubrics.find((r) => r.id === 'star-core')!
  // The largest rubric: the most criteria, then the most keyword phrases.
  const size = (r: Rubric) => r.criteria.length * 1000 + JSON.stringify(r.criteria).length
  const largest = [...rubrics].sort((a, b) => size(b) - size(a))[0]!

  // A ~330-word answer built from strong corpus answers.
  const strong = loadCorpus(CORPUS_DIR).filter((c) => c.variant === 'strong')
  let answer = strong[0]!.answer
  for (let i = 1; answer.split(/\s+/).length < 320 && i < strong.length; i++)
    answer += `\n\n${strong[i]!.answer}`
  answer = answer.split(/(\s+)/).slice(0, 659).join('')
  const words = answer.match(/\S+/g)!.length
  const long = Array.from({ length: 10 }, () => answer).join('\n\n')

  let sink = 0
  const tokenizer = () => {
    sink += answer.match(/\S+/g)!.length
  }
  const withCore = () => {
    sink += score(answer, core).score
  }
  const withLargest = () => {
    sink += score(answer, largest).score
  }
  const longer = () => {
    sink += score(long, core).score
  }
  // Interleaved rounds, median of each: a busy machine slows every figure of a round alike.
  const rounds = {
    tokenizer: [] as number[],
    core: [] as number[],
    largest: [] as number[],
    long: [] as number[],
  }
  for (let r = 0; r < 5; r++) {
    rounds.tokenizer.push(time(tokenizer, 150))
    rounds.core.push(time(withCore, 150))
    rounds.largest.push(time(withLargest, 150))
    rounds.long.push(time(longer, 250, 2))
  }
  const tokenizerMicros = median(rounds.tokenizer)
  const starCoreMicros = median(rounds.core)
  const largestMicros = median(rounds.largest)
  const longMicros = median(rounds.long)
  if (sink === -1) console.log(sink)
  return {
    words,
    tokenizerMicros,
    starCoreMicros,
    largestRubricId: largest.id,
    largestMicros,
    longWords: long.match(/\S+/g)!.length,
    longMicros,
    engineRatio: starCoreMicros / tokenizerMicros,
    largestRatio: largestMicros / tokenizerMicros,
    engineScaling: longMicros / starCoreMicros,
  }
}

export interface AdversarialBench {
  chars: number
  normalMillis: number
  units: { unit: string; smallMillis: number; largeMillis: number; scaling: number }[]
  worst: { unit: string; millis: number; ratio: number }
}

/**
 * Fastest of a few calls after warm-up, in ms of processor time: these calls take milliseconds, and the fastest
 * call is the one least disturbed by other work (a collection of garbage that earlier calls left).
 */
function fastestCall(fn: () => void, calls = 9): number {
  for (let i = 0; i < 3; i++) fn()
  let best = Number.POSITIVE_INFINITY
  for (let i = 0; i < calls; i++) {
    const t0 = cpuNow()
    fn()
    best = Math.min(best, cpuNow() - t0)
  }
  return best
}

/**
 * Each unit repeated to a tenth of the character limit and to the limit, scored with star-core: the time for
 * ten times the text, and the slowest unit at the limit as a ratio to a normal answer of the same length.
 */
export function benchAdversarial(chars = 20_000): AdversarialBench {
  const core = shippedRubrics().find((r) => r.id === 'star-core')!
  const repeatTo = (unit: string, n: number) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n)
  // A normal answer of the same length: strong corpus answers, one after another.
  const strong = loadCorpus(CORPUS_DIR).filter((c) => c.variant === 'strong')
  let normal = ''
  for (let i = 0; normal.length < chars; i++) normal += `${strong[i % strong.length]!.answer}\n\n`
  normal = normal.slice(0, chars)
  let sink = 0
  const scoreOf = (text: string) => () => {
    sink += score(text, core).score
  }
  const units = ADVERSARIAL_UNITS.map((unit) => {
    const smallMillis = fastestCall(scoreOf(repeatTo(unit, chars / 10)), 25)
    const largeMillis = fastestCall(scoreOf(repeatTo(unit, chars)))
    return { unit, smallMillis, largeMillis, scaling: largeMillis / smallMillis }
  })
  // Measured after the units, so that the engine is as warm for the reference as for them.
  const normalMillis = fastestCall(scoreOf(normal), 25)
  const slowest = [...units].sort((a, b) => b.largeMillis - a.largeMillis)[0]!
  if (sink === -1) console.log(sink)
  return {
    chars,
    normalMillis,
    units,
    worst: { unit: slowest.unit, millis: slowest.largeMillis, ratio: slowest.largeMillis / normalMillis },
  }
}
