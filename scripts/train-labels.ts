// Trains the sentence labeller's weights (engine/label-weights.ts): a structured averaged perceptron over
// the labeller's own cue features, decoded with the same S→T→A→R dynamic programme the engine uses.
// Trained on every hand-labelled development set (test/fixtures/corpus, styles, label-styles, label-corpus
// and fresh), in file order, with no randomness, so that the same sources always give the same weights.
// The held-out sets (test/fixtures/holdout*) are never read here.
// Usage: npm run -s train:labels [-- --check | --cross-validate]
// (--check: fail if the shipped weights differ; --cross-validate: 4-fold figures by file on the training
// sets, each fold labelled by weights that never saw it)

import { readFileSync, writeFileSync } from 'node:fs'
import { pathToFileURL } from 'node:url'
import type { LabelWeights } from '../engine/analysis-types'
import { analyze } from '../engine/analyze'
import { allowedLabels, decode, emissions, LABELS, pathTransitions } from '../engine/label'
import { labelFeatures } from '../engine/label-features'
import type { Star } from '../engine/types'
import {
  CORPUS_DIR,
  type CorpusAnswer,
  FIXTURE_SETS,
  LABELS_NOT_TRAINED,
  loadCorpus,
  loadStyled,
  STYLES_DIR,
} from '../test/fixtures/corpus'

const EPOCHS = 12
/** Features seen fewer times than this in training get no weight. */
const MIN_COUNT = 3
/** Averaged weights are stored as integers: hundredths of a perceptron step. */
const SCALE = 100

export const WEIGHTS_FILE = new URL('../engine/label-weights.ts', import.meta.url).pathname

interface Example {
  features: string[][]
  gold: number[]
}

/** Each engine sentence takes the label of the hand-labelled sentence it overlaps most. */
function example(item: CorpusAnswer): Example {
  const analysis = analyze(item.answer)
  const spans: { start: number; end: number; star: Star }[] = []
  let offset = 0
  for (const g of item.sentences) {
    const start = item.answer.indexOf(g.text, offset)
    offset = start + g.text.length
    spans.push({ start, end: offset, star: g.star })
  }
  const gold = analysis.sentences.map((s) => {
    let best: Star = 'other'
    let bestOverlap = 0
    for (const g of spans) {
      const overlap = Math.min(s.end, g.end) - Math.max(s.start, g.start)
      if (overlap > bestOverlap) {
        bestOverlap = overlap
        best = g.star
      }
    }
    return LABELS.indexOf(best)
  })
  return { features: labelFeatures(analysis.sentences), gold }
}

interface Source {
  item: CorpusAnswer & { style?: string }
  set: string
}

function trainingSources(): Source[] {
  return [
    ...loadCorpus(CORPUS_DIR).map((item) => ({ item, set: 'corpus' })),
    ...loadStyled(STYLES_DIR).map((item) => ({ item, set: 'styles' })),
    ...loadStyled(FIXTURE_SETS['label-styles'].dir).map((item) => ({ item, set: 'label-styles' })),
    ...loadCorpus(FIXTURE_SETS['label-corpus'].dir).map((item) => ({ item, set: 'label-corpus' })),
    ...loadStyled(FIXTURE_SETS.fresh.dir)
      .filter((item) => !LABELS_NOT_TRAINED.has(item.file))
      .map((item) => ({ item, set: 'fresh' })),
  ]
}

export function trainingExamples(): Example[] {
  return trainingSources().map((s) => example(s.item))
}

/**
 * K-fold cross-validation by file (a story never sits on both sides): trains on the other folds and
 * labels each fold unseen. Sentence-level agreement with the hand labels, per set and per style.
 */
export function crossValidate(folds = 4): Map<string, { right: number; total: number }> {
  const sources = trainingSources()
  const examples = sources.map((s) => example(s.item))
  const files = [...new Set(sources.map((s) => `${s.set}/${s.item.file}`))].sort()
  const foldOf = (s: Source) => files.indexOf(`${s.set}/${s.item.file}`) % folds
  const tally = new Map<string, { right: number; total: number }>()
  const count = (key: string, ok: boolean) => {
    const t = tally.get(key) ?? { right: 0, total: 0 }
    t.total++
    if (ok) t.right++
    tally.set(key, t)
  }
  for (let k = 0; k < folds; k++) {
    const weights = trainLabels(examples.filter((_, i) => foldOf(sources[i]!) !== k))
    for (let i = 0; i < sources.length; i++)
      if (foldOf(sources[i]!) === k) tallyOne(sources[i]!, examples[i]!, weights, count)
  }
  return tally
}

/** Labels one answer with `weights` and counts each sentence against its hand label, by set, style and label. */
function tallyOne(
  s: Source,
  ex: Example,
  weights: LabelWeights,
  count: (key: string, ok: boolean) => void,
): void {
  const path = decode(emissions(ex.features, weights), weights, allowedLabels(ex.features))
  for (let j = 0; j < path.length; j++) {
    const ok = path[j]! >> 2 === ex.gold[j]
    count(s.set, ok)
    if (s.item.style !== undefined) count(`${s.set}:${s.item.style}`, ok)
    count(`${s.set}:gold=${LABELS[ex.gold[j]!]}`, ok)
  }
}

export function trainLabels(examples: Example[] = trainingExamples()): LabelWeights {
  const counts = new Map<string, number>()
  for (const ex of examples)
    for (const feats of ex.features) for (const f of feats) counts.set(f, (counts.get(f) ?? 0) + 1)
  const kept = [...counts].filter(([, c]) => c >= MIN_COUNT).map(([f]) => f)
  kept.sort()

  const emit: Record<string, number[]> = {}
  const emitSum: Record<string, number[]> = {}
  for (const f of kept) {
    emit[f] = [0, 0, 0, 0, 0]
    emitSum[f] = [0, 0, 0, 0, 0]
  }
  const trans: Record<string, number> = {}
  const transSum: Record<string, number> = {}
  let steps = 0

  const addEmit = (feats: readonly string[], label: number, delta: number) => {
    for (const f of feats) {
      const row = emit[f]
      if (row !== undefined) row[label]! += delta
    }
  }
  const addTrans = (feats: readonly string[], delta: number) => {
    for (const t of feats) trans[t] = (trans[t] ?? 0) + delta
  }

  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    for (const ex of examples) {
      const weights: LabelWeights = { emit, trans: { ...trans } }
      const e = emissions(ex.features, weights)
      const predicted = decode(e, weights, allowedLabels(ex.features))
      const gold = decode(
        e,
        weights,
        ex.gold.map((g) => (1 << g) | (1 << 5)),
      )
      let differs = false
      for (let i = 0; i < predicted.length; i++) if (predicted[i] !== gold[i]) differs = true
      if (differs) {
        for (let i = 0; i < predicted.length; i++) {
          const p = predicted[i]! >> 2
          const g = gold[i]! >> 2
          if (p === g) continue
          addEmit(ex.features[i]!, g, 1)
          addEmit(ex.features[i]!, p, -1)
        }
        addTrans(pathTransitions(gold), 1)
        addTrans(pathTransitions(predicted), -1)
      }
      // Averaging: the running sum of the weights after every example.
      steps++
      for (const f of kept) {
        const row = emit[f]!
        const sum = emitSum[f]!
        for (let l = 0; l < 5; l++) sum[l]! += row[l]!
      }
      for (const t of Object.keys(trans)) transSum[t] = (transSum[t] ?? 0) + trans[t]!
    }
  }

  const avg = (x: number) => Math.round((x * SCALE) / steps)
  const outEmit: Record<string, number[]> = {}
  for (const f of kept) {
    const row = emitSum[f]!.map(avg)
    if (row.some((x) => x !== 0)) outEmit[f] = row
  }
  const outTrans: Record<string, number> = {}
  for (const t of Object.keys(transSum).sort()) {
    const v = avg(transSum[t]!)
    if (v !== 0) outTrans[t] = v
  }
  return { emit: outEmit, trans: outTrans }
}

/** An object key as the formatter writes it: bare when it can be, else single-quoted unless it holds one. */
function key(k: string): string {
  if (/^[A-Za-z_$][\w$]*$/.test(k)) return k
  return k.includes("'") ? JSON.stringify(k) : `'${k}'`
}

/** The weights as the TypeScript module the engine imports, formatted as the formatter leaves it. */
export function weightsSource(w: LabelWeights): string {
  const emitLines = Object.keys(w.emit)
    .sort()
    .map((f) => `    ${key(f)}: [${w.emit[f]!.join(', ')}],`)
  const transLines = Object.keys(w.trans)
    .sort()
    .map((t) => `    ${key(t)}: ${w.trans[t]},`)
  return [
    '// Generated by `npm run -s train:labels` (scripts/train-labels.ts); do not edit by hand.',
    `// Sentence-label weights: per cue feature one integer per label (${LABELS.join(', ')}),`,
    '// and one per transition between sections. Integers, so every runtime adds them up the same way.',
    '',
    "import type { LabelWeights } from './analysis-types'",
    '',
    'export const LABEL_WEIGHTS: LabelWeights = {',
    '  emit: {',
    ...emitLines,
    '  },',
    '  trans: {',
    ...transLines,
    '  },',
    '}',
    '',
  ].join('\n')
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const figures = process.argv.includes('--cross-validate') ? crossValidate() : undefined
  if (figures !== undefined) {
    for (const [key, t] of [...figures].sort())
      console.log(`${key.padEnd(28)} ${((100 * t.right) / t.total).toFixed(1)}% of ${t.total}`)
    process.exit(0)
  }
  const source = weightsSource(trainLabels())
  if (process.argv.includes('--check')) {
    if (readFileSync(WEIGHTS_FILE, 'utf8') !== source) {
      console.error('engine/label-weights.ts is not what training gives; run npm run -s train:labels')
      process.exit(1)
    }
    console.log('engine/label-weights.ts matches training')
  } else {
    writeFileSync(WEIGHTS_FILE, source)
    console.log(`wrote ${WEIGHTS_FILE}`)
  }
}
