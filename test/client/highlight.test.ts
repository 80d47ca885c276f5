// Highlight span building: every character of the answer lands in exactly one piece, as text, never as markup.
import { describe, expect, it } from 'vitest'
import { anchoredMessages, buildHighlight } from '../../client/highlight'
import type { SentenceReport } from '../../engine/types'

const sentence = (answer: string, text: string, star: SentenceReport['star']): SentenceReport => {
  const start = answer.indexOf(text)
  return { text, start, end: start + text.length, star, cues: [] }
}

function joined(blocks: ReturnType<typeof buildHighlight>): string {
  return blocks.map((b) => (b.kind === 'gap' ? b.text : b.pieces.map((p) => p.text).join(''))).join('')
}

describe('buildHighlight', () => {
  const answer = 'We shipped late.  I rewrote the queue.\nLatency fell 40%.'
  const sentences = [
    sentence(answer, 'We shipped late.', 'situation'),
    sentence(answer, 'I rewrote the queue.', 'action'),
    sentence(answer, 'Latency fell 40%.', 'result'),
  ]

  it('covers the whole answer in order, with the gaps between sentences kept', () => {
    const blocks = buildHighlight(answer, sentences)
    expect(joined(blocks)).toBe(answer)
    expect(blocks.map((b) => (b.kind === 'gap' ? 'gap' : b.star))).toEqual([
      'situation',
      'gap',
      'action',
      'gap',
      'result',
    ])
  })

  it('cuts a sentence where a mark starts and ends, and says which marks cover each piece', () => {
    const start = answer.indexOf('40%')
    const blocks = buildHighlight(answer, sentences, [{ start, end: start + 3 }])
    const result = blocks[4]!
    expect(result.kind).toBe('sentence')
    if (result.kind !== 'sentence') return
    expect(result.pieces.map((p) => [p.text, p.marks])).toEqual([
      ['Latency fell ', []],
      ['40%', [0]],
      ['.', []],
    ])
  })

  it('splits a mark that crosses a sentence boundary into one piece per sentence', () => {
    const start = answer.indexOf('late.')
    const end = answer.indexOf(' the queue')
    const blocks = buildHighlight(answer, sentences, [{ start, end }])
    const marked = blocks.flatMap((b) =>
      b.kind === 'sentence' ? b.pieces.filter((p) => p.marks.length) : [],
    )
    expect(marked.map((p) => p.text)).toEqual(['late.', 'I rewrote'])
  })

  it('keeps markup in the answer as plain text', () => {
    const html = 'I typed <img src=x onerror=alert(1)> and <script>alert(1)</script>.'
    const blocks = buildHighlight(html, [sentence(html, html, 'action')])
    expect(joined(blocks)).toBe(html)
  })

  it('never throws on a stale report whose offsets run past the answer', () => {
    const blocks = buildHighlight('Short.', [
      { text: 'Short.', start: 0, end: 6, star: 'action', cues: [] },
      { text: 'Gone.', start: 7, end: 12, star: 'result', cues: [] },
    ])
    expect(joined(blocks)).toBe('Short.')
  })

  it('returns the answer as one gap when there are no sentences', () => {
    expect(buildHighlight('   ', [])).toEqual([{ kind: 'gap', text: '   ', start: 0, end: 3 }])
  })
})

describe('anchoredMessages', () => {
  it('lists messages with a place in reading order, with their criterion', () => {
    const msg = (start: number, reason: string) => ({
      ruleId: 'x',
      source: 'starboard' as const,
      severity: 'info' as const,
      reason,
      place: { start, end: start + 1 },
    })
    const list = anchoredMessages([
      { id: 'b', label: 'B', messages: [msg(9, 'late'), { ...msg(0, 'no place'), place: undefined }] },
      { id: 'a', label: 'A', messages: [msg(2, 'early')] },
    ])
    expect(list.map((m) => [m.criterionId, m.message.reason])).toEqual([
      ['a', 'early'],
      ['b', 'late'],
    ])
  })
})
