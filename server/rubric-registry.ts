// The rubrics in service: loaded from the rubrics folder, re-validated on every change, last good versions kept.

import { resolve } from 'node:path'
import { type FSWatcher, watch } from 'chokidar'
import { formatRubricError, type Rubric, type RubricError } from '../engine/index'
import { RUBRIC_FILE, readRubricFolder } from './rubric-files'
import { buildRubricSet, type RegisteredPrompt, RubricSet, type StaleRubric } from './rubric-set'

// Where the routes have always imported them from.
export type { RegisteredPrompt, StaleRubric } from './rubric-set'

export interface RegistryLog {
  info(msg: string): void
  warn(msg: string): void
  error(obj: unknown, msg?: string): void
}

export interface RubricRegistryOptions {
  /** The rubrics folder; files are named relative to it everywhere but the log. */
  dir: string
  log: RegistryLog
  /** Quiet time after the last file event before reloading; editors write a file in several steps. */
  debounceMs?: number
}

export class RubricRegistry {
  readonly dir: string
  private readonly log: RegistryLog
  private readonly debounceMs: number
  private current = new RubricSet()
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

  /** Rubrics in service, ordered by id. */
  list(): Rubric[] {
    return this.current.list()
  }

  get(id: string): Rubric | undefined {
    return this.current.get(id)
  }

  /** Every prompt in service with its rubric, in rubric id order, then file order. */
  prompts(): RegisteredPrompt[] {
    return this.current.prompts()
  }

  findPrompt(id: string): RegisteredPrompt | undefined {
    return this.current.findPrompt(id)
  }

  /** Problems in the rubric files as they are on disk now; files are named relative to the folder. */
  errors(): RubricError[] {
    return this.current.errors()
  }

  /** Rubrics whose file has errors now, served from their last good version. */
  stale(): StaleRubric[] {
    return this.current.stale()
  }

  /** The file with errors named after rubric `id`, to say why that rubric is not in service. */
  fileWithErrors(id: string): string | undefined {
    return this.current.fileWithErrors(id)
  }

  /**
   * Reads and compiles every rubric file, then swaps the result in. Never throws. Files are named relative
   * to the folder (`ownership.yaml`), so answers do not reveal where the server keeps them.
   */
  reload(): void {
    try {
      const next = buildRubricSet(readRubricFolder(this.dir), this.current)
      this.current = next
      this.generation++
      this.loadedAt = Date.now()
      this.report(next)
    } catch (err) {
      // A bug or an unreadable folder must not take the rubrics in service down with it.
      this.log.error({ err }, 'Reloading rubrics failed; the rubrics in service are unchanged')
    }
  }

  private report(set: RubricSet): void {
    // The log is for whoever runs the server: full paths there.
    const where = (file: string) => resolve(this.dir, file)
    for (const e of set.errors())
      this.log.warn(`Rubric error: ${formatRubricError({ ...e, file: where(e.file) })}`)
    for (const s of set.stale()) {
      this.log.warn(`Rubric '${s.rubricId}' stays at its last good version: ${where(s.file)} has errors`)
    }
    this.log.info(`Rubrics loaded: ${set.list().length} in service, ${set.errors().length} errors in files`)
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
