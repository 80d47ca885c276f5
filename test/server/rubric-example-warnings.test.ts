// Examples that do not meet their stated expectations, in the folder in service: the rubric still serves, and
// each failure is a warning on GET /api/rubrics/errors, placed at its example. Health stays ok: the rubric
// scores as written, so this is work for its author, not a fault of the service.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startApp, type TestApp } from './helpers'

const HOPEFUL = `id: hopeful
title: Hopeful
kind: theme
extends: star-core
summary: A rubric whose example expects too much.
prompts:
  - id: hopeful-one
    text: Tell me about a time you were hopeful about something.
examples:
  - name: too short to be strong
    answer: I fixed it.
    expect:
      band: strong
`

let t: TestApp

beforeAll(async () => {
  t = await startApp({ rubricFiles: { 'hopeful.yaml': HOPEFUL } })
})

afterAll(async () => {
  await t.close()
})

describe('an example that fails its expectations in service', () => {
  it('is a warning with its file, line and column, and the rubric serves', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/rubrics/errors' })
    const errors = res.json().errors as Record<string, unknown>[]
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatchObject({
      file: 'hopeful.yaml',
      line: 10,
      column: 5,
      path: 'examples.0',
      ruleId: 'example-expectation',
      severity: 'warning',
    })
    expect(errors[0]!.message).toMatch(
      /^Example 'too short to be strong': expected band 'strong', got '\w+' \(score \d+\)$/,
    )
    const one = await t.app.inject({ method: 'GET', url: '/api/rubrics/hopeful' })
    expect(one.statusCode).toBe(200)
  })

  it('leaves health ok, with no rubric errors counted', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' })
    expect(res.json()).toMatchObject({ status: 'ok', rubricErrors: 0, reasons: [] })
  })
})
