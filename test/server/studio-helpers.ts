// Shared by the studio suites: a preview request, the rubrics folder as a listing, and an open event stream.

import { readdirSync, statSync } from 'node:fs'
import { type ClientRequest, get, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import type { TestApp } from './helpers'

export async function preview(app: TestApp['app'], yaml: string, answer?: string) {
  const res = await app.inject({
    method: 'POST',
    url: '/api/rubrics/preview',
    payload: answer === undefined ? { yaml } : { yaml, answer },
  })
  return { status: res.statusCode, body: res.json() }
}

/** The folder's files with their sizes and modification times. */
export function folderState(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .map((f) => {
      const s = statSync(join(dir, f))
      return `${f}:${s.size}:${s.mtimeMs}`
    })
}

/** An open event stream: every chunk received so far, and whether the server has ended it. */
export interface Stream {
  text: () => string
  ended: () => boolean
  response: IncomingMessage
}

/** Opens GET /api/events on the listening app; the request is added to `streams`, for the suite to end. */
export function listen(app: TestApp['app'], streams: ClientRequest[]): Promise<Stream> {
  const { port } = app.server.address() as AddressInfo
  return new Promise((resolve, reject) => {
    let text = ''
    let ended = false
    const req = get({ host: '127.0.0.1', port, path: '/api/events', agent: false }, (response) => {
      response.setEncoding('utf8')
      response.on('data', (chunk: string) => {
        text += chunk
      })
      response.on('close', () => {
        ended = true
      })
      resolve({ text: () => text, ended: () => ended, response })
    })
    req.on('error', reject)
    streams.push(req)
  })
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
