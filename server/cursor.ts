// Cursors of GET /api/attempts: opaque to clients, base64url of the list's order and where a page ended.

import type { AttemptPosition, AttemptSort, SortOrder } from '../db/index'
import { badRequest } from './errors'

export interface ListOrder {
  sort: AttemptSort
  order: SortOrder
}

const NEWEST_FIRST: ListOrder = { sort: 'createdAt', order: 'desc' }

/** What a cursor starts with for each order; newest first keeps the bare `createdAt:id` it always had. */
function cursorPrefix({ sort, order }: ListOrder): string {
  return sort === 'createdAt' && order === 'desc'
    ? ''
    : `${sort === 'score' ? 's' : 't'}${order === 'asc' ? 'a' : 'd'}:`
}

export function encodeCursor(position: AttemptPosition, list: ListOrder = NEWEST_FIRST): string {
  const key = list.sort === 'score' ? `${position.score}:` : ''
  return Buffer.from(`${cursorPrefix(list)}${key}${position.createdAt}:${position.id}`).toString('base64url')
}

/** The position a cursor names; a cursor this server did not give out for this order is a 400 about `cursor`. */
export function decodeCursor(cursor: string, list: ListOrder = NEWEST_FIRST): AttemptPosition {
  const text = Buffer.from(cursor, 'base64url').toString('utf8')
  const prefix = cursorPrefix(list)
  const match = /^(?:(\d{1,3}):)?(\d{1,16}):(\d{1,16})$/.exec(text.slice(prefix.length))
  if (!text.startsWith(prefix) || match === null || (match[1] !== undefined) !== (list.sort === 'score')) {
    throw badRequest(
      'cursor is not one this server gave out for this sort and order; pass nextCursor from the previous ' +
        'page unchanged, with the same sort and order (or leave cursor out to start again)',
      'cursor',
    )
  }
  return {
    createdAt: Number(match[2]),
    id: Number(match[3]),
    ...(match[1] === undefined ? {} : { score: Number(match[1]) }),
  }
}
