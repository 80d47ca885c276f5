// GET /api/attempts/export: every matching attempt as JSON, CSV or Markdown, streamed page by page.

import { Readable } from 'node:stream'
import { setImmediate as nextTurn } from 'node:timers/promises'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { type ExportFormat, exportQuery } from '../../contract/attempts'
import type { AttemptFilters, AttemptPosition } from '../../db/index'
import type { Store } from '../../db/store'
import { ownerOf } from '../auth/scope'
import {
  attemptAsCsv,
  attemptAsJsonText,
  attemptAsMarkdown,
  CSV_COLUMNS,
  csvRow,
  EXPORT_CONTENT_TYPES,
  type ExportRow,
} from '../export-format'
import type { RubricRegistry } from '../rubric-registry'

/**
 * Attempts per database read. With answers of up to 20,000 characters and their reports, a page is at most a
 * few MB and takes milliseconds to read: the longest other requests wait for the export.
 */
const PAGE = 50
/** Text gathered before it is handed to the response; the stream's buffer holds about one of these. */
const CHUNK_CHARS = 32 * 1024

async function* pages(store: Store, filters: AttemptFilters): AsyncGenerator<ExportRow[]> {
  let after: AttemptPosition | undefined
  for (;;) {
    const rows = await store.listStoredAttempts(filters, { limit: PAGE, after })
    if (rows.length > 0) yield rows
    if (rows.length < PAGE) return
    const last = rows[rows.length - 1]!
    after = { createdAt: last.createdAt, id: last.id }
  }
}

/**
 * The export as text chunks of about 64 KB, read a page of attempts at a time. After each chunk and each page
 * the generator waits for the next turn of the event loop, so other requests are answered while a large export
 * is made: no more than one page read, or one chunk's formatting, runs at a stretch.
 */
async function* exportText(
  store: Store,
  rubrics: RubricRegistry,
  filters: AttemptFilters,
  format: ExportFormat,
  exportedAt: number,
): AsyncGenerator<string> {
  if (format === 'csv') yield csvRow(CSV_COLUMNS)
  if (format === 'json') yield '['
  if (format === 'md') yield `# Starboard attempts\n\nExported ${new Date(exportedAt).toISOString()}.\n\n`
  let first = true
  let chunk = ''
  // Each page is read when the stream asks for more, so a slow client holds no rows in memory.
  for await (const rows of pages(store, filters)) {
    for (const a of rows) {
      if (format === 'json') chunk += `${first ? '\n' : ',\n'}${attemptAsJsonText(a)}`
      else if (format === 'csv') chunk += attemptAsCsv(a)
      else chunk += attemptAsMarkdown(a, rubrics.findPrompt(a.promptId)?.prompt.text)
      first = false
      if (chunk.length >= CHUNK_CHARS) {
        yield chunk
        chunk = ''
        await nextTurn()
      }
    }
    await nextTurn()
  }
  if (chunk !== '') yield chunk
  if (format === 'json') yield first ? ']\n' : '\n]\n'
  if (format === 'md' && first) yield 'No attempts match.\n'
}

export const exportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/attempts/export',
    {
      schema: {
        tags: ['attempts'],
        summary: 'Export attempts as JSON, CSV or Markdown',
        description:
          'Streams every attempt matching the filters (same as GET /api/attempts), newest first. ' +
          'JSON carries full reports; CSV quotes fields per RFC 4180 with CRLF line ends.',
        querystring: exportQuery,
        produces: ['application/json', 'text/csv', 'text/markdown'],
      },
    },
    async (request, reply) => {
      const { format, ...filters } = request.query
      // A byte stream with a small buffer: the export is made only as fast as the client reads it.
      const stream = Readable.from(
        exportText(app.store, app.rubrics, { ...filters, ownerId: ownerOf(request) }, format, app.clock()),
        {
          objectMode: false,
          highWaterMark: CHUNK_CHARS,
        },
      )
      return reply
        .type(EXPORT_CONTENT_TYPES[format])
        .header('content-disposition', `attachment; filename="starboard-attempts.${format}"`)
        .send(stream)
    },
  )
}
