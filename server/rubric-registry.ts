// The rubrics in service: loaded from the rubrics folder, re-validated on every change, last good versions kept.

import { isAbsolute, relative, sep } from 'node:path'
import { type FSWatcher, watch } from 'chokidar'
import {
  compileRubrics,
  formatRubricError,
  type Prompt,
  type Rubric,
  type RubricError,
} from '../engine/index'
import { RUBRIC_FILE, type RubricFolder, readRubricFolder } from './rubric-files'

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

export interface RegistryLog {
  info(msg: string): void
  warn(msg: string): void
  error(obj: unknown, msg?: string): void
}

export interface RubricRegistryOptions {
  /** The rubrics folder; file names in errors are this path joined with the file's name. */
  dir: string
  log: RegistryLog
  /** Quiet time after the last file event before reloading; editors write a file in several steps. */
  debounceMs?: number
}

export class RubricRegistry {
  readonly dir: string
  private readonly log: RegistryLog
  private readonly debounceMs: number
  private rubricsById = new Map<string, Rubric>()
  private promptsById = new Map<string, RegisteredPrompt>()
  private currentErrors: RubricError[] = []
  private currentStale: StaleRubric[] = []
  private watcher: FSWatcher | undefined
  private timer: NodeJS.Timeout | undefined
  /** Bumped on every reload, so callers can tell a reload happened. */
  generation = 0
  loadedAt = 0

  constructor(options: RubricRegistryOptions) {
    this.dir = options.dir
    this.log = options.log
    this.debounceMs = options.debounceMs ?? 100
  }

  /**
   * A rubric file's name as the API shows it: relative to the rubrics folder (`ownership.yaml`), so answers
   * do not reveal where the server keeps its files. A path outside the folder (the folder itself) is kept.
   */
  fileName(file: string): string {
    const name = relative(this.dir, file)
    if (name === '' || name.startsWith('..') || isAbsolute(name)) return file
    return sep === '/' ? name : name.split(sep).join('/')
  }

  /** Rubrics in service, ordered by id. */
  list(): Rubric[] {
    return [...this.rubricsById.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  }

  get(id: string): Rubric | undefined {
    return this.rubricsById.get(id)
  }

  /** Every prompt in service with its rubric, in rubric id order, then file order. */
  prompts(): RegisteredPrompt[] {
    return [...this.promptsById.values()]
  }

  findPrompt(id: string): RegisteredPrompt | undefined {
    return this.promptsById.get(id)
  }

  /** Problems in the rubric files as they are on disk now. */
  errors(): RubricError[] {
    return this.currentErrors
  }

  /** Rubrics whose file has errors now, served from their last good version. */
  stale(): StaleRubric[] {
    return this.currentStale
  }

  /** Reads and compiles every rubric file, then swaps the result in. Never throws. */
  reload(): void {
    try {
      this.swap(readRubricFolder(this.dir))
    } catch (err) {
      // A bug or an unreadable folder must not take the rubrics in service down with it.
      this.log.error({ err }, 'Reloading rubrics failed; the rubrics in service are unchanged')
    }
  }

  private swap(read: RubricFolder): void {
    const present = new Set(read.sources.map((s) => s.file))
    // Last good rubrics whose file is still there: a broken parent file leaves its children compilable.
    const known = new Map<string, Rubric>()
    for (const r of this.rubricsById.values()) if (present.has(r.file)) known.set(r.id, r)

    const compiled = compileRubrics(read.sources, { known })
    const next = new Map<string, Rubric>()
    for (const r of compiled.rubrics) next.set(r.id, r)

    const compiledFiles = new Set(compiled.rubrics.map((r) => r.file))
    const stale: StaleRubric[] = []
    for (const r of this.rubricsById.values()) {
      // A deleted file takes its rubric out of service; a file that compiled now replaced it.
      if (!present.has(r.file) || compiledFiles.has(r.file) || next.has(r.id)) continue
      next.set(r.id, r)
      stale.push({ rubricId: r.id, file: r.file, hash: r.hash })
    }

    const rubrics = [...next.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    const prompts = new Map<string, RegisteredPrompt>()
    // Fresh rubrics claim their prompt ids first; a stale version cannot shadow a prompt that moved.
    const staleIds = new Set(stale.map((s) => s.rubricId))
    for (const pass of [false, true]) {
      for (const rubric of rubrics) {
        if (staleIds.has(rubric.id) !== pass) continue
        for (const prompt of rubric.prompts) {
          if (!prompts.has(prompt.id)) prompts.set(prompt.id, { prompt, rubric })
        }
      }
    }
    const ordered = new Map<string, RegisteredPrompt>()
    for (const rubric of rubrics) {
      for (const prompt of rubric.prompts) {
        const entry = prompts.get(prompt.id)
        if (entry?.rubric === rubric) ordered.set(prompt.id, entry)
      }
    }

    const errors = [...read.errors, ...compiled.errors]
    this.rubricsById = new Map(rubrics.map((r) => [r.id, r]))
    this.promptsById = ordered
    this.currentErrors = errors
    this.currentStale = stale
    this.generation++
    this.loadedAt = Date.now()

    for (const e of errors) this.log.warn(`Rubric error: ${formatRubricError(e)}`)
    for (const s of stale) {
      this.log.warn(`Rubric '${s.rubricId}' stays at its last good version: ${s.file} has errors`)
    }
    this.log.info(`Rubrics loaded: ${rubrics.length} in service, ${errors.length} errors in files`)
  }

  /** Starts watching the folder; resolves once the watcher is ready, so no later change is missed. */
  async watch(): Promise<void> {
    if (this.watcher !== undefined) return
    const watcher = watch(this.dir, {
      ignoreInitial: true,
      depth: 0,
      // Only rubric files (and the folder itself) matter; editors' swap and backup files do not.
      ignored: (path, stats) => stats?.isFile() === true && !RUBRIC_FILE.test(path),
    })
    this.watcher = watcher
    watcher.on('all', () => this.scheduleReload())
    watcher.on('error', (err) => this.log.error({ err }, 'Watching the rubrics folder failed'))
    await new Promise<void>((resolve) => watcher.once('ready', () => resolve()))
  }

  private scheduleReload(): void {
    if (this.timer !== undefined) clearTimeout(this.timer)
    this.timer = setTimeout(() => {
      this.timer = undefined
      this.reload()
    }, this.debounceMs)
  }

  async close(): Promise<void> {
    if (this.timer !== undefined) clearTimeout(this.timer)
    this.timer = undefined
    const watcher = this.watcher
    this.watcher = undefined
    if (watcher !== undefined) await watcher.close()
  }
}
