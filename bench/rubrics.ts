// Rubric-check benchmark: `rubrics check` of the shipped folder (the reference), and of the same folder with one
// more rubric of 500 prompts (the size limit). Compiling and checking, as the CLI does, without process start-up.

import { readFileSync } from 'node:fs'
import { checkRubrics, compileRubrics, type RubricSource } from '../engine/index'
import { readRubricFolder } from '../server/rubric-files'

const RUBRICS = new URL('../rubrics/', import.meta.url).pathname

export interface RubricCheckBench {
  shippedMillis: number
  largeMillis: number
  /** largeMillis / shippedMillis. */
  ratio: number
}

/** A copy of the Ownership rubric under another id, with `extra` more prompts. */
function ownershipCopy(extra: number): RubricSource {
  const text = readFileSync(`${RUBRICS}ownership.yaml`, 'utf8')
  const prompts = Array.from(
    { length: extra },
    (_, i) => `  - id: many-prompts-${i}\n    text: Tell me about a time number ${i} you owned a problem.\n`,
  ).join('')
  const renamed = text
    .replace(/^id: ownership$/m, 'id: many-prompts')
    .replace(/\bownership-/g, 'many-prompts-own-')
    .replace(/^prompts:\n/m, `prompts:\n${prompts}`)
  return { file: 'many-prompts.yaml', text: renamed }
}

/** The copy with 500 prompts in all, the most a rubric may have. */
function fiveHundredPrompts(shipped: RubricSource[]): RubricSource {
  const own = compileRubrics([...shipped, ownershipCopy(0)]).rubrics.find((r) => r.id === 'many-prompts')
  return ownershipCopy(500 - (own?.prompts.length ?? 0))
}

function check(sources: RubricSource[]): void {
  const { rubrics } = compileRubrics(sources)
  checkRubrics(rubrics, sources)
}

/** Median milliseconds of five runs, after one warm-up. */
function millis(fn: () => void): number {
  fn()
  const samples: number[] = []
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now()
    fn()
    samples.push(performance.now() - t0)
  }
  return samples.sort((a, b) => a - b)[2]!
}

export function benchRubricCheck(): RubricCheckBench {
  const shipped = readRubricFolder(RUBRICS).sources
  const large = [...shipped, fiveHundredPrompts(shipped)]
  const compiled = compileRubrics(large)
  const many = compiled.rubrics.find((r) => r.id === 'many-prompts')
  if (many === undefined || many.prompts.length !== 500) {
    throw new Error(
      `The 500-prompt rubric did not compile: ${compiled.errors.map((e) => e.message).join('; ')}`,
    )
  }
  const shippedMillis = millis(() => check(shipped))
  const largeMillis = millis(() => check(large))
  return { shippedMillis, largeMillis, ratio: largeMillis / shippedMillis }
}
