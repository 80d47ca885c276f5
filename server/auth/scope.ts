// Ownership in team mode: which account a request reads and writes for, and a row another account owns looking
// exactly like a row that does not exist (404, never 403). In local mode every row is everyone's.

import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { AreaPractice } from '../../db/index'
import type { OwnedKind } from '../../db/team'
import { parseRowId } from '../routes/write-limit'

/** The account whose rows the request sees: the viewer in team mode, undefined (every row) in local mode. */
export function ownerOf(request: FastifyRequest): string | undefined {
  return request.viewer?.id
}

/**
 * The row id in a path, when the row is the viewer's to see: undefined for an id that is malformed, or (in team
 * mode) names another account's row, so the route answers its usual 404.
 */
export async function visibleId(
  app: FastifyInstance,
  request: FastifyRequest,
  kind: OwnedKind,
  text: string,
): Promise<number | undefined> {
  const id = parseRowId(text)
  const owner = ownerOf(request)
  if (id === undefined || owner === undefined) return id
  return (await app.store.ownsRow(kind, id, owner)) ? id : undefined
}

/** Practice per area: every attempt's in local mode, the viewer's in team mode. */
export function practiceFor(app: FastifyInstance, request: FastifyRequest): Promise<AreaPractice[]> {
  const owner = ownerOf(request)
  return owner === undefined ? app.store.practiceByArea() : app.store.practiceByAreaOf(owner)
}

/** Attempts per prompt: every attempt's in local mode, the viewer's in team mode. */
export function attemptCountsFor(
  app: FastifyInstance,
  request: FastifyRequest,
): Promise<Map<string, number>> {
  const owner = ownerOf(request)
  return owner === undefined ? app.store.attemptCountsByPrompt() : app.store.attemptCountsByPromptOf(owner)
}
