// Prints how often one natural closing sentence added to a strong development answer relabels a sentence
// before it, and how often it lowers the total, by kind of sentence.
// Usage: npx tsx scripts/appended-report.ts [--cases]  (--cases: every draw that relabelled or fell)

import { shippedRubrics } from '../test/engine/helpers'
import { appendedFigures, strongDevelopmentAnswers } from '../test/fixtures/appended'

const answers = strongDevelopmentAnswers()
const f = appendedFigures(answers, shippedRubrics())
const pct = (x: number, of: number) => `${((100 * x) / Math.max(1, of)).toFixed(1)}%`
const compared = f.draws - f.resplit
console.log(
  `appended: ${answers.length} strong answers, ${f.draws} draws (${f.resplit} split differently); ` +
    `earlier labels changed in ${f.relabelled} (${pct(f.relabelled, compared)}), ` +
    `${f.sentencesRelabelled} sentences; total fell in ${f.fell} (${pct(f.fell, compared)})`,
)
for (const [kind, k] of f.byKind)
  console.log(`  ${kind.padEnd(10)} ${k.draws} draws: relabelled ${k.relabelled}, fell ${k.fell}`)
if (process.argv.includes('--cases'))
  for (const c of f.cases)
    console.log(`${c.id} +${c.kind} ${c.before}->${c.after} [${c.relabelled.join(', ')}] "${c.sentence}"`)
