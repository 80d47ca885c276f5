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
/** The token pattern, tried at one position: `test` gives the token's end as `lastIndex`, without a match array. */
const TOKEN_AT = new RegExp(TOKEN_SOURCE.source, 'uy')

/**
 * Tokens of `text` between `from` and `to`, in order; a token never runs past `to`. The leftmost match from
 * each point on, as a global search would find it: an ASCII character starts a token only if it is a digit,
 * a letter or "$"; any other character is tried, a surrogate pair as one.
 */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const tokens: Token[] = []
  // A start inside a surrogate pair starts at the pair, as a global search does.
  let i =
    from > 0 && isLowSurrogate(text.charCodeAt(from)) && isHighSurrogate(text.charCodeAt(from - 1))
      ? from - 1
      : from
  while (i < to) {
    const c = text.charCodeAt(i)
    if (c < 128 && !((c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122) || c === 36)) {
      i++
      continue
    }
    let matchEnd = c < 128 && (c | 32) >= 97 && (c | 32) <= 122 ? asciiWordEnd(text, i) : -1
    // A plain ASCII word without capitals is its own lower-case form.
    const lowerAlready = matchEnd !== -1 && !asciiUpper
    if (matchEnd === -1) {
      TOKEN_AT.lastIndex = i
      if (!TOKEN_AT.test(text)) {
        // A failed try moves on by a whole code point, as a global search does.
        i += isHighSurrogate(c) && isLowSurrogate(text.charCodeAt(i + 1)) ? 2 : 1
        continue
      }
      matchEnd = TOKEN_AT.lastIndex
    }
    const end = Math.min(matchEnd, to)
    const t = text.slice(i, end)
    const first = t.charCodeAt(0)
    // A number, or a currency sign before one ("$40k"); "p99" and "Q3" are names, not numbers.
    const second = t.charCodeAt(1)
    const numeric =
      (first >= 48 && first <= 57) ||
      ((first === 36 || first === 8364 || first === 163) && second >= 48 && second <= 57)
    tokens.push({ text: t, lower: lowerAlready ? t : lowerWord(t), start: i, end, numeric })
    i = matchEnd
  }
  return tokens
}

/**
 * The end of the token at `start` (an ASCII letter) when it is a plain ASCII word: letters, digits and "_" up to
 * a character that neither continues nor joins a word (the pattern's second branch stops there too); -1 when
 * what follows is beyond ASCII or a joiner (' . - /), for the pattern to read. Notes in `asciiUpper` whether the
 * word has a capital letter.
 */
function asciiWordEnd(text: string, start: number): number {
  let upper = text.charCodeAt(start) <= 90
  let j = start + 1
  for (; j < text.length; j++) {
    const c = text.charCodeAt(j)
    if (c >= 65 && c <= 90) upper = true
    else if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95) continue
    else if (c >= 128 || c === 39 || c === 46 || c === 45 || c === 47) return -1
    else break
  }
  asciiUpper = upper
  return j
}

/** Whether the word `asciiWordEnd` last read (when it found its end) has a capital letter. */
let asciiUpper = false

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff
}

function lowerWord(t: string): string {
  const lower = t.toLowerCase()
  return lower.includes('’') ? lower.replace(/’/g, "'") : lower
}
