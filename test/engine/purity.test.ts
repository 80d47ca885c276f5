// engine/ stays pure: no node: imports, no clock, no randomness, no DOM; and the committed JSON Schema is current.

import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { rubricJsonSchema } from '../../engine/schema'
import { starCore } from './helpers'

const ENGINE = new URL('../../engine', import.meta.url).pathname

function engineFiles(dir = ENGINE): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? engineFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  )
}

describe('engine purity', () => {
  const files = engineFiles()

  it('has source files to check', () => {
    expect(files.length).toBeGreaterThan(15)
  })

  it.each([
    ['node: imports', /from ['"]node:|require\(/],
    ['clock reads', /\bDate\b|performance\.now|process\.hrtime/],
    ['random numbers', /Math\.random|crypto\.getRandomValues|randomUUID/],
    ['DOM or runtime globals', /\b(?:window|document|globalThis|localStorage|process)\.\w/],
    [
      'locale-dependent formatting',
      /toLocale(?:String|LowerCase|UpperCase|DateString)|Intl\.(?:NumberFormat|DateTimeFormat|Collator)|localeCompare/,
    ],
  ])('contains no %s', (_what, pattern) => {
    const offenders = files
      .filter((f) => pattern.test(readFileSync(f, 'utf8')))
      .map((f) => f.slice(ENGINE.length))
    expect(offenders).toEqual([])
  })
})

describe('rubric.schema.json', () => {
  it('matches the zod schema (regenerate with `npm run -s star -- rubrics schema`)', () => {
    const committed = readFileSync(new URL('../../rubrics/rubric.schema.json', import.meta.url), 'utf8')
    expect(committed).toBe(`${JSON.stringify(rubricJsonSchema(starCore().criteria), null, 2)}\n`)
  })

  it('lists every check kind for editor completion', () => {
    const text = JSON.stringify(rubricJsonSchema(starCore().criteria))
    for (const kind of [
      'star-sections',
      'ownership',
      'quantified-result',
      'keywords',
      'hypothetical',
      'length',
      'specificity',
      'reflection',
      'hedging',
    ]) {
      expect(text).toContain(`"const":"${kind}"`)
    }
  })
})
