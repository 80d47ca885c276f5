// The rubrics in service: loaded from the rubrics folder, re-validated on every change, last good versions kept.

import { accessSync, constants, statSync } from 'node:fs'
import { resolve } from 'node:path'
import { type FSWatcher, watch } from 'chokidar'
import {
  formatRubricError,
  type ParsedRubricFile,
  parseRubricFile,
  type Rubric,
  type RubricError,
  type RubricSource,
} from '../engine/index'
import {
  folderFingerprint,
  RUBRIC_FILE,
  type RubricFolder,
  readRubricFolder,
  readRubricFolderAsync,
} from './rubric-files'
import {
  buildRubricSet,
  type CompiledFolder,
  type RegisteredPrompt,
  RubricSet,
  rubricSetOf,
  type StaleRubric,
  withExampleWarnings,
} from './rubric-set'
import { ParseTimeout, RubricThread } from './rubric-thread'

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
  /** How often the folder itself is checked for going away, being replaced and coming back. */
  pollMs?: number
  /** The longest one file may take to parse in the worker before it is reported and left out. */
  parseTimeoutMs?: number
}

/**
 * Files up to this size are parsed on the main thread (a few milliseconds each); a reload that must parse a
 * larger one compiles in a worker thread instead.
 */
const INLINE_PARSE_CHARS = 16 * 1024

function tooSlowError(file: string, ms: number): RubricError {
  return {
    file,
    line: 1,
    column: 1,
    path: '',
    ruleId: 'too-slow',
    message: `Parsing the file took over ${ms / 1000} s, so it was left out; make it smaller or simpler`,
  }
}

/** The folder's device, inode and whether it can be listed; undefined when it is not there (or not a folder). */
function folderIdentity(dir: string): string | undefined {
  try {
    const info = statSync(dir)
    if (!info.isDirectory()) return undefined
    let readable = true
    try {
      accessSync(dir, constants.R_OK | constants.X_OK)
    } catch {
      readable = false
    }
    return `${info.dev}:${info.ino}:${readable}`
  } catch {
    return undefined
  }
}

export class RubricRegistry {
  readonly dir: string
  private readonly log: RegistryLog
  private readonly debounceMs: number
  private current = new RubricSet()
  private watcher: FSWatcher | undefined
  private timer: NodeJS.Timeout | undefined
  private poll: NodeJS.Timeout | undefined
  private readonly pollMs: number
  private watching = false
  private switching = false
  /** The watched folder's identity (device and inode, readable or not), or undefined while it is not there. */
  private folder: string | undefined
  /** Each file's last parse, by name, with the text it had: an unchanged file is not parsed again. */
  private readonly parsed = new Map<string, { text: string; parsed: ParsedRubricFile }>()
  private running: Promise<void> | undefined
  private thread: RubricThread | undefined
  private readonly parseTimeoutMs: number
  /** Files that took too long to parse, with the text they had then. */
  private readonly tooSlow = new Map<string, string>()
  private again: Promise<void> | undefined
  /** The folder as the last reload found it (folderFingerprint): the poll reloads when it has changed since. */
  private fingerprint = ''
  /** Bumped on every reload, so callers can tell a reload happened. */
  generation = 0
  loadedAt = 0
  /** Files parsed since start: a reload parses only the files whose text changed. */
  parseCount = 0
  private readonly listeners = new Set<() => void>()

  constructor(options: RubricRegistryOptions) {
    this.dir = options.dir
    this.log = options.log
    this.debounceMs = options.debounceMs ?? 100
    this.pollMs = options.pollMs ?? 500
    this.parseTimeoutMs = options.parseTimeoutMs ?? 10_000
  }

  /** Rubrics in service, ordered by id. */
  list(): Rubric[] {
    return this.current.list()
  }

  /** Calls `listener` after every reload (whether or not anything changed); returns a function that stops it. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  get(id: string): Rubric | undefined {
    return this.current.get(id)
  }

  /** Every prompt offered to candidates with its rubric, in rubric id order, then file order (not drafts'). */
  prompts(): RegisteredPrompt[] {
    return this.current.prompts()
  }

  /** A prompt offered to candidates: a draft rubric's prompt is not one. */
  findPrompt(id: string): RegisteredPrompt | undefined {
    return this.current.findPrompt(id)
  }

  /** A prompt of a draft rubric, which candidates are not offered. */
  findDraftPrompt(id: string): RegisteredPrompt | undefined {
    return this.current.findDraftPrompt(id)
  }

  /** Problems in the rubric files as they are on disk now; files are named relative to the folder. */
  errors(): RubricError[] {
    return this.current.errors()
  }

  /** How many of `errors()` are errors, not warnings. */
  errorCount(): number {
    return this.current.errorCount()
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
   * to the folder (`ownership.yaml`), so answers do not reveal where the server keeps them. Blocks while it
   * reads: used at start, before the server answers; the watcher uses `reloadAsync`.
   */
  reload(): void {
    this.fingerprint = folderFingerprint(this.dir)
    this.apply(() => buildRubricSet(readRubricFolder(this.dir), this.current, this.parseKept))
  }

  /**
   * `reload` without blocking the server for long: the folder is read asynchronously, only files whose text
   * changed are parsed again, one at a time with other work let in between; only what crosses files (extends,
   * duplicate ids, tags) is redone for all. Reloads never overlap: one asked for meanwhile runs after.
   */
  reloadAsync(): Promise<void> {
    if (this.running !== undefined) {
      this.again ??= this.running.then(() => {
        this.again = undefined
        return this.reloadAsync()
      })
      return this.again
    }
    const run = this.readAndParse().finally(() => {
      this.running = undefined
    })
    this.running = run
    return run
  }

  private async readAndParse(): Promise<void> {
    this.fingerprint = folderFingerprint(this.dir)
    try {
      const read = await readRubricFolderAsync(this.dir)
      const unparsed = read.sources.filter((s) => this.parsed.get(s.file)?.text !== s.text)
      if (unparsed.some((s) => s.text.length > INLINE_PARSE_CHARS)) {
        // A large file takes long to parse: the worker does it while the server goes on answering.
        const compiled = await this.compileInWorker(read)
        this.apply(() => rubricSetOf(withExampleWarnings(compiled, read.sources)))
        return
      }
      for (const source of unparsed) {
        await new Promise<void>((resolve) => setImmediate(resolve))
        this.parseKept(source)
      }
      this.apply(() => buildRubricSet(read, this.current, this.parseKept))
    } catch (err) {
      this.log.error({ err }, 'Reloading rubrics failed; the rubrics in service are unchanged')
    }
  }

  /**
   * Compiles in the worker thread. A file that takes longer than `parseTimeoutMs` to parse is reported and
   * left out (its last good version stays), and the rest compiled again; it is not tried again until its text
   * changes.
   */
  private async compileInWorker(read: RubricFolder): Promise<CompiledFolder> {
    this.thread ??= new RubricThread(this.parseTimeoutMs)
    for (;;) {
      const job: RubricFolder = { ...read, sources: [], errors: [...read.errors] }
      for (const s of read.sources) {
        if (this.tooSlow.get(s.file) !== s.text) job.sources.push(s)
        else job.errors.push(tooSlowError(s.file, this.parseTimeoutMs))
      }
      try {
        const compiled = await this.thread.compile(job, this.current.list())
        for (const [file, text] of this.tooSlow) {
          if (read.sources.find((s) => s.file === file)?.text !== text) this.tooSlow.delete(file)
        }
        return compiled
      } catch (err) {
        const text = read.sources.find((s) => s.file === (err as ParseTimeout).file)?.text
        if (!(err instanceof ParseTimeout) || err.file === undefined || text === undefined) throw err
        this.log.warn(`Parsing ${resolve(this.dir, err.file)} took over ${this.parseTimeoutMs} ms; left out`)
        this.tooSlow.set(err.file, text)
      }
    }
  }

  /** Parses a file, or returns the result kept from when it last had this text. */
  private readonly parseKept = (source: RubricSource): ParsedRubricFile => {
    const kept = this.parsed.get(source.file)
    if (kept?.text === source.text) return kept.parsed
    const parsed = parseRubricFile(source)
    this.parseCount++
    this.parsed.set(source.file, { text: source.text, parsed })
    return parsed
  }

  private apply(build: () => RubricSet): void {
    try {
      const next = build()
      this.current = next
      this.generation++
      this.loadedAt = Date.now()
      // Forget parsed files that are gone; a folder that cannot be listed tells nothing about its files, and
      // the watcher on it is started again at the next check of the folder (it may be back by then already).
      if (next.errors().some((e) => e.ruleId === 'rubrics-folder')) {
        if (folderIdentity(this.dir) === undefined) this.folder = undefined
      } else {
        const files = new Set(next.list().map((r) => r.file))
        for (const e of next.errors()) files.add(e.file)
        for (const file of this.parsed.keys()) if (!files.has(file)) this.parsed.delete(file)
      }
      this.report(next)
      for (const listener of this.listeners) listener()
    } catch (err) {
      // A bug must not take the rubrics in service down with it.
      this.log.error({ err }, 'Reloading rubrics failed; the rubrics in service are unchanged')
    }
  }

  private report(set: RubricSet): void {
    // The log is for whoever runs the server: full paths there.
    const where = (file: string) => resolve(this.dir, file)
    for (const e of set.errors()) {
      const line = formatRubricError({ ...e, file: where(e.file) })
      this.log.warn(`Rubric ${e.severity === 'warning' ? 'warning' : 'error'}: ${line}`)
    }
    for (const s of set.stale()) {
      this.log.warn(`Rubric '${s.rubricId}' stays at its last good version: ${where(s.file)} has errors`)
    }
    this.log.info(`Rubrics loaded: ${set.list().length} in service, ${set.errorCount()} errors in files`)
  }

  /**
   * Starts watching the folder; resolves once the watcher is ready, so no later change is missed. The folder
   * itself is checked every `pollMs`: when it goes away, is replaced, or comes back, watching starts over.
   */
  async watch(): Promise<void> {
    if (this.watching) return
    this.watching = true
    this.folder = folderIdentity(this.dir)
    if (this.folder !== undefined) await this.startWatcher()
    this.poll = setInterval(() => this.checkFolder(), this.pollMs)
    this.poll.unref()
  }

  private async startWatcher(): Promise<void> {
    const watcher = watch(this.dir, {
      ignoreInitial: true,
      depth: 0,
      // Only rubric files (and the folder itself) matter; editors' swap and backup files do not.
      ignored: (path, stats) => stats?.isFile() === true && !RUBRIC_FILE.test(path),
    })
    this.watcher = watcher
    watcher.on('all', (event, path) => {
      // The folder itself went away: the watcher is of no more use, even if it comes back under this name.
      if (event === 'unlinkDir' && resolve(path) === resolve(this.dir)) this.folder = undefined
      this.scheduleReload()
    })
    watcher.on('error', (err) => {
      this.log.error({ err }, 'Watching the rubrics folder failed')
      this.scheduleReload()
    })
    await new Promise<void>((resolve) => watcher.once('ready', () => resolve()))
  }

  /** Notices the folder going away, being replaced or made unreadable, and coming back. */
  private checkFolder(): void {
    if (this.switching) return
    const now = folderIdentity(this.dir)
    if (now === this.folder) {
      // A change the watcher did not report (file events are dropped now and then, for example when a file
      // replaces a pipe or a link of the same name) is still picked up here, within one poll.
      if (now !== undefined && this.timer === undefined && this.running === undefined) {
        if (folderFingerprint(this.dir) !== this.fingerprint) this.scheduleReload()
      }
      return
    }
    this.folder = now
    this.switching = true
    const old = this.watcher
    this.watcher = undefined
    void (async () => {
      try {
        if (old !== undefined) await old.close()
        if (now !== undefined && this.watching) {
          this.log.info(`The rubrics folder is back: watching ${this.dir} again`)
          await this.startWatcher()
        }
      } catch (err) {
        this.log.error({ err }, 'Watching the rubrics folder again failed')
      } finally {
        this.switching = false
      }
      if (this.watching) this.scheduleReload()
    })()
  }

  private scheduleReload(): void {
    if (this.timer !== undefined) clearTimeout(this.timer)
    this.timer = setTimeout(() => {
      this.timer = undefined
      void this.reloadAsync()
    }, this.debounceMs)
  }

  async close(): Promise<void> {
    this.watching = false
    if (this.timer !== undefined) clearTimeout(this.timer)
    this.timer = undefined
    if (this.poll !== undefined) clearInterval(this.poll)
    this.poll = undefined
    const watcher = this.watcher
    this.watcher = undefined
    if (watcher !== undefined) await watcher.close()
    await this.thread?.close()
  }
}
