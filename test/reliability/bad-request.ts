// The shape of a malformed request in the bad-input table, and shorthands for its bodies.

import { GOOD_ANSWER } from '../server/helpers'

export interface BadRequest {
  name: string
  method: 'GET' | 'POST' | 'DELETE' | 'PUT'
  url: string
  /** A raw body (sent as is) or a value sent as JSON. */
  body?: string | { json: unknown }
  contentType?: string
  status: number
  /** What the message must say. */
  message: RegExp
}

export const PROMPT = 'ownership-outside-scope'
export const json = (value: unknown) => ({ json: value })
export const attempt = (fields: Record<string, unknown>) =>
  json({ promptId: PROMPT, answer: GOOD_ANSWER, ...fields })
