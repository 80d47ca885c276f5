// The line diff shown before a rubric file is saved: removed lines before the lines added in their place,
// line numbers on both sides, unchanged runs folded around each change.
import { describe, expect, it } from 'vitest'
import { diffLines, foldDiff } from '../../client/diff'

describe('diffLines', () => {
  it('keeps common lines and marks one changed line as removed, then added', () => {
    expect(diffLines('a\nb\nc', 'a\nB\nc')).toEqual([
      { kind: 'same', text: 'a', oldLine: 1, newLine: 1 },
      { kind: 'removed', text: 'b', oldLine: 2 },
      { kind: 'added', text: 'B', newLine: 2 },
      { kind: 'same', text: 'c', oldLine: 3, newLine: 3 },
    ])
  })

  it('finds the longest common run in the middle, with line numbers on each side', () => {
    const lines = diffLines('head\nx\ny\nz\ntail', 'head\ny\nnew\nz\ntail')
    expect(lines.map((l) => `${l.kind[0]}${l.text}`)).toEqual(['shead', 'rx', 'sy', 'anew', 'sz', 'stail'])
    expect(lines[3]).toEqual({ kind: 'added', text: 'new', newLine: 3 })
    expect(lines[4]).toEqual({ kind: 'same', text: 'z', oldLine: 4, newLine: 4 })
  })

  it('treats a new file as all added and an emptied one as all removed', () => {
    expect(diffLines('', 'a\nb').map((l) => l.kind)).toEqual(['added', 'added'])
    expect(diffLines('a\nb', '').map((l) => l.kind)).toEqual(['removed', 'removed'])
    expect(diffLines('same', 'same')).toEqual([{ kind: 'same', text: 'same', oldLine: 1, newLine: 1 }])
  })

  it('shows a middle too large to compare as replaced whole, rather than building a huge table', () => {
    const before = Array.from({ length: 2500 }, (_, i) => `old ${i}`).join('\n')
    const after = Array.from({ length: 2500 }, (_, i) => `new ${i}`).join('\n')
    const lines = diffLines(`top\n${before}\nend`, `top\n${after}\nend`)
    expect(lines).toHaveLength(5002)
    expect(lines.filter((l) => l.kind === 'removed')).toHaveLength(2500)
    expect(lines.filter((l) => l.kind === 'added')).toHaveLength(2500)
    expect(lines[0]!.kind).toBe('same')
    expect(lines.at(-1)).toEqual({ kind: 'same', text: 'end', oldLine: 2502, newLine: 2502 })
  })
})

describe('foldDiff', () => {
  it('folds unchanged runs, keeping the context lines around each change', () => {
    const before = Array.from({ length: 20 }, (_, i) => `line ${i + 1}`).join('\n')
    const after = before.replace('line 10', 'line ten')
    const folded = foldDiff(diffLines(before, after), 2)
    expect(folded.map((l) => (l.kind === 'fold' ? `…${l.count}` : `${l.kind[0]}${l.text}`))).toEqual([
      '…7',
      'sline 8',
      'sline 9',
      'rline 10',
      'aline ten',
      'sline 11',
      'sline 12',
      '…8',
    ])
  })
})
