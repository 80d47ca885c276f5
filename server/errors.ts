// Error answers in Fastify's shape: 4xx say what to fix, 5xx are logged in full and answered without internals.

import { STATUS_CODES } from 'node:http'
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod'

export interface ErrorBody {
  statusCode: number
  error: string
  message: string
}

/** An error whose message is meant for the user; thrown by routes, answered as is. */
export class HttpError extends Error {
  readonly statusCode: number
  constructor(statusCode: number, message: string) {
    super(message)
    this.name = 'HttpError'
    this.statusCode = statusCode
  }
}

export const notFound = (message: string) => new HttpError(404, message)
export const badRequest = (message: string) => new HttpError(400, message)

export function errorBody(statusCode: number, message: string): ErrorBody {
  return { statusCode, error: STATUS_CODES[statusCode] ?? 'Error', message }
}

export const SERVER_ERROR_MESSAGE =
  'Something went wrong on the server. The details are in the server log; try again, and report it if it persists.'

/** Turns one zod issue, as the type provider hands it over, into "where: what is wrong". */
function validationMessage(error: FastifyError & { validation: unknown[] }): string {
  const context = (error as { validationContext?: string }).validationContext ?? 'request'
  const parts = (error.validation as { instancePath?: string; message?: string }[]).map((v) => {
    const path = (v.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.')
    if (path === '' && context === 'body') {
      return 'body: send a JSON object with the header Content-Type: application/json'
    }
    const where = path === '' ? context : `${context === 'querystring' ? 'query' : context}.${path}`
    return `${where}: ${v.message ?? 'is invalid'}`
  })
  return parts.join('; ')
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
      return reply.code(400).send(errorBody(400, validationMessage(error)))
    }
    const status = typeof error.statusCode === 'number' ? error.statusCode : 500
    if (status >= 400 && status < 500) {
      const message = error instanceof HttpError ? error.message : clientMessage(error, bodyLimit)
      return reply.code(status).send(errorBody(status, message))
    }
    request.log.error({ err: error }, 'Request failed')
    return reply.code(500).send(errorBody(500, SERVER_ERROR_MESSAGE))
  })
}
