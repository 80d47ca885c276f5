// Prints how the engine does on a labelled corpus: sentence-label accuracy, confusion, and strong-vs-weak wins.
// Usage: npm run -s corpus [-- corpus|holdout] [--errors]

import { readFileSync } from 'node:fs'
import { compileRubrics } from '../engine/parse'
import { score } from '../engine/score'
import type { Star } from '../engine/types'
import { CORPUS_DIR, HOLDOUT_DIR, loadCorpus, matchLabels } from '../test/fixtures/corpus'

const which = process.argv[2] === 'holdout' ? HOLDOUT_DIR : CORPUS_DIR
const showErrors = process.argv.includes('--errors')
const { rubrics } = compileRubrics([
  { file: 'rubrics/star-core.yaml', text: readFileSync('rubrics/star-core.yaml', 'utf8') },
])
const rubric = rubrics[0]!
const corpus = loadCorpus(which)
const stars: Star[] = ['situation', 'task', 'action', 'result', 'other']
const confusion = new Map<string, number>()
let right = 0
let total = 0
const scores = new Map<string, Map<string, number>>()
for (const item of corpus) {
  const report = score(item.answer, rubric)
  const byVariant = scores.get(item.story) ?? new Map()
  byVariant.set(item.variant, report.score)
  scores.set(item.story, byVariant)
  for (const m of matchLabels(item, report.sentences)) {
    total++
    if (m.gold === m.predicted) right++
    else if (showErrors)
      console.log(`${item.file} ${item.variant} gold=${m.gold} got=${m.predicted}: ${m.text.slice(0, 110)}`)
    const k = `${m.gold}>${m.predicted}`
    confusion.set(k, (confusion.get(k) ?? 0) + 1)
  }
}
console.log(
  `answers ${corpus.length}, sentences ${total}, label accuracy ${((100 * right) / total).toFixed(1)}%`,
)
console.log(`gold\\pred  ${stars.map((s) => s.slice(0, 5).padStart(6)).join('')}`)
for (const g of stars)
  console.log(
    `${g.padEnd(10)} ${stars.map((p) => String(confusion.get(`${g}>${p}`) ?? 0).padStart(6)).join('')}`,
  )
let wins = 0
let pairs = 0
const losses: string[] = []
for (const [story, byVariant] of scores) {
  const strong = byVariant.get('strong')
  const rows = [...byVariant.entries()].map(([v, s]) => `${v}=${s}`).join(' ')
  console.log(`${story.padEnd(32)} ${rows}`)
  if (strong === undefined) continue
  for (const [variant, s] of byVariant) {
    if (variant === 'strong') continue
    pairs++
    if (strong > s) wins++
    else losses.push(`${story}: strong ${strong} vs ${variant} ${s}`)
  }
}
if (pairs > 0)
  console.log(`strong beats its variant: ${wins}/${pairs} (${((100 * wins) / pairs).toFixed(1)}%)`)
for (const l of losses) console.log(`  loss ${l}`)
