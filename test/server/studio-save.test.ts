// Saving from the studio (off by default, refuses drafts with errors, writes atomically, the watcher picks it up)
// and the event stream (tells pages of changes, outlives the request timeout, takes a share of the connection cap).

import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import type { ClientRequest } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { afterEach, describe, expect, test } from 'vitest'
import { RUBRIC_SCAFFOLD } from '../../server/rubric-scaffold'
import { eventually, OWNERSHIP_RUBRIC, startApp, type TestApp } from './helpers'
import { folderState, listen as listenOn, sleep } from './studio-helpers'

let t: TestApp | undefined
const streams: ClientRequest[] = []
afterEach(async () => {
  for (const s of streams.splice(0)) s.destroy()
  await t?.close()
  t = undefined
})

const listen = (app: TestApp['app']) => listenOn(app, streams)

describe('PUT /api/rubrics/:id', () => {
  test('is refused with 403 when writing is off, saying how to switch it on; nothing is written', async () => {
    t = await startApp()
    const before = folderState(t.rubricsDir)
    const res = await t.app.inject({
      method: 'PUT',
      url: '/api/rubrics/my-new-theme',
      payload: { yaml: RUBRIC_SCAFFOLD },
    })
    expect(res.statusCode).toBe(403)
    expect(res.json().message).toContain('STARBOARD_STUDIO_WRITE=1')
    expect(folderState(t.rubricsDir)).toEqual(before)
  })

  test('refuses a draft with errors (422, with its problems) and an id other than the path', async () => {
    t = await startApp({ studioWrite: true })
    const before = folderState(t.rubricsDir)
    const broken = RUBRIC_SCAFFOLD.replace('kind: theme', 'kind: themes')
    const res = await t.app.inject({
      method: 'PUT',
      url: '/api/rubrics/my-new-theme',
      payload: { yaml: broken },
    })
    expect(res.statusCode).toBe(422)
    expect(res.json()).toMatchObject({
      field: 'yaml',
      problems: [{ line: 4, path: 'kind', severity: 'error' }],
    })
    const other = await t.app.inject({
      method: 'PUT',
      url: '/api/rubrics/another-theme',
      payload: { yaml: RUBRIC_SCAFFOLD },
    })
    expect(other.statusCode).toBe(422)
    expect(other.json().problems).toEqual([
      expect.objectContaining({ ruleId: 'id-mismatch', path: 'id', severity: 'error' }),
    ])
    const bad = await t.app.inject({ method: 'PUT', url: '/api/rubrics/..%2Fescape', payload: { yaml: '' } })
    expect(bad.statusCode).toBe(400)
    expect(folderState(t.rubricsDir)).toEqual(before)
  })

  test('writes <id>.yaml in one step; the watcher serves it and a listening page is told', async () => {
    t = await startApp({ studioWrite: true, watchRubrics: true, rubricDebounceMs: 50 })
    await t.app.listen({ host: '127.0.0.1', port: 0 })
    const stream = await listen(t.app)
    expect(stream.response.headers['content-type']).toBe('text/event-stream; charset=utf-8')
    // Once listening, requests name the server's own port.
    const headers = { host: `localhost:${(t.app.server.address() as AddressInfo).port}` }

    const created = await t.app.inject({
      method: 'PUT',
      url: '/api/rubrics/my-new-theme',
      headers,
      payload: { yaml: RUBRIC_SCAFFOLD },
    })
    expect(created.statusCode).toBe(200)
    expect(created.json()).toEqual({ id: 'my-new-theme', file: 'my-new-theme.yaml', created: true })
    expect(readFileSync(join(t.rubricsDir, 'my-new-theme.yaml'), 'utf8')).toBe(RUBRIC_SCAFFOLD)
    // No temporary file is left behind.
    expect(readdirSync(t.rubricsDir).filter((f) => f.endsWith('.tmp'))).toEqual([])

    await eventually(async () => (stream.text().includes('event: rubrics\n') ? true : undefined))
    const served = await t.app.inject({ url: '/api/rubrics/my-new-theme', headers })
    expect(served.statusCode).toBe(200)
    expect(served.json().title).toBe('My new theme')
    const event = /event: rubrics\ndata: (.*)\n\n/.exec(stream.text())
    expect(JSON.parse(event![1]!)).toEqual({
      generation: t.app.rubrics.generation,
      loadedAt: t.app.rubrics.loadedAt,
    })

    // Saving over a rubric in service replaces its file.
    const renamed = OWNERSHIP_RUBRIC.replace('title: Ownership', 'title: Ownership at work')
    const replaced = await t.app.inject({
      method: 'PUT',
      url: '/api/rubrics/ownership',
      headers,
      payload: { yaml: renamed },
    })
    expect(replaced.json()).toEqual({ id: 'ownership', file: 'ownership.yaml', created: false })
    await eventually(async () => {
      const r = (await t!.app.inject({ url: '/api/rubrics/ownership', headers })).json()
      return r.title === 'Ownership at work' ? true : undefined
    })
    await eventually(async () => (stream.text().split('event: rubrics\n').length === 3 ? true : undefined))
  })
})

describe('GET /api/events', () => {
  test('outlives the request timeout, with keep-alive comments, and still delivers the next change', async () => {
    t = await startApp({
      watchRubrics: true,
      rubricDebounceMs: 50,
      guard: { requestTimeoutMs: 1_000 },
      eventsHeartbeatMs: 300,
    })
    await t.app.listen({ host: '127.0.0.1', port: 0 })
    const stream = await listen(t.app)
    // Past twice the request timeout, when an idle connection would have been closed.
    await sleep(2_600)
    expect(stream.ended()).toBe(false)
    expect(stream.text().split(': keep-alive\n').length - 1).toBeGreaterThanOrEqual(4)
    expect(stream.text()).not.toContain('event: rubrics')
    writeFileSync(
      join(t.rubricsDir, 'ownership.yaml'),
      OWNERSHIP_RUBRIC.replace('title: Ownership', 'title: Ownership, later'),
    )
    await eventually(async () => (stream.text().includes('event: rubrics\n') ? true : undefined))
    expect(stream.ended()).toBe(false)
  })

  test('stays open past the request timeout even with no keep-alive comment in between', async () => {
    t = await startApp({ guard: { requestTimeoutMs: 1_000 }, eventsHeartbeatMs: 60_000 })
    await t.app.listen({ host: '127.0.0.1', port: 0 })
    const stream = await listen(t.app)
    await sleep(2_600)
    expect(stream.ended()).toBe(false)
    expect(stream.text()).toBe('retry: 3000\n: listening\n\n')
  })

  test('a reload that changes nothing sends nothing', async () => {
    t = await startApp({ watchRubrics: true, rubricDebounceMs: 50, eventsHeartbeatMs: 60_000 })
    await t.app.listen({ host: '127.0.0.1', port: 0 })
    const stream = await listen(t.app)
    const generation = t.app.rubrics.generation
    await t.app.rubrics.reloadAsync()
    expect(t.app.rubrics.generation).toBe(generation + 1)
    await sleep(100)
    expect(stream.text()).not.toContain('event:')
  })

  test('takes at most a quarter of the connection cap; a page that leaves frees its place', async () => {
    t = await startApp({ guard: { maxConnections: 4 } })
    await t.app.listen({ host: '127.0.0.1', port: 0 })
    const first = await listen(t.app)
    expect(first.response.statusCode).toBe(200)
    const second = await listen(t.app)
    expect(second.response.statusCode).toBe(503)
    expect(second.response.headers['retry-after']).toBe('30')
    // The first page goes away: its place is free again.
    streams[0]!.destroy()
    const third = await eventually(async () => {
      const s = await listen(t!.app)
      if (s.response.statusCode === 200) return s
      streams.pop()?.destroy()
      return undefined
    })
    expect(third.response.statusCode).toBe(200)
  })

  test('closing the server ends the streams at once', async () => {
    t = await startApp()
    await t.app.listen({ host: '127.0.0.1', port: 0 })
    const stream = await listen(t.app)
    const started = Date.now()
    await t.app.close()
    t = undefined
    await eventually(async () => (stream.ended() ? true : undefined), 2_000)
    expect(Date.now() - started).toBeLessThan(2_000)
  })
})
