// The rubric registry without a server: a restart reaches the state of the running registry, whatever file
// operations led there; and a reload parses only the files that changed.

import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterEach, describe, expect, test } from 'vitest'
import { RubricRegistry } from '../../server/rubric-registry'
import { eventually, makeRubricsDir, OWNERSHIP_RUBRIC, PRESSURE_RUBRIC } from './helpers'

const quiet = { info() {}, warn() {}, error() {} }
let dirs: string[] = []
afterEach(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true })
  dirs = []
})

function folder(): string {
  const dir = makeRubricsDir()
  dirs.push(dir)
  return dir
}

/** What a registry serves, as a client sees it: ids and hashes, problems, stale rubrics. */
function state(r: RubricRegistry) {
  return {
    served: r.list().map((x) => `${x.id}@${x.hash}:${x.file}`),
    prompts: r.prompts().map((p) => `${p.prompt.id}→${p.rubric.id}`),
    errors: r.errors().map((e) => `${e.file}:${e.line}:${e.column} ${e.ruleId} ${e.severity ?? 'error'}`),
    stale: r.stale().map((s) => s.rubricId),
  }
}

function fresh(dir: string): RubricRegistry {
  const r = new RubricRegistry({ dir, log: quiet })
  r.reload()
  return r
}

// File contents: rubrics with a choice of id, parent and tags (valid, or with a name that does not resolve),
// and files broken in each way a file can be.
const NAMES = ['a.yaml', 'b.yaml', 'ownership.yaml', 'pressure.yaml'] as const
const IDS = ['ownership', 'pressure', 'extra', 'renamed'] as const

interface Content {
  id: (typeof IDS)[number]
  parent: 'star-core' | 'ownership' | 'pressure' | 'missing'
  tag: 'none' | 'ownership' | 'pressure' | 'gone'
  summary: number
  fault: 'none' | 'syntax' | 'schema' | 'bomb' | 'encoding' | 'empty'
}

function render(c: Content): string | Buffer {
  const tags = c.tag === 'none' ? '' : `    tags: [${c.tag}]\n`
  const text = `id: ${c.id}
title: Rubric ${c.id}
kind: theme
extends: ${c.parent}
summary: Version ${c.summary} of ${c.id}.
prompts:
  - id: ${c.id}-prompt
    text: Tell me about a time for ${c.id}.
${tags}`
  switch (c.fault) {
    case 'none':
      return text
    case 'syntax':
      return text.replace('title: Rubric', 'title: [Rubric')
    case 'schema':
      return text.replace('kind: theme', 'kind: vibe')
    case 'bomb':
      return `${text}x: &a [1,1,1,1,1,1,1,1,1,1]\ny: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nz: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nw: [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\n`
    case 'encoding':
      return Buffer.concat([Buffer.from(text), Buffer.from([0xff, 0x0a])])
    case 'empty':
      return ''
  }
}

const content: fc.Arbitrary<Content> = fc.record({
  id: fc.constantFrom(...IDS),
  parent: fc.constantFrom('star-core', 'star-core', 'ownership', 'pressure', 'missing'),
  tag: fc.constantFrom('none', 'ownership', 'ownership', 'pressure', 'gone'),
  summary: fc.nat(3),
  fault: fc.constantFrom('none', 'none', 'none', 'syntax', 'schema', 'bomb', 'encoding', 'empty'),
})

type Op =
  | { kind: 'write'; name: string; content: Content }
  | { kind: 'delete'; name: string }
  | { kind: 'rename'; from: string; to: string }
  | { kind: 'folder-away' }
  | { kind: 'folder-back' }

const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({ kind: fc.constant('write' as const), name: fc.constantFrom(...NAMES), content }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('delete' as const), name: fc.constantFrom(...NAMES) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('rename' as const),
      from: fc.constantFrom(...NAMES),
      to: fc.constantFrom(...NAMES),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'folder-away' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'folder-back' as const }) },
)

function apply(dir: string, o: Op): void {
  const away = `${dir}.away`
  if (o.kind === 'folder-away') {
    if (existsSync(dir)) renameSync(dir, away)
    return
  }
  if (o.kind === 'folder-back') {
    if (existsSync(away)) renameSync(away, dir)
    return
  }
  if (!existsSync(dir)) return
  if (o.kind === 'write') writeFileSync(join(dir, o.name), render(o.content))
  else if (o.kind === 'delete') rmSync(join(dir, o.name), { force: true })
  else if (existsSync(join(dir, o.from))) renameSync(join(dir, o.from), join(dir, o.to))
}

/** Rewrites every file with errors as a valid rubric of an id of its own, until the folder has none. */
function repair(dir: string): void {
  for (let round = 0; round < 6; round++) {
    const broken = new Set(
      fresh(dir)
        .errors()
        .filter((e) => e.severity !== 'warning')
        .map((e) => e.file),
    )
    if (broken.size === 0) return
    for (const file of broken) {
      const id = `fixed-${file.replace(/\.ya?ml$/, '')}`
      writeFileSync(join(dir, file), PRESSURE_RUBRIC.replaceAll('pressure', id))
    }
  }
  throw new Error('the folder could not be repaired')
}

/** A registry that ran through `ops` (reloading where asked), then saw its folder come back and reloaded. */
async function afterOps(ops: readonly (readonly [Op, boolean])[]) {
  const dir = folder()
  dirs.push(`${dir}.away`)
  const live = fresh(dir)
  for (const [o, reloadNow] of ops) {
    apply(dir, o)
    if (reloadNow) await live.reloadAsync()
  }
  apply(dir, { kind: 'folder-back' })
  await live.reloadAsync()
  return { dir, live }
}

describe('a restart reaches the state of the running registry', () => {
  test('after any file operations, a fresh load serves no rubric the running one does not', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(op, fc.boolean()), { minLength: 1, maxLength: 12 }), async (ops) => {
        const { dir, live } = await afterOps(ops)
        const running = state(live)
        const restarted = state(fresh(dir))
        // Only last good versions of files with errors now (and what extends them) can differ.
        const servedIds = new Set(live.list().map((r) => r.id))
        for (const r of fresh(dir).list()) expect(servedIds).toContain(r.id)
        if (fresh(dir).errorCount() === 0) expect(running).toEqual(restarted)
      }),
      { numRuns: 60 },
    )
  })

  test('once no file has errors, running and restarted serve exactly the same', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(op, fc.boolean()), { minLength: 1, maxLength: 12 }), async (ops) => {
        const { dir, live } = await afterOps(ops)
        repair(dir)
        await live.reloadAsync()
        const restarted = fresh(dir)
        expect(restarted.errorCount()).toBe(0)
        expect(state(live)).toEqual(state(restarted))
      }),
      { numRuns: 120 },
    )
  })

  test('renaming the id of a rubric another tags: tags are warnings, everything stays in service', async () => {
    const dir = folder()
    const live = fresh(dir)
    writeFileSync(join(dir, 'ownership.yaml'), OWNERSHIP_RUBRIC.replace('id: ownership', 'id: owning'))
    writeFileSync(
      join(dir, 'pressure.yaml'),
      `${PRESSURE_RUBRIC}    tags: [ownership]\n`.replace('deadline\n', 'deadline\n'),
    )
    await live.reloadAsync()
    expect(state(live)).toEqual(state(fresh(dir)))
    expect(live.list().map((r) => r.id)).toEqual(['conflict', 'owning', 'pressure', 'star-core'])
    expect(live.errors().map((e) => [e.file, e.ruleId, e.severity])).toEqual([
      ['pressure.yaml', 'unknown-tag', 'warning'],
    ])
    expect(live.stale()).toEqual([])
  })
})

describe('a large file is parsed in a worker thread, within a time limit', () => {
  test('a file that takes longer than the limit is reported and left out; its last good version stays', async () => {
    const dir = folder()
    const live = new RubricRegistry({ dir, log: quiet, parseTimeoutMs: 150 })
    live.reload()
    const pressure = live.get('pressure')!
    let text = `${PRESSURE_RUBRIC}criteria:\n`
    for (let i = 0; text.length < 240 * 1024; i++) {
      text += `  - id: c-${i}\n    check: keywords\n    weight: 1\n    groups:\n      - any: [w${i}]\n`
    }
    writeFileSync(join(dir, 'pressure.yaml'), text)
    try {
      await live.reloadAsync()
      expect(live.errors().find((e) => e.file === 'pressure.yaml')?.ruleId).toBe('too-slow')
      expect(live.get('pressure')).toEqual(pressure)
      expect(live.stale().map((s) => s.rubricId)).toEqual(['pressure'])
      expect(live.list().map((r) => r.id)).toEqual(['conflict', 'ownership', 'pressure', 'star-core'])
      // Not tried again while its text stays the same; an edit elsewhere still loads.
      writeFileSync(join(dir, 'ownership.yaml'), OWNERSHIP_RUBRIC.replace('Ownership', 'Owning'))
      await live.reloadAsync()
      expect(live.get('ownership')?.title).toBe('Owning')
      expect(live.errors().find((e) => e.file === 'pressure.yaml')?.ruleId).toBe('too-slow')
    } finally {
      await live.close()
    }
  }, 120_000)
})

describe('a reload parses only what changed', () => {
  test('editing one file parses that file alone; cross-file results are redone', async () => {
    const dir = folder()
    const live = fresh(dir)
    const files = readdirSync(dir).length
    expect(live.parseCount).toBe(files)
    await live.reloadAsync()
    expect(live.parseCount).toBe(files)
    writeFileSync(join(dir, 'star-core.yaml'), `${PRESSURE_RUBRIC}`.replace('pressure', 'gone-core'))
    await live.reloadAsync()
    expect(live.parseCount).toBe(files + 1)
    // Every child of star-core is now without its parent: compiled again, not served from a kept result.
    expect(live.errors().map((e) => e.ruleId)).toContain('extends-missing')
  })

  test('reloads asked for while one runs are run after it, once, and see the last state', async () => {
    const dir = folder()
    const live = fresh(dir)
    const first = live.reloadAsync()
    writeFileSync(join(dir, 'extra.yaml'), PRESSURE_RUBRIC.replaceAll('pressure', 'extra'))
    const second = live.reloadAsync()
    const third = live.reloadAsync()
    expect(third).toBe(second)
    await Promise.all([first, second, third])
    expect(live.get('extra')).toBeDefined()
  })

  test('the folder made a file and back: nothing is lost, nothing parsed again', async () => {
    const dir = folder()
    const live = fresh(dir)
    const before = state(live)
    const count = live.parseCount
    renameSync(dir, `${dir}.away`)
    dirs.push(`${dir}.away`)
    writeFileSync(dir, 'no folder')
    await live.reloadAsync()
    expect(live.list().map((r) => r.id)).toEqual(['conflict', 'ownership', 'pressure', 'star-core'])
    expect(live.errors().map((e) => e.ruleId)).toEqual(['rubrics-folder'])
    rmSync(dir)
    renameSync(`${dir}.away`, dir)
    mkdirSync(join(dir, 'sub.yaml'))
    await live.reloadAsync()
    expect(state(live)).toEqual(before)
    expect(live.parseCount).toBe(count)
  })
})

describe('a change the watcher does not report', () => {
  test('is picked up by the folder poll, within a few polls', async () => {
    const dir = folder()
    const live = new RubricRegistry({ dir, log: quiet, pollMs: 50, debounceMs: 10 })
    live.reload()
    await live.watch()
    try {
      // The file watcher drops the event (as it can when a file replaces a pipe or a link of the same name).
      await (live as unknown as { watcher: { close(): Promise<void> } }).watcher.close()
      writeFileSync(join(dir, 'ownership.yaml'), OWNERSHIP_RUBRIC.replace('Ownership', 'Owning'))
      await eventually(async () => (live.get('ownership')?.title === 'Owning' ? true : undefined), 3000)
    } finally {
      await live.close()
    }
  })
})
