// Trying a draft rubric file without saving it: validated against the rubrics in service (so `extends` and tags
// resolve, and a draft with a served rubric's id stands in for it), an answer scored with it, its examples run.
// Nothing is written. A large draft is compiled in a worker thread, as the registry compiles large files.

import type { Preview } from '../contract/rubrics'
import {
  type Analysis,
  analyze,
  criterionEvidence,
  expectationFailures,
  type Rubric,
  type RubricError,
  type RubricSource,
  scoreAnalysis,
} from '../engine/index'
import { rubricPlaces } from '../engine/parse'
import type { RubricFolder } from './rubric-files'
import { type CompiledFolder, compileFolder } from './rubric-set'
import { ParseTimeout, RubricThread } from './rubric-thread'

/** Drafts up to this size are compiled on the main thread (a few milliseconds); larger ones in a worker. */
const INLINE_DRAFT_CHARS = 16 * 1024

const KEBAB_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/** The id a draft names at its top level, read without parsing it (to name its file); undefined when none. */
export function draftId(yaml: string): string | undefined {
  const m = /^id:[ \t]*(['"]?)([a-z0-9-]+)\1[ \t]*(?:#.*)?$/m.exec(yaml)
  return m !== null && KEBAB_ID.test(m[2]!) ? m[2] : undefined
}

export interface DraftCompiled {
  source: RubricSource
  rubric: Rubric | undefined
  /** The draft's problems, errors and warnings, without file names. */
  problems: Preview['problems']
  /** The file of the rubric in service with the draft's id, if there is one. */
  replaces: string | undefined
}

function problemOf(e: RubricError, severity?: 'error' | 'warning'): Preview['problems'][number] {
  return {
    line: e.line,
    column: e.column,
    path: e.path,
    ruleId: e.ruleId,
    message: e.message,
    severity: severity ?? (e.severity === 'warning' ? 'warning' : 'error'),
  }
}

const byPlace = (a: Preview['problems'][number], b: Preview['problems'][number]) =>
  (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1) || a.line - b.line || a.column - b.column

export interface RubricPreviewOptions {
  /** The rubrics in service now. */
  served: () => readonly Rubric[]
  /** The longest a large draft may take to compile in the worker before it is reported as too slow. */
  parseTimeoutMs?: number
}

/** Compiles drafts against the rubrics in service and previews them; one worker thread, shared, for large ones. */
export class RubricPreviewer {
  private thread: RubricThread | undefined
  /** Worker compiles run one at a time, in order. */
  private queue: Promise<unknown> = Promise.resolve()
  private readonly parseTimeoutMs: number

  constructor(private readonly options: RubricPreviewOptions) {
    this.parseTimeoutMs = options.parseTimeoutMs ?? 10_000
  }

  /** Validates a draft as if it were a file in the rubrics folder, named after its id. Never writes. */
  async compile(yaml: string): Promise<DraftCompiled> {
    const id = draftId(yaml)
    const file = `${id ?? 'draft'}.yaml`
    const source: RubricSource = { file, text: yaml }
    const served = this.options.served()
    const same = id === undefined ? undefined : served.find((r) => r.id === id)
    // Every rubric in service counts as present in the folder, so each may be extended or named in a tag;
    // the one with the draft's id is left out, so the draft stands in for it.
    const others = served.filter((r) => r.id !== id)
    const read: RubricFolder = {
      sources: [source],
      errors: [],
      files: [...new Set([...others.map((r) => r.file), file])],
      listed: true,
    }
    // A served rubric kept under the draft's file name, with another id, would be taken as the draft's.
    const previous = others.filter((r) => r.file !== file)
    let compiled: CompiledFolder
    if (yaml.length <= INLINE_DRAFT_CHARS) compiled = compileFolder(read, previous)
    else {
      try {
        compiled = await this.inWorker(read, previous)
      } catch (err) {
        if (!(err instanceof ParseTimeout)) throw err
        const problem = {
          line: 1,
          column: 1,
          path: '',
          ruleId: 'too-slow',
          message: `Checking the draft took over ${this.parseTimeoutMs / 1000} s; make it smaller or simpler`,
          severity: 'error' as const,
        }
        return { source, rubric: undefined, problems: [problem], replaces: same?.file }
      }
    }
    const rubric = compiled.rubrics.find((r) => r.file === file)
    const problems = compiled.errors.filter((e) => e.file === file).map((e) => problemOf(e))
    if (rubric !== undefined) problems.push(...promptClashes(rubric, source, others))
    problems.sort(byPlace)
    return { source, rubric, problems, replaces: same?.file }
  }

  private inWorker(read: RubricFolder, previous: readonly Rubric[]): Promise<CompiledFolder> {
    this.thread ??= new RubricThread(this.parseTimeoutMs)
    const thread = this.thread
    const run = this.queue.then(() => thread.compile(read, previous))
    this.queue = run.catch(() => undefined)
    return run
  }

  /** The whole preview: problems, the answer scored with the draft and its evidence, the examples run. */
  async preview(yaml: string, answer?: string): Promise<Preview> {
    const draft = await this.compile(yaml)
    const out: Preview = { problems: draft.problems, evidence: [], examples: [] }
    const id = draft.rubric?.id ?? draftId(yaml)
    if (id !== undefined) out.id = id
    if (draft.replaces !== undefined) out.replaces = draft.replaces
    const rubric = draft.rubric
    if (rubric === undefined) return out
    out.rubric = {
      id: rubric.id,
      title: rubric.title,
      criteria: rubric.criteria.map((c) => ({ id: c.id, label: c.label })),
    }
    // Every example scored, one per turn of the event loop, then what `rubrics check` says of them: failures and
    // coverage, as warnings, since the rubric would still serve. (Not on the score worker: it keeps every rubric
    // it is sent, and each keystroke in the studio makes a new one.)
    const places = rubricPlaces([draft.source])
    const warn = (path: (string | number)[], ruleId: string, message: string) =>
      out.problems.push({ ...places.at(draft.source.file, path), ruleId, message, severity: 'warning' })
    const seen = new Map<string, Set<string>>()
    for (const [i, example] of rubric.examples.entries()) {
      const report = scoreAnalysis(await analyzeLater(example.answer), rubric)
      const expected = new Map<string, 'met' | 'partial' | 'missed'>()
      for (const key of ['met', 'partial', 'missed'] as const) {
        for (const c of example.expect[key] ?? []) expected.set(c, key)
      }
      const failures = expectationFailures(report, example.expect)
      for (const f of failures)
        warn(['examples', i], 'example-expectation', `Example '${example.name}': ${f}`)
      for (const c of report.criteria) seen.set(c.id, (seen.get(c.id) ?? new Set()).add(c.status))
      out.examples.push({
        name: example.name,
        ...(example.promptId === undefined ? {} : { promptId: example.promptId }),
        expected: example.expect,
        score: report.score,
        band: report.band,
        criteria: report.criteria.map((c) => {
          const e = expected.get(c.id)
          return e === undefined
            ? { id: c.id, status: c.status }
            : { id: c.id, status: c.status, expected: e }
        }),
        failures,
      })
    }
    if (rubric.examples.length === 0)
      warn(['examples'], 'no-examples', `Rubric '${rubric.id}' has no examples`)
    else {
      for (const c of rubric.criteria) {
        const s = seen.get(c.id) ?? new Set()
        const met = s.has('met')
        const notMet = s.has('missed') || s.has('partial')
        if (met && notMet) continue
        const lacking = !met && !notMet ? 'met or missed' : !met ? 'met' : 'missed or partial'
        const index = places.criterionIndex(draft.source.file, c.id)
        warn(
          index === undefined ? ['examples'] : ['criteria', index],
          'coverage',
          `Criterion '${c.id}' is never ${lacking} in any example of '${rubric.id}'; add an example that shows it`,
        )
      }
    }
    out.problems.sort(byPlace)
    if (answer !== undefined && answer.trim() !== '') {
      const analysis = await analyzeLater(answer)
      const report = scoreAnalysis(analysis, rubric)
      out.report = report
      const byId = new Map(rubric.criteria.map((c) => [c.id, c]))
      for (const c of report.criteria) {
        // The words its messages are about (matches, and words it counts against), then what else its check
        // counted toward it (the sentences of each section, the steps told with "I", the details…).
        const marked = new Set<string>()
        for (const m of c.messages) {
          if (m.place === undefined || m.place.end <= m.place.start) continue
          marked.add(`${m.place.start}:${m.place.end}`)
          out.evidence.push({
            criterionId: c.id,
            start: m.place.start,
            end: m.place.end,
            text: answer.slice(m.place.start, m.place.end),
            reason: m.reason,
            severity: m.severity,
          })
        }
        for (const e of criterionEvidence(analysis, byId.get(c.id)!, c)) {
          if (marked.has(`${e.start}:${e.end}`)) continue
          out.evidence.push({
            criterionId: c.id,
            start: e.start,
            end: e.end,
            text: answer.slice(e.start, e.end),
            reason: e.reason,
            severity: 'info',
            counted: true,
          })
        }
      }
      out.evidence.sort((a, b) => a.start - b.start || a.end - b.end)
    }
    return out
  }

  async close(): Promise<void> {
    await this.thread?.close()
  }
}

/**
 * Analyses in a later turn of the event loop, so requests that came in meanwhile are answered first; the caller
 * scores the analysis (`scoreAnalysis`), and the studio's answer also reads each criterion's evidence from it.
 */
async function analyzeLater(answer: string): Promise<Analysis> {
  await new Promise<void>((resolve) => setImmediate(resolve))
  return analyze(answer)
}

/** Prompt ids of the draft that another rubric in service already uses: each is one error, at the prompt's id. */
function promptClashes(rubric: Rubric, source: RubricSource, others: readonly Rubric[]): Preview['problems'] {
  const owner = new Map<string, string>()
  for (const r of others) for (const p of r.prompts) owner.set(p.id, r.id)
  const places = rubricPlaces([source])
  const out: Preview['problems'] = []
  rubric.prompts.forEach((p, i) => {
    const other = owner.get(p.id)
    if (other === undefined) return
    const at = places.at(source.file, ['prompts', i, 'id'])
    out.push({
      ...at,
      ruleId: 'duplicate-id',
      message: `Prompt id '${p.id}' is already used in rubric '${other}'`,
      severity: 'error',
    })
  })
  return out
}
