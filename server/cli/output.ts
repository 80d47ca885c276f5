// What `star` prints: text made safe for a terminal, and the readable form of a score report.

import { LONE_SURROGATE } from '../../engine/answer-rules'
import type { ScoreReport } from '../../engine/index'

const NON_PRINTABLE = new RegExp(`[\\u0000-\\u001F\\u007F-\\u009F]|${LONE_SURROGATE.source}`, 'g')

/**
 * `text` safe to print on a terminal: C0 and C1 controls and DEL as \x07, lone surrogates as \ud800, so
 * that no byte read from a file or an argument can move the cursor, recolour or clear the screen.
 */
export function printable(text: string): string {
  return text.replace(NON_PRINTABLE, (c) => {
    const code = c.charCodeAt(0)
    return code < 0x100
      ? `\\x${code.toString(16).padStart(2, '0')}`
      : `\\u${code.toString(16).padStart(4, '0')}`
  })
}

const LETTER: Record<string, string> = { situation: 'S', task: 'T', action: 'A', result: 'R', other: '·' }
const MARK: Record<string, string> = { met: '✓', partial: '~', missed: '✗' }

/** The readable report of plain mode, every line made printable. */
export function formatReport(report: ScoreReport): string {
  const lines: string[] = []
  const minutes = Math.floor(report.stats.speakingSeconds / 60)
  const seconds = report.stats.speakingSeconds % 60
  lines.push(
    `Score ${report.score}/100 — ${report.band.label}   (rubric ${report.rubricId}, ${report.stats.words} words, ${minutes}:${String(seconds).padStart(2, '0')} spoken, I ×${report.stats.iCount} / we ×${report.stats.weCount})`,
  )
  for (const m of report.messages) lines.push(`  ${m.severity}: ${m.reason}`)
  lines.push('', 'Sentences')
  for (const s of report.sentences) lines.push(`  ${LETTER[s.star]}  ${s.text.replace(/\s+/g, ' ')}`)
  const share = (k: keyof ScoreReport['sections']) => `${Math.round(report.sections[k].share * 100)}%`
  lines.push(
    '',
    `Sections  S ${share('situation')}  T ${share('task')}  A ${share('action')}  R ${share('result')}`,
  )
  lines.push('', 'Criteria')
  for (const c of report.criteria) {
    const first = c.messages.find((m) => m.severity !== 'info')
    lines.push(
      `  ${MARK[c.status]} ${c.label.padEnd(28)} ${c.score.toFixed(1).padStart(5)}/${c.max.toFixed(1).padEnd(5)} ${first ? first.reason : ''}`.trimEnd(),
    )
  }
  if (report.suggestions.length > 0) {
    lines.push('', 'Suggestions')
    for (const s of report.suggestions) lines.push(`  +${String(s.gain).padEnd(3)} ${s.message}`)
  }
  // Rubric texts come from files: never let one of their bytes act on the terminal.
  return `${lines.map(printable).join('\n')}\n`
}
