// POST /api/rubrics/preview: a draft's problems at their line, its examples run, an answer's evidence; it never
// writes, and a large draft is compiled off the main thread.

import { afterEach, describe, expect, test } from 'vitest'
import { MAX_DRAFT_BYTES } from '../../contract/rubrics'
import { MAX_RUBRIC_FILE_BYTES } from '../../server/rubric-files'
import { draftId } from '../../server/rubric-preview'
import { RUBRIC_SCAFFOLD } from '../../server/rubric-scaffold'
import { GOOD_ANSWER, OWNERSHIP_RUBRIC, startApp, type TestApp } from './helpers'
import { folderState, preview, sleep } from './studio-helpers'

let t: TestApp | undefined
afterEach(async () => {
  await t?.close()
  t = undefined
})

describe('POST /api/rubrics/preview', () => {
  test('a misspelt key is one problem at its line and column, with the path and rule id', async () => {
    t = await startApp()
    const yaml = RUBRIC_SCAFFOLD.replace('    weight: 15\n', '    wieght: 15\n')
    const line = yaml.split('\n').findIndex((l) => l.includes('wieght')) + 1
    const { status, body } = await preview(t.app, yaml)
    expect(status).toBe(200)
    expect(body.problems).toEqual([
      {
        line,
        column: 5,
        path: 'criteria.0',
        ruleId: 'unknown-key',
        message:
          "Criterion 1 (learning-steps): unknown key 'wieght' (did you mean 'weight'?); remove it or fix its spelling",
        severity: 'error',
      },
    ])
    expect(body.rubric).toBeUndefined()
    expect(body.examples).toEqual([])
    expect(body.id).toBe('my-new-theme')
  })

  test('the scaffold passes as it is: no problems, every example meets its expectations', async () => {
    t = await startApp()
    const studio = (await t.app.inject('/api/rubrics/studio')).json()
    expect(studio).toMatchObject({ write: false, maxBytes: MAX_RUBRIC_FILE_BYTES })
    expect(studio.writeHelp).toContain('STARBOARD_STUDIO_WRITE=1')
    const { body } = await preview(t.app, studio.scaffold)
    expect(body.problems).toEqual([])
    expect(body.examples.map((e: { name: string; failures: string[] }) => [e.name, e.failures])).toEqual([
      ['strong - learned a new stack for a launch', []],
      ['weak - hypothetical, no steps', []],
    ])
    // The table: each example against each criterion, with what the example expects of it.
    const strong = body.examples[0]
    expect(strong.band.id).toBe('strong')
    expect(strong.criteria.find((c: { id: string }) => c.id === 'learning-steps')).toEqual({
      id: 'learning-steps',
      status: 'met',
      expected: 'met',
    })
    expect(body.examples[1].criteria.find((c: { id: string }) => c.id === 'learning-steps')).toEqual({
      id: 'learning-steps',
      status: 'missed',
      expected: 'missed',
    })
  })

  test('an example that misses its expectations is a warning at that example, and shows in its row', async () => {
    t = await startApp()
    const yaml = RUBRIC_SCAFFOLD.replace('      band: weak\n', '      band: strong\n')
    const { body } = await preview(t.app, yaml)
    const line = yaml.split('\n').findIndex((l) => l.includes('- name: weak - hypothetical')) + 1
    expect(body.problems).toEqual([
      {
        line,
        column: 5,
        path: 'examples.1',
        ruleId: 'example-expectation',
        message: expect.stringMatching(
          /^Example 'weak - hypothetical, no steps': expected band 'strong', got 'weak'/,
        ),
        severity: 'warning',
      },
    ])
    expect(body.examples[1].failures).toEqual([expect.stringMatching(/^expected band 'strong', got 'weak'/)])
    // Without its weak example, the draft's own criterion is never seen missed.
    const cut = yaml.slice(0, yaml.indexOf('  - name: weak'))
    const coverage = (await preview(t.app, cut)).body.problems
    expect(coverage).toContainEqual(
      expect.objectContaining({
        path: 'criteria.0',
        ruleId: 'coverage',
        message: expect.stringContaining("Criterion 'learning-steps' is never missed or partial"),
        severity: 'warning',
      }),
    )
  })

  test('extends and tags resolve against the rubrics in service; a prompt id in use elsewhere is an error', async () => {
    t = await startApp()
    const yaml = RUBRIC_SCAFFOLD.replace('extends: star-core', 'extends: ownership')
      .replace('my-new-theme-first-question\n    text', 'ownership-outside-scope\n    text')
      .replace(/prompt: my-new-theme-first-question/g, 'prompt: ownership-outside-scope')
      .replace('      - End with what you delivered', '      - End with what you delivered')
    const { body } = await preview(t.app, yaml)
    const errors = body.problems.filter((p: { severity: string }) => p.severity === 'error')
    const line = yaml.split('\n').findIndex((l) => l.includes('- id: ownership-outside-scope')) + 1
    expect(errors).toEqual([
      {
        line,
        column: 5,
        path: 'prompts.0.id',
        ruleId: 'duplicate-id',
        message: "Prompt id 'ownership-outside-scope' is already used in rubric 'ownership'",
        severity: 'error',
      },
    ])
    // A parent that does not exist is named with the rubrics there are.
    const missing = await preview(t.app, RUBRIC_SCAFFOLD.replace('extends: star-core', 'extends: ownrship'))
    expect(missing.body.problems[0]).toMatchObject({
      line: 5,
      ruleId: 'extends-missing',
      severity: 'error',
    })
    expect(missing.body.problems[0].message).toContain("did you mean 'ownership'")
  })

  test('scores the answer with the draft, with every matched phrase and the criterion it counts for', async () => {
    t = await startApp()
    // The draft of a rubric in service stands in for it: here ownership gains a phrase.
    const yaml = OWNERSHIP_RUBRIC.replace(
      'any: [took ownership, volunteered, stepped up]',
      'any: [took ownership, volunteered, stepped up, runbook]',
    )
    const { body } = await preview(t.app, yaml, GOOD_ANSWER)
    expect(body.replaces).toBe('ownership.yaml')
    expect(body.report.rubricId).toBe('ownership')
    const own = body.evidence.filter((e: { criterionId: string }) => e.criterionId === 'ownership-signals')
    expect(own.length).toBeGreaterThan(0)
    // Evidence a criterion found is `info`; words it counts against are warnings.
    expect(own.map((e: { severity: string }) => e.severity)).toEqual(own.map(() => 'info'))
    for (const e of body.evidence) expect(GOOD_ANSWER.slice(e.start, e.end)).toBe(e.text)
    expect(own.map((e: { text: string }) => e.text).join(' ')).toMatch(/volunteered|took ownership/)
    // Reading order.
    const starts = body.evidence.map((e: { start: number }) => e.start)
    expect(starts).toEqual([...starts].sort((a, b) => a - b))
    expect(body.rubric.criteria.map((c: { id: string }) => c.id)).toContain('ownership-signals')
  })

  test('explains every criterion the answer met, whatever its kind, with what its check counted', async () => {
    t = await startApp()
    const { body } = await preview(t.app, OWNERSHIP_RUBRIC, GOOD_ANSWER)
    type Item = { criterionId: string; text: string; reason: string; severity: string; counted?: true }
    const evidence: Item[] = body.evidence
    const of = (id: string) => evidence.filter((e) => e.criterionId === id)
    // Every criterion met has words that show why.
    const met = body.report.criteria.filter((c: { status: string }) => c.status === 'met')
    expect(met.map((c: { check: string }) => c.check)).toEqual(
      expect.arrayContaining(['star-sections', 'ownership', 'hypothetical', 'reflection', 'hedging']),
    )
    for (const c of met) expect(of(c.id), c.id).not.toEqual([])
    const action =
      'Action: I took ownership of the incident, traced the errors to a connection pool limit, raised the limit, and added an alert.'
    expect(of('star-structure')).toContainEqual({
      criterionId: 'star-structure',
      start: GOOD_ANSWER.indexOf('Task:'),
      end: GOOD_ANSWER.indexOf('\nAction:'),
      text: GOOD_ANSWER.slice(GOOD_ANSWER.indexOf('Task:'), GOOD_ANSWER.indexOf('\nAction:')),
      reason: 'Counted as Task',
      severity: 'info',
      counted: true,
    })
    expect(of('ownership')).toContainEqual(
      expect.objectContaining({ text: action, reason: 'Told with "I": a step of your own', counted: true }),
    )
    expect(of('real-story')).toContainEqual(
      expect.objectContaining({ text: action, reason: 'A step of a real story, told as it happened' }),
    )
    // Partly met: the details it counted are shown too.
    expect(of('specificity').map((e) => e.text)).toEqual(expect.arrayContaining(['92%', '$40,000']))
    expect(of('confident-language')).toEqual([
      expect.objectContaining({ text: GOOD_ANSWER, reason: expect.stringMatching(/^0 hedges in \d+ words/) }),
    ])
    expect(of('length')).toEqual([
      expect.objectContaining({
        text: GOOD_ANSWER,
        reason: expect.stringMatching(/^\d+ words, \d+ seconds spoken; full credit for \d+–\d+ words$/),
      }),
    ])
    // A span a message already marks is given once, with the message's words and without `counted`.
    expect(of('measurable-result')).toContainEqual(
      expect.objectContaining({ text: '92%', reason: 'Measured outcome' }),
    )
    expect(of('measurable-result').every((e) => e.counted === undefined)).toBe(true)
    const keys = evidence.map((e) => `${e.criterionId}:${GOOD_ANSWER.indexOf(e.text)}:${e.text}`)
    expect(new Set(keys).size).toBe(keys.length)
    for (const e of evidence) expect(e.text).not.toBe('')
  })

  test('never writes: the folder and the rubrics in service are the same afterwards', async () => {
    t = await startApp({ watchRubrics: true, rubricDebounceMs: 50 })
    const before = folderState(t.rubricsDir)
    const served = (await t.app.inject('/api/rubrics/ownership')).json()
    const generation = t.app.rubrics.generation
    const changed = OWNERSHIP_RUBRIC.replace('title: Ownership', 'title: Ownership, drafted')
    const { body } = await preview(t.app, changed, GOOD_ANSWER)
    expect(body.problems.filter((p: { severity: string }) => p.severity === 'error')).toEqual([])
    await preview(t.app, RUBRIC_SCAFFOLD)
    await sleep(300)
    expect(folderState(t.rubricsDir)).toEqual(before)
    expect((await t.app.inject('/api/rubrics/ownership')).json()).toEqual(served)
    expect((await t.app.inject('/api/rubrics/my-new-theme')).statusCode).toBe(404)
    expect(t.app.rubrics.generation).toBe(generation)
  })

  test('a large draft is compiled off the main thread and gives the same answer; one over 256 KB is refused', async () => {
    t = await startApp()
    const prompts = Array.from(
      { length: 200 },
      (_, i) =>
        `  - id: my-new-theme-extra-${i}\n    text: Tell me about a time you learned something new, number ${i}.\n`,
    ).join('')
    const large = RUBRIC_SCAFFOLD.replace('criteria:\n', `${prompts}criteria:\n`)
    expect(large.length).toBeGreaterThan(16 * 1024)
    const { status, body } = await preview(t.app, large, GOOD_ANSWER)
    expect(status).toBe(200)
    expect(body.problems).toEqual([])
    expect(body.examples).toHaveLength(2)
    expect(body.report.rubricId).toBe('my-new-theme')
    // Its mistakes are found there too, at their line.
    const broken = large.replace('my-new-theme-extra-100\n', 'My_Extra\n')
    const line = broken.split('\n').findIndex((l) => l.includes('My_Extra')) + 1
    const problems = (await preview(t.app, broken)).body.problems
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatchObject({ line, path: 'prompts.101.id', severity: 'error' })

    const huge = `${RUBRIC_SCAFFOLD}# ${'x'.repeat(MAX_DRAFT_BYTES)}\n`
    const res = await t.app.inject({ method: 'POST', url: '/api/rubrics/preview', payload: { yaml: huge } })
    expect(res.statusCode).toBe(400)
    expect(res.json()).toMatchObject({ field: 'yaml' })
    expect(res.json().message).toContain('256 KB')
  })

  test("a rubric's file can be read to edit, also while it has errors; an unknown id is 404", async () => {
    t = await startApp({ rubricFiles: { 'broken-one.yaml': 'id: broken-one\ntitle: [unclosed\n' } })
    const own = await t.app.inject('/api/rubrics/ownership/source')
    expect(own.json()).toEqual({ id: 'ownership', file: 'ownership.yaml', yaml: OWNERSHIP_RUBRIC })
    const broken = await t.app.inject('/api/rubrics/broken-one/source')
    expect(broken.json()).toEqual({
      id: 'broken-one',
      file: 'broken-one.yaml',
      yaml: 'id: broken-one\ntitle: [unclosed\n',
    })
    expect((await t.app.inject('/api/rubrics/nothing-here/source')).statusCode).toBe(404)
  })

  test('the draft is named by its id, read without parsing it', () => {
    expect(draftId('title: x\nid: earn-trust # the id\n')).toBe('earn-trust')
    expect(draftId("id: 'think-big'\n")).toBe('think-big')
    expect(draftId('  id: nested\n')).toBeUndefined()
    expect(draftId('id: Not_Kebab\n')).toBeUndefined()
  })
})
