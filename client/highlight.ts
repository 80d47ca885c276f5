// Splits an answer into plain-text pieces from the report's offsets, so highlighting never parses user text as HTML.

import type { Message, SentenceReport, Star } from '../engine/types'

/** A run of text inside one sentence; `marks` are indexes of the messages whose place covers it. */
export interface Piece {
  text: string
  start: number
  end: number
  marks: number[]
}

type Block =
  | { kind: 'gap'; text: string; start: number; end: number }
  | { kind: 'sentence'; star: Star; index: number; start: number; end: number; pieces: Piece[] }

export interface Mark {
  start: number
  end: number
  /** How the mark is drawn: problems stand out, confirmations stay quiet. */
  severity?: 'error' | 'warning' | 'info'
}

/**
 * Covers the whole answer, in order: sentences (from the report) and the text between them (gaps).
 * Each sentence is cut further wherever a mark (a message's place) starts or ends.
 * Offsets out of range or overlapping a previous sentence are clamped, so a stale report never throws.
 */
export function buildHighlight(
  answer: string,
  sentences: readonly SentenceReport[],
  marks: readonly Mark[] = [],
) {
  const blocks: Block[] = []
  let pos = 0
  sentences.forEach((s, index) => {
    const start = Math.max(pos, Math.min(s.start, answer.length))
    const end = Math.max(start, Math.min(s.end, answer.length))
    if (start > pos) blocks.push({ kind: 'gap', text: answer.slice(pos, start), start: pos, end: start })
    if (end > start) {
      blocks.push({
        kind: 'sentence',
        star: s.star,
        index,
        start,
        end,
        pieces: cut(answer, start, end, marks),
      })
    }
    pos = end
  })
  if (pos < answer.length)
    blocks.push({ kind: 'gap', text: answer.slice(pos), start: pos, end: answer.length })
  return blocks
}

function cut(answer: string, start: number, end: number, marks: readonly Mark[]): Piece[] {
  const points = new Set([start, end])
  for (const m of marks) {
    if (m.start > start && m.start < end) points.add(m.start)
    if (m.end > start && m.end < end) points.add(m.end)
  }
  const sorted = [...points].sort((a, b) => a - b)
  const pieces: Piece[] = []
  for (let i = 0; i + 1 < sorted.length; i++) {
    const a = sorted[i]!
    const b = sorted[i + 1]!
    const covering: number[] = []
    marks.forEach((m, mi) => {
      if (m.start < b && m.end > a && m.end > m.start) covering.push(mi)
    })
    pieces.push({ text: answer.slice(a, b), start: a, end: b, marks: covering })
  }
  return pieces
}

/** The messages of a report that point at a span of the answer, in reading order, with their criterion. */
export function anchoredMessages(criteria: readonly { id: string; label: string; messages: Message[] }[]) {
  const out: { message: Message; criterionId: string; criterionLabel: string }[] = []
  for (const c of criteria)
    for (const m of c.messages)
      if (m.place) out.push({ message: m, criterionId: c.id, criterionLabel: c.label })
  out.sort(
    (x, y) => x.message.place!.start - y.message.place!.start || x.message.place!.end - y.message.place!.end,
  )
  return out
}

export const STAR_LETTER: Record<Star, string> = {
  situation: 'S',
  task: 'T',
  action: 'A',
  result: 'R',
  other: '·',
}

export const STAR_LABEL: Record<Star, string> = {
  situation: 'Situation',
  task: 'Task',
  action: 'Action',
  result: 'Result',
  other: 'Other',
}
