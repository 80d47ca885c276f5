// Benchmark inputs: the shipped rubrics and realistic answers from the labelled corpus, paired with prompt ids.

import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { compileRubrics, type Rubric } from '../engine/index'
import { CORPUS_DIR, loadCorpus } from '../test/fixtures/corpus'

export const RUBRICS_DIR = fileURLToPath(new URL('../rubrics/', import.meta.url))

export function shippedRubrics(): Rubric[] {
  const files = readdirSync(RUBRICS_DIR)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => ({ file: f, text: readFileSync(RUBRICS_DIR + f, 'utf8') }))
  return compileRubrics(files).rubrics
}

export interface SampleAnswer {
  promptId: string
  answer: string
}

/** `n` answers of every variant (strong, weak, …) from the corpus, each paired with a shipped prompt in turn. */
export function sampleAnswers(n: number, rubrics = shippedRubrics()): SampleAnswer[] {
  const prompts = rubrics.flatMap((r) => r.prompts.map((p) => p.id))
  const corpus = loadCorpus(CORPUS_DIR)
  const out: SampleAnswer[] = []
  for (let i = 0; i < n; i++) {
    out.push({ promptId: prompts[(i * 7) % prompts.length]!, answer: corpus[i % corpus.length]!.answer })
  }
  return out
}
