// Error answers in Fastify's shape: 4xx say what to fix, 5xx are logged in full and answered without internals.

import { STATUS_CODES } from 'node:http'
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod'
import type { ErrorBody, ErrorCode } from '../contract/common'
import { isDiskFull } from '../db/index'

/** An error whose message is meant for the user; thrown by routes, answered as is. */
export class HttpError extends Error {
  readonly statusCode: number
  /** The request field the message is about, as the error body's `field`. */
  readonly field: string | undefined
  /** What the refusal means, as the error body's `code`, for a client to act on. */
  readonly code: ErrorCode | undefined
  constructor(statusCode: number, message: string, field?: string, code?: ErrorCode) {
    super(message)
    this.name = 'HttpError'
    this.statusCode = statusCode
    this.field = field
    this.code = code
  }
}

export const notFound = (message: string) => new HttpError(404, message)
export const badRequest = (message: string, field?: string) => new HttpError(400, message, field)

export function errorBody(statusCode: number, message: string, field?: string, code?: ErrorCode): ErrorBody {
  const body: ErrorBody = { statusCode, error: STATUS_CODES[statusCode] ?? 'Error', message }
  if (field !== undefined) body.field = field
  if (code !== undefined) body.code = code
  return body
}

const DISK_FULL_MESSAGE =
  'The disk holding the database is full, so this change was not saved. Free some space and try again.'

const SERVER_ERROR_MESSAGE =
  'Something went wrong on the server. The details are in the server log; try again, and report it if it persists.'

/**
 * Turns the zod issues, as the type provider hands them over, into messages joined by "; ", and the field of the
 * first issue that names one (its dotted path, without the body or query part). The error body carries that
 * field, so a message names it only when its own words do not: "minScore: must be …", but "answer is empty"
 * as it is.
 */
function validationError(error: FastifyError & { validation: unknown[] }): {
  message: string
  field?: string
} {
  const context = (error as { validationContext?: string }).validationContext ?? 'request'
  let field: string | undefined
  const parts = (error.validation as { instancePath?: string; message?: string }[]).map((v) => {
    const path = (v.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.')
    if (path !== '') field ??= path
    if (path === '' && context === 'body') {
      return 'Send a JSON object with the header Content-Type: application/json.'
    }
    const message = v.message ?? 'is invalid'
    if (path === '' || namesField(message, path)) return message
    return `${path}: ${message}`
  })
  return { message: parts.join('; '), ...(field === undefined ? {} : { field }) }
}

/** Whether a message starts with the field's path or its last part, as a whole word ("answer is empty"). */
function namesField(message: string, path: string): boolean {
  const last = path.slice(path.lastIndexOf('.') + 1)
  return [path, last].some((name) => message.startsWith(name) && !/^[\w.]/.test(message.slice(name.length)))
}

/** What Fastify's own 4xx errors mean for the user, where the default message is too terse. */
function clientMessage(error: FastifyError, bodyLimit: number): string {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return `The request body is larger than ${Math.round(bodyLimit / 1024)} KB; send a shorter answer (at most 20,000 characters).`
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return 'Send the body as JSON with the header Content-Type: application/json.'
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return 'The body is empty; send a JSON object.'
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return 'The body is not valid JSON; check quotes, commas and escapes.'
    default:
      return error.message
  }
}

export function installErrorHandlers(app: FastifyInstance, bodyLimit: number): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (hasZodFastifySchemaValidationErrors(error)) {
      const { message, field } = validationError(error)
      return reply.code(400).send(errorBody(400, message, field))
    }
    const status = typeof error.statusCode === 'number' ? error.statusCode : 500
    if (status >= 400 && status < 500) {
      if (error instanceof HttpError)
        return reply.code(status).send(errorBody(status, error.message, error.field, error.code))
      return reply.code(status).send(errorBody(status, clientMessage(error, bodyLimit)))
    }
    // A 5xx the server meant to send (storage unavailable) says what is wrong; nothing internal is in it.
    if (error instanceof HttpError) {
      request.log.warn({ err: error }, 'Request refused')
      return reply.code(status).send(errorBody(status, error.message, error.field, error.code))
    }
    if (isDiskFull(error)) {
      request.log.error({ err: error }, 'Write failed: disk full')
      return reply.code(507).send(errorBody(507, DISK_FULL_MESSAGE))
    }
    request.log.error({ err: error }, 'Request failed')
    return reply.code(500).send(errorBody(500, SERVER_ERROR_MESSAGE))
  })
}
