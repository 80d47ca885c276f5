// GET /api/attempts/export: JSON, CSV and Markdown parse back to the stored attempts, commas, quotes and newlines included.

import { afterEach, describe, expect, test } from 'vitest'
import { GOOD_ANSWER, startApp, type TestApp } from './helpers'

let t: TestApp
afterEach(async () => t?.close())

/** An RFC 4180 reader, independent of the writer under test. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (ch === '"') quoted = false
      else field += ch
    } else if (ch === '"') quoted = true
    else if (ch === ',') {
      row.push(field)
      field = ''
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field)
      rows.push(row)
      row = []
      field = ''
      i++
    } else field += ch
  }
  if (field !== '' || row.length > 0) throw new Error('CSV does not end with CRLF')
  return rows
}

const TRICKY = [
  'Plain answer without special characters but long enough to score.',
  'Commas, commas, and more commas, in one answer.',
  'She said "ship it" and I said "not yet", then "okay".',
  'Line one of the answer.\nLine two, with a comma.\r\nLine three "quoted".\n\nAfter a blank line.',
  '"Starts with a quote, ends with one"',
  'Unicode: café, naïve, 東京, emoji 🚀.',
]

async function storeAll(): Promise<number[]> {
  const ids: number[] = []
  for (const [i, extra] of TRICKY.entries()) {
    t.clock.now += 60_000
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/attempts',
      payload: {
        promptId: i % 2 === 0 ? 'pressure-deadline' : 'conflict-disagreement',
        answer: `${extra}\n${GOOD_ANSWER}`,
        durationMs: 1000 * (i + 1),
      },
    })
    expect(res.statusCode).toBe(201)
    ids.push(res.json().id)
  }
  return ids.reverse() // newest first, as exported
}

async function stored(id: number) {
  return (await t.app.inject(`/api/attempts/${id}`)).json()
}

describe('export', () => {
  test('JSON: a streamed array of every attempt with its full report', async () => {
    t = await startApp()
    const ids = await storeAll()
    const res = await t.app.inject('/api/attempts/export?format=json')
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8')
    expect(res.headers['content-disposition']).toBe('attachment; filename="starboard-attempts.json"')
    const rows = JSON.parse(res.body)
    expect(rows.map((r: { id: number }) => r.id)).toEqual(ids)
    for (const row of rows) {
      const a = await stored(row.id)
      expect(row).toEqual({
        id: a.id,
        promptId: a.promptId,
        rubricId: a.rubricId,
        rubricHash: a.rubricHash,
        engineVersion: a.engineVersion,
        answer: a.answer,
        score: a.score,
        band: a.band,
        durationMs: a.durationMs,
        createdAt: a.createdAt,
        scoredAt: a.scoredAt,
        report: a.report,
      })
    }
  })

  test('CSV: a header and one record per attempt; commas, quotes and newlines survive the round trip', async () => {
    t = await startApp()
    const ids = await storeAll()
    const res = await t.app.inject('/api/attempts/export?format=csv')
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8')
    const [header, ...records] = parseCsv(res.body)
    expect(header).toEqual([
      'id',
      'createdAt',
      'promptId',
      'rubricId',
      'score',
      'bandId',
      'bandLabel',
      'durationMs',
      'engineVersion',
      'rubricHash',
      'answer',
    ])
    expect(records.map((r) => Number(r[0]))).toEqual(ids)
    for (const r of records) {
      const a = await stored(Number(r[0]))
      expect(r).toEqual([
        String(a.id),
        a.createdAt,
        a.promptId,
        a.rubricId,
        String(a.score),
        a.band.id,
        a.band.label,
        String(a.durationMs),
        a.engineVersion,
        a.rubricHash,
        a.answer,
      ])
    }
    expect(records.some((r) => r[10]!.includes('"ship it"'))).toBe(true)
    expect(records.some((r) => r[10]!.includes('\r\nLine three'))).toBe(true)
  })

  test('Markdown: one section per attempt with the answer quoted line by line and the criteria', async () => {
    t = await startApp()
    const ids = await storeAll()
    const res = await t.app.inject('/api/attempts/export?format=md')
    expect(res.headers['content-type']).toBe('text/markdown; charset=utf-8')
    const sections = res.body.split(/^## /m).slice(1)
    expect(sections.map((s) => Number(/^Attempt (\d+):/.exec(s)?.[1]))).toEqual(ids)
    for (const section of sections) {
      const a = await stored(Number(/^Attempt (\d+):/.exec(section)![1]))
      expect(section.startsWith(`Attempt ${a.id}: ${a.score} (${a.band.label})`)).toBe(true)
      const quoted = section
        .split('\n')
        .filter((l) => l.startsWith('>'))
        .map((l) => l.replace(/^> ?/, ''))
        .join('\n')
      expect(quoted).toBe(a.answer.replace(/\r\n/g, '\n'))
      expect(section).toContain('- Prompt: ')
      for (const c of a.report.criteria)
        expect(section).toContain(`| ${c.label} | ${c.score} | ${c.max} | ${c.status} |`)
    }
  })

  test('filters apply; an empty result is still a valid document', async () => {
    t = await startApp()
    const ids = await storeAll()
    const json = JSON.parse((await t.app.inject('/api/attempts/export?format=json&rubricId=conflict')).body)
    expect(json.map((r: { id: number }) => r.id)).toEqual(ids.filter((_, i) => i % 2 === 0))
    expect(
      JSON.parse((await t.app.inject('/api/attempts/export?format=json&minScore=100&maxScore=100')).body),
    ).toEqual([])
    expect(parseCsv((await t.app.inject('/api/attempts/export?format=csv&tag=nothing')).body)).toHaveLength(1)
    expect((await t.app.inject('/api/attempts/export?format=md&tag=nothing')).body).toContain(
      'No attempts match.',
    )
  })

  test('more attempts than one database page come out complete and in order', async () => {
    t = await startApp()
    // Straight into the database: 450 attempts cross the export's 200-row pages twice.
    const report = (
      await t.app.inject({ method: 'POST', url: '/api/score', payload: { answer: 'a, "b"\nc' } })
    ).json()
    for (let i = 0; i < 450; i++) {
      await t.app.store.insertAttempt({
        promptId: 'p',
        answer: `answer ${i}, "q"\n`,
        tags: [],
        report,
        createdAt: 1000 + (i % 7),
      })
    }
    const rows = JSON.parse((await t.app.inject('/api/attempts/export?format=json')).body)
    expect(rows).toHaveLength(450)
    expect(new Set(rows.map((r: { id: number }) => r.id)).size).toBe(450)
    const csv = parseCsv((await t.app.inject('/api/attempts/export?format=csv')).body)
    expect(csv).toHaveLength(451)
    expect(csv.slice(1).map((r) => Number(r[0]))).toEqual(rows.map((r: { id: number }) => r.id))
  })

  test('an unknown format is 400 naming the formats', async () => {
    t = await startApp()
    const res = await t.app.inject('/api/attempts/export?format=xlsx')
    expect(res.statusCode).toBe(400)
    expect(res.json().message).toBe('format must be json, csv or md')
  })
})
