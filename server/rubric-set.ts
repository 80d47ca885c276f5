// One read of a rubrics folder, compiled: rubrics and prompts by id, the errors in the files, the last good
// versions kept in service; and the one rule that chooses the rubric for an answer (server and command line).

import { basename } from 'node:path'
import { hashString } from '../engine/hash'
import {
  checkRubrics,
  compileParsedRubrics,
  type ParsedRubricFile,
  type Prompt,
  parseRubricFile,
  type Rubric,
  type RubricError,
  type RubricSource,
} from '../engine/index'
import type { RubricFolder } from './rubric-files'

/** The rubric every other rubric extends; used when an answer names neither rubric nor prompt. */
export const DEFAULT_RUBRIC_ID = 'star-core'

export interface RegisteredPrompt {
  prompt: Prompt
  /** The rubric that defines the prompt and scores answers to it. */
  rubric: Rubric
}

/** A rubric served from its last good version because its file has errors now. */
export interface StaleRubric {
  rubricId: string
  file: string
  hash: string
}

const byIdOrder = (a: Rubric, b: Rubric) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

/**
 * The rubrics in service. Every `file` (of a rubric, an error or a stale rubric) is the name the folder
 * reader gave it, e.g. relative to the rubrics folder, so nothing downstream has to rename it.
 */
export class RubricSet {
  private readonly rubricsById: Map<string, Rubric>
  private readonly promptsById: Map<string, RegisteredPrompt>
  /** Prompts of draft rubrics: not offered to candidates, but found for trying a draft out. */
  private readonly draftPromptsById: Map<string, RegisteredPrompt>

  constructor(
    rubrics: readonly Rubric[] = [],
    private readonly fileErrors: RubricError[] = [],
    private readonly staleRubrics: StaleRubric[] = [],
  ) {
    const sorted = [...rubrics].sort(byIdOrder)
    this.rubricsById = new Map(sorted.map((r) => [r.id, r]))
    // Fresh rubrics claim their prompt ids first; a stale version cannot shadow a prompt that moved.
    const staleIds = new Set(staleRubrics.map((s) => s.rubricId))
    const claimed = new Map<string, RegisteredPrompt>()
    for (const pass of [false, true]) {
      for (const rubric of sorted) {
        if (staleIds.has(rubric.id) !== pass) continue
        for (const prompt of rubric.prompts) {
          if (!claimed.has(prompt.id)) claimed.set(prompt.id, { prompt, rubric })
        }
      }
    }
    // Listed in rubric id order, then file order.
    this.promptsById = new Map()
    this.draftPromptsById = new Map()
    for (const rubric of sorted) {
      for (const prompt of rubric.prompts) {
        const entry = claimed.get(prompt.id)
        if (entry?.rubric !== rubric) continue
        if (rubric.draft === true) this.draftPromptsById.set(prompt.id, entry)
        else this.promptsById.set(prompt.id, entry)
      }
    }
  }

  /** Rubrics in service, ordered by id; drafts included (they are listed and may be extended and tried out). */
  list(): Rubric[] {
    return [...this.rubricsById.values()]
  }

  get(id: string): Rubric | undefined {
    return this.rubricsById.get(id)
  }

  /** Every prompt offered to candidates with its rubric, in rubric id order, then file order (drafts' left out). */
  prompts(): RegisteredPrompt[] {
    return [...this.promptsById.values()]
  }

  /** A prompt offered to candidates; a draft rubric's prompt is not one (see `findDraftPrompt`). */
  findPrompt(id: string): RegisteredPrompt | undefined {
    return this.promptsById.get(id)
  }

  /** A prompt of a draft rubric, which candidates are not offered: to say so, or to try the draft out. */
  findDraftPrompt(id: string): RegisteredPrompt | undefined {
    return this.draftPromptsById.get(id)
  }

  /** Problems in the rubric files as they were read. */
  errors(): RubricError[] {
    return this.fileErrors
  }

  /** Rubrics whose file has errors now, served from their last good version. */
  stale(): StaleRubric[] {
    return this.staleRubrics
  }

  /** Errors only: problems that keep a rubric (or the folder) out of step with its file. */
  errorCount(): number {
    return this.fileErrors.filter((e) => e.severity !== 'warning').length
  }

  /** The file with errors that is named after rubric `id` (`id.yaml`), to say why that rubric is not in service. */
  fileWithErrors(id: string): string | undefined {
    return this.fileErrors.find(
      (e) => e.severity !== 'warning' && basename(e.file).replace(/\.ya?ml$/i, '') === id,
    )?.file
  }
}

/** A folder compiled: plain data, so it can cross from a worker thread. */
export interface CompiledFolder {
  rubrics: Rubric[]
  errors: RubricError[]
  stale: StaleRubric[]
}

/**
 * Compiles a folder's files. With `previous`, a rubric whose file is still there but has errors now (or
 * cannot be read) stays in service at its previous version (stale), and children may extend it; a deleted
 * file's rubric leaves service, as does an id the file no longer names (renamed). A folder that cannot be
 * listed keeps every rubric in service as it was. `parse` may return kept results for unchanged files.
 *
 * The result depends only on the files as they are now, except for those last good versions: when no file
 * has errors, a running server and a restarted one serve the same rubrics.
 */
export function compileFolder(
  read: RubricFolder,
  previous: readonly Rubric[],
  parse: (source: RubricSource) => ParsedRubricFile = parseRubricFile,
): CompiledFolder {
  if (!read.listed) {
    // Nothing is known about the files: every rubric stays as it was, each served from its last good version.
    return {
      rubrics: [...previous],
      errors: read.errors,
      stale: previous.map((r) => ({ rubricId: r.id, file: r.file, hash: r.hash })),
    }
  }
  const present = new Set(read.files)
  const parsed = read.sources.map(parse)
  const claims = new Map(parsed.map((p) => [p.file, p.id]))
  // Last good rubrics whose file is still there and, as far as it can be read, still names them: a broken
  // parent file leaves its children compilable.
  const known = new Map<string, Rubric>()
  for (const r of previous) {
    const claim = claims.get(r.file)
    if (present.has(r.file) && (claim === undefined || claim === r.id)) known.set(r.id, r)
  }

  const compiled = compileParsedRubrics(parsed, { known })
  const next = new Map<string, Rubric>()
  for (const r of compiled.rubrics) next.set(r.id, r)

  const compiledFiles = new Set(compiled.rubrics.map((r) => r.file))
  const stale: StaleRubric[] = []
  for (const r of known.values()) {
    // A file that compiled now replaced its rubric.
    if (compiledFiles.has(r.file) || next.has(r.id)) continue
    next.set(r.id, r)
    stale.push({ rubricId: r.id, file: r.file, hash: r.hash })
  }
  return { rubrics: [...next.values()], errors: [...read.errors, ...compiled.errors], stale }
}

/**
 * The folder with a warning for every example of a freshly compiled rubric that does not meet its stated
 * expectations, placed at the example: the rubric still serves as written. Run where the folder is put in
 * service (not in the worker thread, whose clock is for parsing one file).
 */
export function withExampleWarnings(
  folder: CompiledFolder,
  sources: readonly RubricSource[],
): CompiledFolder {
  const stale = new Set(folder.stale.map((s) => s.rubricId))
  const fresh = folder.rubrics.filter((r) => !stale.has(r.id))
  return { ...folder, errors: [...folder.errors, ...exampleWarnings(fresh, sources)] }
}

export interface FolderOptions {
  /**
   * Run each rubric's examples and report those that do not meet their expectations as warnings (default
   * true). `rubrics check` runs them itself, as errors.
   */
  examples?: boolean
}

/** Example results by file, text and compiled content: a reload runs only the examples of changed rubrics. */
const exampleResults = new Map<string, RubricError[]>()
const MAX_KEPT_EXAMPLE_RESULTS = 1000

/** The examples of `rubrics` that do not meet their stated expectations, as warnings placed at the example. */
function exampleWarnings(rubrics: readonly Rubric[], sources: readonly RubricSource[]): RubricError[] {
  const out: RubricError[] = []
  for (const rubric of rubrics) {
    if (rubric.examples.length === 0) continue
    const source = sources.filter((s) => s.file === rubric.file)
    // The file's text places the examples; the rubric's hash covers what it inherits.
    const key = `${rubric.file}\0${rubric.hash}\0${hashString(source[0]?.text ?? '')}`
    let found = exampleResults.get(key)
    if (found === undefined) {
      try {
        found = checkRubrics([rubric], source)
          .problems.filter((p) => p.ruleId === 'example-expectation')
          .map((p) => ({ ...p, severity: 'warning' as const }))
      } catch (err) {
        // A bug in scoring one rubric's examples must not keep the folder from being put in service.
        const message = err instanceof Error ? err.message.split('\n')[0] : String(err)
        found = [
          {
            file: rubric.file,
            line: 1,
            column: 1,
            path: '',
            ruleId: 'check-failed',
            message: `Running the examples of '${rubric.id}' failed: ${message}`,
            severity: 'warning',
          },
        ]
      }
      if (exampleResults.size >= MAX_KEPT_EXAMPLE_RESULTS) exampleResults.clear()
      exampleResults.set(key, found)
    }
    out.push(...found)
  }
  return out
}

/** `compileFolder` as a set of rubrics in service. */
export function buildRubricSet(
  read: RubricFolder,
  previous: RubricSet = new RubricSet(),
  parse: (source: RubricSource) => ParsedRubricFile = parseRubricFile,
  options: FolderOptions = {},
): RubricSet {
  const folder = compileFolder(read, previous.list(), parse)
  return rubricSetOf(options.examples === false ? folder : withExampleWarnings(folder, read.sources))
}

export function rubricSetOf(folder: CompiledFolder): RubricSet {
  return new RubricSet(folder.rubrics, folder.errors, folder.stale)
}

/** What an answer names to be scored with: a rubric, else a prompt, else its question's exact text. */
export interface RubricChoice {
  rubricId?: string
  promptId?: string
  /** A question that is one of the prompts, word for word, is scored with that prompt's rubric. */
  question?: string
}

export type ChosenRubric = { rubric: Rubric } | { missing: 'rubric' | 'prompt' | 'default'; id: string }

function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

/**
 * The rubric to score an answer with: the named rubric, else the named prompt's (a draft's too), else the
 * rubric of the prompt whose text the question is (drafts' left out), else the default rubric. What is
 * missing is said as data; callers word it for their audience.
 */
export function chooseRubric(
  rubrics: Pick<RubricSet, 'get' | 'findPrompt' | 'prompts'> & Partial<Pick<RubricSet, 'findDraftPrompt'>>,
  choice: RubricChoice,
): ChosenRubric {
  if (choice.rubricId !== undefined) {
    const rubric = rubrics.get(choice.rubricId)
    return rubric === undefined ? { missing: 'rubric', id: choice.rubricId } : { rubric }
  }
  if (choice.promptId !== undefined) {
    // Scoring without storing may try a draft's prompt out.
    const rubric = (rubrics.findPrompt(choice.promptId) ?? rubrics.findDraftPrompt?.(choice.promptId))?.rubric
    return rubric === undefined ? { missing: 'prompt', id: choice.promptId } : { rubric }
  }
  if (choice.question !== undefined) {
    const q = normalise(choice.question)
    const asked = rubrics.prompts().find((p) => normalise(p.prompt.text) === q)
    if (asked !== undefined) return { rubric: asked.rubric }
  }
  const rubric = rubrics.get(DEFAULT_RUBRIC_ID)
  return rubric === undefined ? { missing: 'default', id: DEFAULT_RUBRIC_ID } : { rubric }
}
