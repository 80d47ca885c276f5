// The request guard, who may ask: only this server's own host names are answered (DNS rebinding), and writes
// from another origin or site are refused.

import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, test } from 'vitest'
import {
  attemptCount,
  changeOwnershipRubric,
  GOOD_ANSWER,
  historyOf,
  JSON_TYPE,
  startApp,
  storeAttempt,
  type TestApp,
} from './helpers'

let t: TestApp
afterEach(async () => t?.close())

const PROMPT = 'ownership-outside-scope'
const store = () => storeAttempt(t.app, PROMPT, GOOD_ANSWER)

describe('Host header: only this server’s own names are answered (DNS rebinding)', () => {
  test('a foreign host name cannot read the export, the API, the docs or the client', async () => {
    t = await startApp()
    await store()
    for (const url of ['/api/attempts/export?format=json', '/api/health', '/docs/json', '/']) {
      const res = await t.app.inject({ url, headers: { host: 'attacker.example' } })
      expect(res.statusCode, url).toBe(421)
      expect(res.json()).toEqual({
        statusCode: 421,
        error: 'Misdirected Request',
        message: expect.stringMatching(/host name 'attacker\.example'.*STARBOARD_ALLOWED_HOSTS/),
      })
      expect(res.body).not.toContain(GOOD_ANSWER.slice(0, 30))
    }
  })

  test('listening: localhost, 127.0.0.1, [::1] and the bind address, with the server’s port or none', async () => {
    t = await startApp({ guard: { bindHost: '10.20.30.40' } })
    await t.app.listen({ host: '127.0.0.1', port: 0 })
    const port = (t.app.server.address() as AddressInfo).port
    const status = async (host: string) =>
      (await t.app.inject({ url: '/api/health', headers: { host } })).statusCode
    // Twice: the second round meets the names accepted in the first, which the guard remembers once listening.
    for (let round = 1; round <= 2; round++) {
      for (const name of ['localhost', '127.0.0.1', '[::1]', '10.20.30.40', 'LocalHost']) {
        expect(await status(`${name}:${port}`), `${name}:${port}, round ${round}`).toBe(200)
        expect(await status(name), `${name}, round ${round}`).toBe(200)
      }
      for (const host of [
        `localhost:${port + 1}`,
        'localhost:80',
        `attacker.example:${port}`,
        `localhost.attacker.example:${port}`,
        `127.0.0.1.nip.io:${port}`,
        `10.20.30.41:${port}`,
        `localhost:${port}:1`,
        `localhost:x${port}`,
        `::1:${port}`,
        `localhost:${port} `.repeat(2),
      ]) {
        expect(await status(host), `Host: ${host}, round ${round}`).toBe(421)
      }
    }
  })

  test('more names come from the allowed hosts option; a name with a port allows only that port', async () => {
    t = await startApp({ guard: { allowedHosts: ['starboard.lan', 'proxy.example:8443'] } })
    const status = async (host: string) =>
      (await t.app.inject({ url: '/api/health', headers: { host } })).statusCode
    expect(await status('starboard.lan')).toBe(200)
    expect(await status('STARBOARD.LAN')).toBe(200)
    expect(await status('proxy.example:8443')).toBe(200)
    expect(await status('proxy.example')).toBe(421)
    expect(await status('proxy.example:443')).toBe(421)
    expect(await status('other.lan')).toBe(421)
  })
})

describe('writes from another origin are refused', () => {
  test('a foreign Origin cannot re-score, store or delete; the attempt is unchanged', async () => {
    t = await startApp()
    const id = await store()
    const foreign = { ...JSON_TYPE, origin: 'http://attacker.example' }
    const rescore = await t.app.inject({
      method: 'POST',
      url: `/api/attempts/${id}/rescore`,
      headers: foreign,
      payload: '{}',
    })
    expect(rescore.statusCode).toBe(403)
    expect(rescore.json().message).toMatch(/origin 'http:\/\/attacker\.example'/)
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/attempts',
      headers: foreign,
      payload: JSON.stringify({ promptId: PROMPT, answer: GOOD_ANSWER }),
    })
    expect(created.statusCode).toBe(403)
    const deleted = await t.app.inject({
      method: 'DELETE',
      url: `/api/attempts/${id}`,
      headers: { origin: 'http://attacker.example' },
    })
    expect(deleted.statusCode).toBe(403)
    expect(await historyOf(t.app, id)).toEqual([])
    expect(await attemptCount(t.app)).toBe(1)
    // Reads still answer: without CORS headers the browser keeps the answer from the other page.
    const read = await t.app.inject({
      url: '/api/health',
      headers: { origin: 'http://attacker.example', 'sec-fetch-site': 'cross-site' },
    })
    expect(read.statusCode).toBe(200)
    expect(read.headers['access-control-allow-origin']).toBeUndefined()
  })

  test('other ports and schemes of a local name, and the opaque origin "null", are foreign too', async () => {
    t = await startApp()
    await t.app.listen({ host: '127.0.0.1', port: 0 })
    const port = (t.app.server.address() as AddressInfo).port
    const host = `127.0.0.1:${port}`
    const rescore = (origin: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/attempts/1/rescore',
        headers: { ...JSON_TYPE, host, origin },
        payload: '{}',
      })
    for (const origin of [
      `http://127.0.0.1:${port + 1}`,
      `http://localhost:${port + 1}`,
      'http://127.0.0.1',
      `https://127.0.0.1:${port}`,
      `ftp://127.0.0.1:${port}`,
      'null',
      'not a url',
    ]) {
      expect((await rescore(origin)).statusCode, origin).toBe(403)
    }
    // The server's own origins get through to the route (404: no attempt 1).
    for (const origin of [`http://127.0.0.1:${port}`, `http://localhost:${port}`, `http://[::1]:${port}`]) {
      expect((await rescore(origin)).statusCode, origin).toBe(404)
    }
  })

  test('Sec-Fetch-Site: cross-site is refused even without an Origin; same-origin, same-site and none pass', async () => {
    t = await startApp()
    const id = await store()
    changeOwnershipRubric(t)
    const rescore = (site: string) =>
      t.app.inject({
        method: 'POST',
        url: `/api/attempts/${id}/rescore`,
        headers: { ...JSON_TYPE, 'sec-fetch-site': site },
        payload: '{}',
      })
    const refused = await rescore('cross-site')
    expect(refused.statusCode).toBe(403)
    expect(refused.json().message).toMatch(/another site/)
    expect(await historyOf(t.app, id)).toEqual([])
    // The first accepted re-score gives the changed rubric's report; the next two give the same one again.
    for (const [i, site] of ['same-origin', 'same-site', 'none'].entries()) {
      const res = await rescore(site)
      expect(res.statusCode).toBe(200)
      expect(res.json().unchanged).toBe(i > 0)
    }
    expect(await historyOf(t.app, id)).toHaveLength(1)
  })
})
