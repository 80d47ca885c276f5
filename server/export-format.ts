// Attempt exports as text: JSON, CSV (RFC 4180 quoting) and Markdown, produced row by row for streaming.

import type { ExportedAttempt, ExportFormat } from '../contract/attempts'
import type { StoredAttempt } from '../db/index'
import type { ScoreReport } from '../engine/index'
import { attemptFactsView, iso } from './views'

/** An attempt as read for export: everything stored but its tags, the report as its stored JSON text. */
export type ExportRow = StoredAttempt

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
}

/** One attempt as exported in JSON, but for its report: everything else stored, in the export's key order. */
function exportedFacts(a: ExportRow) {
  // Prompt text is left out: the export is what was stored, and prompts live in the rubric files.
  const { promptText: _, ...facts } = attemptFactsView(a, null)
  return {
    ...facts,
    rubricHash: a.rubricHash,
    engineVersion: a.engineVersion,
    answer: a.answer,
  } satisfies Omit<ExportedAttempt, 'report'>
}

/**
 * One attempt as exported in JSON (the contract's ExportedAttempt): everything stored, the full report last.
 * The report is the JSON text the engine made, spliced in as stored rather than parsed and written again.
 */
export function attemptAsJsonText(a: ExportRow): string {
  const facts = JSON.stringify(exportedFacts(a))
  return `${facts.slice(0, -1)},"report":${a.report}}`
}

export const CSV_COLUMNS = [
  'id',
  'createdAt',
  'promptId',
  'rubricId',
  'score',
  'bandId',
  'bandLabel',
  'durationMs',
  'engineVersion',
  'rubricHash',
  'answer',
] as const

/** RFC 4180: a field with a comma, quote, CR or LF is wrapped in quotes, and its quotes are doubled. */
function csvField(value: string | number | null): string {
  const text = value === null ? '' : String(value)
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export function csvRow(fields: readonly (string | number | null)[]): string {
  return `${fields.map(csvField).join(',')}\r\n`
}

export function attemptAsCsv(a: ExportRow): string {
  return csvRow([
    a.id,
    iso(a.createdAt),
    a.promptId,
    a.rubricId,
    a.score,
    a.bandId,
    a.bandLabel,
    a.durationMs,
    a.engineVersion,
    a.rubricHash,
    a.answer,
  ])
}

function duration(ms: number | null): string {
  if (ms === null) return 'not recorded'
  const s = Math.round(ms / 1000)
  return s < 60 ? `${s}s` : `${Math.floor(s / 60)}m ${s % 60}s`
}

/** A table cell: pipes would end the cell and newlines the row. */
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ')

export function attemptAsMarkdown(a: ExportRow, promptText: string | undefined): string {
  const report = JSON.parse(a.report) as ScoreReport
  const lines = [
    `## Attempt ${a.id}: ${a.score} (${a.bandLabel})`,
    '',
    `- Prompt: ${promptText === undefined ? a.promptId : `${promptText} (${a.promptId})`}`,
    `- Rubric: ${a.rubricId} (hash ${a.rubricHash}, engine ${a.engineVersion})`,
    `- Created: ${iso(a.createdAt)}`,
    `- Duration: ${duration(a.durationMs)}`,
    '',
    // Every answer line is quoted, blank ones included, so the answer stays one block.
    ...a.answer.split(/\r?\n/).map((line) => (line === '' ? '>' : `> ${line}`)),
    '',
    '| Criterion | Points | Max | Status |',
    '| --- | ---: | ---: | --- |',
    ...(report.criteria ?? []).map((c) => `| ${cell(c.label)} | ${c.score} | ${c.max} | ${c.status} |`),
    '',
  ]
  return `${lines.join('\n')}\n`
}
