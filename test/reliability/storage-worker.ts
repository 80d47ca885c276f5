// A second (third…) process on one database file, for the storage suite: run with `node --import tsx`.
// Prints one JSON line with what it did; never throws out, so the parent sees every outcome.
//
//   migrate <dir> <startAt> <rounds> <intervalMs>  open <dir>/<round>.db (fresh) at startAt + round × interval
//   rescore <dbPath> <startAt> <count>             re-score the file's attempts `count` times, from startAt

import { join } from 'node:path'
import { closeDb, createDb, replaceAttemptReport } from '../../db/index'

const [mode, target, startText, countText, intervalText] = process.argv.slice(2)
const startAt = Number(startText)
const count = Number(countText)

function waitUntil(time: number): void {
  const wait = time - Date.now()
  if (wait > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, wait)
}

function describe(err: unknown): string {
  const e = err as { code?: string; message?: string }
  return `${e.code ?? 'Error'}: ${e.message ?? String(err)}`
}

if (mode === 'migrate') {
  const failures: string[] = []
  for (let round = 0; round < count; round++) {
    waitUntil(startAt + round * Number(intervalText))
    try {
      closeDb(createDb(join(target!, `${round}.db`)))
    } catch (err) {
      failures.push(`round ${round}: ${describe(err)}`)
    }
  }
  console.log(JSON.stringify({ rounds: count, failures }))
} else if (mode === 'rescore') {
  const db = createDb(target!)
  const ids = db.$client.prepare('SELECT id FROM attempts ORDER BY id').pluck().all() as number[]
  const failures: string[] = []
  waitUntil(startAt)
  for (let i = 0; i < count; i++) {
    const score = (i * 13 + process.pid) % 101
    try {
      replaceAttemptReport(db, ids[i % ids.length]!, {
        report: {
          rubricId: 'ownership',
          rubricHash: `h${process.pid}`,
          engineVersion: '1',
          score,
          band: { id: 'b', label: 'B' },
          criteria: [{ id: 'star-structure', score: score / 5, max: 20, status: 'partial' }],
        },
        tags: ['ownership'],
        scoredAt: Date.now(),
      })
    } catch (err) {
      failures.push(describe(err))
    }
  }
  closeDb(db)
  console.log(JSON.stringify({ rescores: count, failures }))
} else {
  console.log(JSON.stringify({ failures: [`unknown mode ${mode}`] }))
}
