// The HTTP contract describes the engine's data exactly, and contract/ imports only what its rule allows.

import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, expectTypeOf, it } from 'vitest'
import type { Attempt, AttemptSummary } from '../../contract/attempts'
import { errorSchema } from '../../contract/common'
import { type Report, reportSchema } from '../../contract/report'
import {
  type CompiledRubric,
  promptSchema,
  type RubricFileError,
  rubricSchema,
  type ServedPrompt,
} from '../../contract/rubrics'
import { type StoryFitBody, type StoryPlanBody, storyFitList, storyPlanSchema } from '../../contract/stories'
import type { AttemptSummary as AttemptSummaryRow } from '../../db/index'
import {
  compileRubrics,
  type Prompt,
  type Rubric,
  type RubricError,
  type ScoreReport,
  type StoryFit,
  type StoryPlan,
  score,
  storyFit,
  storyPlan,
} from '../../engine/index'
import { readRubricFolder } from '../../server/rubric-files'
import { attemptSummaryView, attemptView } from '../../server/views'
import { GOOD_ANSWER, WEAK_ANSWER } from '../server/helpers'

type Flat<T> = { [K in keyof T]: T[K] }

const CONTRACT = new URL('../../contract', import.meta.url).pathname
const { rubrics } = compileRubrics(
  readRubricFolder(new URL('../../rubrics', import.meta.url).pathname, (name) => name).sources,
)

describe('the contract types are the engine types', () => {
  it('has the same shape for the report, the compiled rubric, prompts and rubric file problems', () => {
    // Checked by the compiler (npm run typecheck): a field added to one side and not the other fails here.
    expectTypeOf<Report>().toEqualTypeOf<ScoreReport>()
    expectTypeOf<CompiledRubric>().toEqualTypeOf<Rubric>()
    expectTypeOf<RubricFileError>().toEqualTypeOf<RubricError>()
    expectTypeOf<ServedPrompt>().toEqualTypeOf<Flat<Prompt & { rubricId: string; rubricTitle: string }>>()
    // And at run time, on real data: the schemas keep every field the engine makes (none is stripped).
    expect(rubrics.length).toBeGreaterThan(20)
    for (const rubric of rubrics) {
      expect(rubricSchema.parse(rubric)).toEqual(rubric)
      for (const prompt of rubric.prompts) expect(promptSchema.parse(prompt)).toEqual(prompt)
    }
  })

  it('passes reports through unchanged, whatever the answer', () => {
    const answers = [GOOD_ANSWER, WEAK_ANSWER, '', 'We did it. Maybe I would have tried something.']
    let messages = 0
    for (const rubric of rubrics) {
      for (const answer of answers) {
        const report = score(answer, rubric)
        messages += report.messages.length + report.criteria.reduce((n, c) => n + c.messages.length, 0)
        expect(reportSchema.parse(report)).toEqual(report)
      }
    }
    expect(messages).toBeGreaterThan(0)
  })

  it('maps attempt rows to exactly the contract shapes', () => {
    expectTypeOf(attemptSummaryView).returns.toEqualTypeOf<AttemptSummary>()
    expectTypeOf(attemptView).returns.toEqualTypeOf<Attempt>()
    const row: AttemptSummaryRow = {
      id: 1,
      promptId: 'p',
      rubricId: 'r',
      score: 70,
      bandId: 'solid',
      bandLabel: 'Solid',
      durationMs: null,
      createdAt: 0,
      scoredAt: 1000,
      excerpt: 'Situation',
      answerLength: 9,
    }
    expect(attemptSummaryView(row, null)).toEqual({
      id: 1,
      promptId: 'p',
      promptText: null,
      rubricId: 'r',
      score: 70,
      band: { id: 'solid', label: 'Solid' },
      durationMs: null,
      createdAt: '1970-01-01T00:00:00.000Z',
      scoredAt: '1970-01-01T00:00:01.000Z',
      excerpt: 'Situation',
      answerLength: 9,
    })
  })

  it('documents the field of a validation error', () => {
    expect(
      errorSchema.parse({ statusCode: 400, error: 'Bad Request', message: 'm', field: 'minScore' }),
    ).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'm',
      field: 'minScore',
    })
    expect(errorSchema.shape.field.description).toMatch(/without a body\. or query\. prefix/)
  })
})

describe('contract imports', () => {
  const files = readdirSync(CONTRACT).filter((f) => f.endsWith('.ts'))

  it('has the contract files', () => {
    expect(files.sort()).toEqual([
      'attempts.ts',
      'common.ts',
      'follow-ups.ts',
      'loops.ts',
      'progress.ts',
      'query.ts',
      'report.ts',
      'rubrics.ts',
      'stories.ts',
      'team.ts',
    ])
  })

  it('imports zod, its own files, types from engine/, the kind lists and the answer rules; nothing else', () => {
    const offenders: string[] = []
    for (const file of files) {
      const text = readFileSync(`${CONTRACT}/${file}`, 'utf8')
      for (const [statement, typeOnly, from] of text.matchAll(/^import (type )?[^;]*?from '([^']+)'/gms)) {
        const allowed =
          from === 'zod' ||
          /^\.\/[a-z-]+$/.test(from!) ||
          from === '../engine/kinds' ||
          from === '../engine/answer-rules' ||
          (typeOnly !== undefined && from!.startsWith('../engine/'))
        if (!allowed) offenders.push(`${file}: ${statement}`)
      }
    }
    expect(offenders).toEqual([])
  })
})

describe('the story contract is the engine’s story fit and plan', () => {
  it('has the same shapes, and passes real fits and plans through unchanged', () => {
    expectTypeOf<StoryFitBody>().toEqualTypeOf<StoryFit>()
    expectTypeOf<StoryPlanBody>().toEqualTypeOf<StoryPlan>()
    const fits = [GOOD_ANSWER, WEAK_ANSWER, ''].map((text) => storyFit(text, rubrics))
    for (const fit of fits) expect(storyFitList.parse(fit)).toEqual(fit)
    const principles = rubrics.filter((r) => r.kind === 'leadership-principle').map((r) => r.id)
    const plan = storyPlan(
      fits.map((fit, i) => ({ id: i + 1, title: `story ${i + 1}`, fit })),
      principles,
    )
    expect(plan.principles.some((p) => p.stories.length > 0)).toBe(true)
    expect(storyPlanSchema.parse(plan)).toEqual(plan)
  })
})
