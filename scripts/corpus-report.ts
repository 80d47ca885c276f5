// Prints how far the engine can be trusted on the labelled sets in test/fixtures: sentence labels and
// their confusion, strong-vs-degraded wins, good-vs-weak separation, how much of its own principle a
// targeted story earns (and the principle's rank), and whether one-sentence fixes pay.
// Usage: npm run -s corpus [-- SET ...] [--errors]
// SET: corpus, holdout, styles, holdout-styles, fixes, holdout-fixes, fresh, holdout2, holdout2-styles,
// holdout2-fixes, holdout3, holdout3-styles, holdout3-fixes, holdout4-styles, holdout4-fixes, evidence, bullet-formats,
// holdout5-styles, holdout6-fixes, holdout7-fixes, holdout8-styles, fix-echoes, holdout-fix-echoes
// (default: all of them).
// Held-out sets print their totals only: which of their answers fail is never shown, so that nothing is
// tuned on them (--errors is refused for them).

import { existsSync } from 'node:fs'
import { score } from '../engine/score'
import type { Rubric } from '../engine/types'
import { shippedRubrics } from '../test/engine/helpers'
import {
  type CorpusAnswer,
  evidenceCheck,
  FIXTURE_SETS,
  type FixtureSetName,
  loadCorpus,
  loadFixEchoes,
  loadFixPairs,
  loadStyled,
  type StyledAnswer,
} from '../test/fixtures/corpus'
import {
  degradedWins,
  echoFigures,
  fixFigures,
  labelFigures,
  principleFit,
  type Scored,
  STARS,
  separation,
} from '../test/fixtures/measure'

const SETS = FIXTURE_SETS
type SetName = FixtureSetName

const args = process.argv.slice(2)
const showErrors = args.includes('--errors')
const asked = args.filter((a) => !a.startsWith('--'))
for (const a of asked)
  if (!(a in SETS)) throw new Error(`Unknown set "${a}"; sets are ${Object.keys(SETS).join(', ')}`)
const chosen = (asked.length > 0 ? asked : Object.keys(SETS)) as SetName[]
const heldOut = (name: SetName) => name.startsWith('holdout')
if (showErrors && chosen.some(heldOut))
  throw new Error(
    '--errors shows which answers fail; it is for the development sets only (corpus, styles, fixes, fresh, evidence)',
  )
/** Whether the set being printed may show its failing answers (false for held-out sets). */
let detail = true

const rubrics = shippedRubrics()
const starCore = rubrics.get('star-core')!
const pct = (x: number) => `${(100 * x).toFixed(1)}%`

function printLabels(scored: Scored[]) {
  const f = labelFigures(scored)
  console.log(`answers ${scored.length}, sentences ${f.total}, label accuracy ${pct(f.accuracy)}`)
  console.log(`gold\\pred  ${STARS.map((s) => s.slice(0, 5).padStart(6)).join('')}   recall`)
  for (const g of STARS) {
    const l = f.perLabel.get(g)
    const recall = l === undefined ? '-' : pct(l.right / l.total)
    console.log(
      `${g.padEnd(10)} ${STARS.map((p) => String(f.confusion.get(`${g}>${p}`) ?? 0).padStart(6)).join('')}   ${recall}`,
    )
  }
  if (showErrors)
    for (const e of f.errors)
      console.log(`  ${e.file} ${e.variant} gold=${e.gold} got=${e.predicted}: ${e.text.slice(0, 110)}`)
  const styles = new Map<string, Scored[]>()
  for (const s of scored) {
    const style = (s.item as Partial<StyledAnswer>).style
    if (style === undefined) continue
    styles.set(style, [...(styles.get(style) ?? []), s])
  }
  if (styles.size > 0)
    console.log(
      `by style: ${[...styles]
        .sort()
        .map(([k, v]) => `${k} ${pct(labelFigures(v).accuracy)}`)
        .join(', ')}`,
    )
}

function printWins(scored: Scored[]) {
  const w = degradedWins(scored)
  if (w.pairs > 0)
    console.log(`strong beats its degraded version: ${w.wins}/${w.pairs} (${pct(w.wins / w.pairs)})`)
  if (detail) for (const l of w.losses) console.log(`  loss ${l}`)
  const s = separation(scored)
  if (s.good > 0 && s.weak > 0)
    console.log(
      `good vs weak AUC ${s.auc.toFixed(3)} (${s.good} good, ${s.weak} weak); ` +
        (s.overlap.good > 0 && s.overlap.weak > 0
          ? `where lengths overlap (${s.overlap.minWords}–${s.overlap.maxWords} words): ` +
            `${s.overlap.auc.toFixed(3)} (${s.overlap.good} good, ${s.overlap.weak} weak)`
          : 'the good and weak lengths do not overlap'),
    )
}

function labelled(items: CorpusAnswer[]) {
  const scored = items.map((item) => ({ item, report: score(item.answer, starCore) }))
  printLabels(scored)
  printWins(scored)
  if (!showErrors && detail)
    for (const story of new Set(items.map((i) => i.story))) {
      const rows = scored
        .filter((s) => s.item.story === story)
        .map((s) => `${s.item.variant}=${s.report.score}`)
        .join(' ')
      console.log(`  ${story.padEnd(32)} ${rows}`)
    }
}

function styled(items: StyledAnswer[], name: SetName) {
  const rubricOf = (id: string): Rubric => {
    const r = rubrics.get(id)
    if (r === undefined) throw new Error(`unknown rubric ${id}`)
    return r
  }
  const scored = items.map((item) => ({ item, report: score(item.answer, rubricOf(item.target)) }))
  printLabels(scored)
  printWins(scored)
  const fit = principleFit(items, rubrics, score)
  console.log(
    `own criteria met: mean ${pct(fit.meanMetShare)}, all met in ${pct(fit.allMet)} of ${fit.answers} strong answers`,
  )
  console.log(
    `own principle among ${[...rubrics.values()].filter((r) => r.kind === 'leadership-principle').length} principles ` +
      `(${fit.principleAnswers} answers): top-1 ${pct(fit.top1)}, top-3 ${pct(fit.top3)}, MRR ${fit.mrr.toFixed(3)}`,
  )
  if (fit.tagged > 0)
    console.log(
      `tagged behaviours credited: ${fit.found} of ${fit.tagged} (${pct(fit.found / fit.tagged)}), once per story`,
    )
  if (name === 'evidence') {
    const unread = principleFit(evidenceCheck(items), rubrics, score)
    console.log(
      `of those, the ${unread.answers} never read to write phrases: own criteria met ${pct(unread.meanMetShare)}, ` +
        `top-3 ${pct(unread.top3)}, MRR ${unread.mrr.toFixed(3)}, tagged behaviours credited ` +
        `${unread.found} of ${unread.tagged} (${pct(unread.found / Math.max(1, unread.tagged))})`,
    )
  }
  if (detail)
    for (const r of fit.rows)
      if (r.metShare < 1 || (r.rank ?? 1) > 3)
        console.log(
          `  ${r.story} (${r.target}, ${r.style}): met ${pct(r.metShare)}${r.rank === undefined ? '' : `, rank ${r.rank}`}` +
            (r.ahead.length > 0 && (r.rank ?? 1) > 3 ? ` behind ${r.ahead.slice(0, 3).join(', ')}` : ''),
        )
}

function fixes(dir: string) {
  const f = fixFigures(loadFixPairs(dir), rubrics, score)
  console.log(
    `fix pairs ${f.pairs}: total +3 or more ${pct(f.raised3)}, targeted criterion raised ${pct(f.targetRaised)}, ` +
      `both ${pct(f.both)}, lowered ${f.lowered.length}`,
  )
  // Pairs written against an earlier engine whose answer no longer gets the advice (what it asked for is now read
  // in the answer) cannot pay; the pairs still advised show whether following the advice given now pays.
  const advised = f.rows.filter((r) => r.suggestedAt > 0)
  const paid = advised.filter((r) => r.after - r.before >= 3 && r.targetAfter > r.targetBefore).length
  console.log(
    `still advised before the fix: ${advised.length} of ${f.pairs}; of those, both ${paid}/${advised.length} ` +
      `(${pct(advised.length === 0 ? 0 : paid / advised.length)})`,
  )
  console.log(
    `by kind: ${[...f.byKind]
      .sort()
      .map(([k, v]) => `${k} ${v.both}/${v.pairs}`)
      .join(', ')}`,
  )
  if (detail)
    for (const r of f.rows)
      if (r.after - r.before < 3 || r.targetAfter <= r.targetBefore)
        console.log(
          `  ${r.id} (${r.target}): total ${r.before} → ${r.after}, target ${r.targetBefore} → ${r.targetAfter}` +
            `, suggested ${r.suggestedAt === 0 ? 'not at all' : `at ${r.suggestedAt}`}`,
        )
}

function echoes(dir: string) {
  const f = echoFigures(loadFixEchoes(dir), rubrics, score)
  console.log(
    `sentences following the advice ${f.sentences}: the group asked for credited ${pct(f.found)} ` +
      `(in its section ${pct(f.full)}); ${[...f.byKind]
        .sort()
        .map(([k, v]) => `${k} ${v.found}/${v.sentences}`)
        .join(', ')}`,
  )
  if (detail)
    for (const r of f.rows)
      if (r.credit === 'none')
        console.log(
          `  ${r.echo.rubric}/${r.echo.criterion} "${r.echo.group}" (${r.echo.kind}): ${r.echo.sentence}`,
        )
}

for (const name of chosen) {
  const set = SETS[name]
  if (!existsSync(set.dir)) continue
  console.log(`\n== ${name}`)
  detail = !heldOut(name)
  if (set.kind === 'labelled') labelled(loadCorpus(set.dir))
  else if (set.kind === 'styled') styled(loadStyled(set.dir), name)
  else if (set.kind === 'fixes') fixes(set.dir)
  else echoes(set.dir)
}
