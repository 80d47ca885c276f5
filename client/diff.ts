// A line diff for showing what saving a rubric file will change: the longest common subsequence of lines,
// with the unchanged lines around each change kept as context and long unchanged runs folded.

/** The most cells of the comparison table (about 16 MB); beyond it the changed middle is not compared line by line. */
const MAX_TABLE_CELLS = 4_000_000

export type DiffLine =
  | { kind: 'same' | 'added' | 'removed'; text: string; oldLine?: number; newLine?: number }
  | { kind: 'fold'; count: number }

/** The lines of `before` and `after` in order, each kept, removed or added. Quadratic in the changed middle only. */
export function diffLines(before: string, after: string): Exclude<DiffLine, { kind: 'fold' }>[] {
  const a = before === '' ? [] : before.split('\n')
  const b = after === '' ? [] : after.split('\n')
  // The common head and tail cost nothing; only the middle needs the table.
  let head = 0
  while (head < a.length && head < b.length && a[head] === b[head]) head++
  let tail = 0
  while (
    tail < a.length - head &&
    tail < b.length - head &&
    a[a.length - 1 - tail] === b[b.length - 1 - tail]
  )
    tail++
  const am = a.slice(head, a.length - tail)
  const bm = b.slice(head, b.length - tail)
  // A middle too large for the table (two files with little in common) is shown as replaced whole.
  const whole = am.length * bm.length > MAX_TABLE_CELLS
  // lcs[i][j]: the longest common subsequence of am[i..] and bm[j..].
  const lcs: Uint32Array[] = Array.from(
    { length: am.length + 1 },
    () => new Uint32Array(whole ? 1 : bm.length + 1),
  )
  for (let i = whole ? -1 : am.length - 1; i >= 0; i--) {
    for (let j = bm.length - 1; j >= 0; j--) {
      lcs[i]![j] = am[i] === bm[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!)
    }
  }
  const out: Exclude<DiffLine, { kind: 'fold' }>[] = []
  for (let k = 0; k < head; k++) out.push({ kind: 'same', text: a[k]!, oldLine: k + 1, newLine: k + 1 })
  let i = 0
  let j = 0
  while (i < am.length || j < bm.length) {
    if (whole) {
      if (i < am.length) out.push({ kind: 'removed', text: am[i]!, oldLine: head + ++i })
      else out.push({ kind: 'added', text: bm[j]!, newLine: head + ++j })
    } else if (i < am.length && j < bm.length && am[i] === bm[j]) {
      out.push({ kind: 'same', text: am[i]!, oldLine: head + i + 1, newLine: head + j + 1 })
      i++
      j++
    } else if (i < am.length && (j === bm.length || lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) {
      // Removed lines come before the lines added in their place.
      out.push({ kind: 'removed', text: am[i]!, oldLine: head + i + 1 })
      i++
    } else {
      out.push({ kind: 'added', text: bm[j]!, newLine: head + j + 1 })
      j++
    }
  }
  for (let k = 0; k < tail; k++) {
    out.push({
      kind: 'same',
      text: a[a.length - tail + k]!,
      oldLine: a.length - tail + k + 1,
      newLine: b.length - tail + k + 1,
    })
  }
  return out
}

/** The diff with unchanged runs longer than twice `context` folded, keeping `context` lines around each change. */
export function foldDiff(lines: Exclude<DiffLine, { kind: 'fold' }>[], context = 3): DiffLine[] {
  const keep = lines.map(() => false)
  lines.forEach((l, i) => {
    if (l.kind === 'same') return
    for (let k = Math.max(0, i - context); k <= Math.min(lines.length - 1, i + context); k++) keep[k] = true
  })
  const out: DiffLine[] = []
  let folded = 0
  lines.forEach((l, i) => {
    if (keep[i]) {
      if (folded > 0) out.push({ kind: 'fold', count: folded })
      folded = 0
      out.push(l)
    } else folded++
  })
  if (folded > 0) out.push({ kind: 'fold', count: folded })
  return out
}
