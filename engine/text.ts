// Tokens with UTF-16 offsets into the original answer: words, numbers, money, versions, contractions.
// Sentences are split in sentences.ts, headings recognised in headings.ts.

export interface Token {
  /** The token as written. */
  text: string
  /** Lower-cased, with curly apostrophes straightened. */
  lower: string
  start: number
  end: number
  /** True for numbers, money and percentages ("3", "2.1%", "$40k", "v2"). */
  numeric: boolean
}

// Words, numbers, money, percentages, versions, dotted abbreviations (e.g, U.S, Node.js), contractions, hyphenations.
export const TOKEN_SOURCE =
  /[$€£]?\d(?:[\d,]*\d)?(?:\.\d+)?(?:[%kKmMbBxX]|ms\b)?|[\p{L}\p{N}][\p{L}\p{M}\p{N}_]*(?:['’.\-/][\p{L}\p{M}\p{N}_]+)*/gu
const TOKEN_RE = new RegExp(TOKEN_SOURCE.source, 'gu')

/** Tokens of `text` between `from` and `to`, in order; a token never runs past `to`. */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const tokens: Token[] = []
  TOKEN_RE.lastIndex = from
  for (let m = TOKEN_RE.exec(text); m !== null && m.index < to; m = TOKEN_RE.exec(text)) {
    const t = m.index + m[0].length > to ? m[0].slice(0, to - m.index) : m[0]
    const first = t.charCodeAt(0)
    // A number, or a currency sign before one ("$40k"); "p99" and "Q3" are names, not numbers.
    const second = t.charCodeAt(1)
    const numeric =
      (first >= 48 && first <= 57) ||
      ((first === 36 || first === 8364 || first === 163) && second >= 48 && second <= 57)
    tokens.push({ text: t, lower: lowerWord(t), start: m.index, end: m.index + t.length, numeric })
  }
  return tokens
}

function lowerWord(t: string): string {
  const lower = t.toLowerCase()
  return lower.includes('’') ? lower.replace(/’/g, "'") : lower
}
