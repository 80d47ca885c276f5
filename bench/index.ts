// `npm run bench`: speed figures measured in one run, each beside its reference, as ratios. Reports; never fails.

import { benchEngine } from './engine'

function fmt(n: number, digits = 1): string {
  return n.toFixed(digits)
}

const rows: [string, string, string, string][] = []
const engine = benchEngine()
rows.push(
  ['engine: tokenizer pass (reference)', `${fmt(engine.tokenizerMicros, 2)} µs`, `${engine.words} words`, ''],
  [
    'engine: score with star-core',
    `${fmt(engine.starCoreMicros)} µs`,
    `${fmt(engine.engineRatio)}× tokenizer`,
    'goal ≤ 20×',
  ],
  [
    `engine: score with ${engine.largestRubricId} (largest)`,
    `${fmt(engine.largestMicros)} µs`,
    `${fmt(engine.largestRatio)}× tokenizer`,
    '',
  ],
  [
    `engine: ${engine.longWords}-word answer`,
    `${fmt(engine.longMicros)} µs`,
    `${fmt(engine.engineScaling)}× the ~330-word time`,
    'goal ≤ 12×',
  ],
)

const width = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => r[i]!.length)))
for (const r of rows)
  console.log(
    r
      .map((c, i) => c.padEnd(width[i]!))
      .join('  ')
      .trimEnd(),
  )
console.log(`bench: engine_ratio=${fmt(engine.engineRatio)} engine_scaling=${fmt(engine.engineScaling)}`)
