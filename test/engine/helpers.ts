// Shared test helpers: the compiled shipped rubrics, loaded once per test file.

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { compileRubrics } from '../../engine/parse'
import type { Rubric } from '../../engine/types'
import { readRubricFolder } from '../../server/rubric-files'

const RUBRICS_DIR = new URL('../../rubrics', import.meta.url).pathname

export function shippedRubrics(): Map<string, Rubric> {
  const { sources } = readRubricFolder(RUBRICS_DIR, (name) => `rubrics/${name}`)
  return new Map(compileRubrics(sources).rubrics.map((r) => [r.id, r]))
}

export function starCore(): Rubric {
  const { rubrics, errors } = compileRubrics([
    { file: 'rubrics/star-core.yaml', text: readFileSync(join(RUBRICS_DIR, 'star-core.yaml'), 'utf8') },
  ])
  if (errors.length > 0 || rubrics[0] === undefined)
    throw new Error(`star-core does not compile: ${errors[0]?.message}`)
  return rubrics[0]
}
