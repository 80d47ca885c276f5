// GET /api/attempts/export: every matching attempt as JSON, CSV or Markdown, streamed page by page.

import { Readable } from 'node:stream'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { type ExportFormat, exportQuery } from '../../contract/attempts'
import { type AttemptFilters, type AttemptPosition, type Db, listAttemptsInFull } from '../../db/index'
import {
  attemptAsCsv,
  attemptAsJson,
  attemptAsMarkdown,
  CSV_COLUMNS,
  csvRow,
  EXPORT_CONTENT_TYPES,
  type ExportRow,
} from '../export-format'
import type { RubricRegistry } from '../rubric-registry'

/** Attempts per database read: bounds memory however many attempts there are. */
const PAGE = 200

function* pages(db: Db, filters: AttemptFilters): Generator<ExportRow[]> {
  let after: AttemptPosition | undefined
  for (;;) {
    const rows = listAttemptsInFull(db, filters, { limit: PAGE, after })
    if (rows.length > 0) yield rows
    if (rows.length < PAGE) return
    const last = rows[rows.length - 1]!
    after = { createdAt: last.createdAt, id: last.id }
  }
}

async function* exportText(
  db: Db,
  rubrics: RubricRegistry,
  filters: AttemptFilters,
  format: ExportFormat,
  exportedAt: number,
): AsyncGenerator<string> {
  if (format === 'csv') yield csvRow(CSV_COLUMNS)
  if (format === 'json') yield '['
  if (format === 'md') yield `# Starboard attempts\n\nExported ${new Date(exportedAt).toISOString()}.\n\n`
  let first = true
  // Each page is read when the stream asks for more, so a slow client holds no rows in memory.
  for (const rows of pages(db, filters)) {
    let chunk = ''
    for (const a of rows) {
      if (format === 'json') chunk += `${first ? '\n' : ',\n'}${JSON.stringify(attemptAsJson(a))}`
      else if (format === 'csv') chunk += attemptAsCsv(a)
      else chunk += attemptAsMarkdown(a, rubrics.findPrompt(a.promptId)?.prompt.text)
      first = false
    }
    yield chunk
  }
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
      const stream = Readable.from(exportText(app.db, app.rubrics, filters, format, app.clock()))
      return reply
        .type(EXPORT_CONTENT_TYPES[format])
        .header('content-disposition', `attachment; filename="starboard-attempts.${format}"`)
        .send(stream)
    },
  )
}
