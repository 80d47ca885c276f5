// Joining sentence pieces: no break after an abbreviation ("Dr.", "e.g.", "J. Smith"), nor at a single line
// break inside a paragraph whose line has no closing punctuation and is no heading or list item.

import { matchHeading } from './headings'

// After these, a period never ends a sentence.
const ALWAYS_JOIN = new Set([
  'dr',
  'mr',
  'mrs',
  'ms',
  'prof',
  'sr',
  'jr',
  'st',
  'vs',
  'e.g',
  'i.e',
  'cf',
  'approx',
  'no',
  'fig',
  'mt',
  'lt',
  'gen',
  'col',
  'sgt',
  'capt',
  'dept',
  'est',
  'ca',
  'viz',
])
// After these, a period ends a sentence only when the next one starts like a sentence.
const JOIN_IF_LOWER = new Set([
  'a.m',
  'p.m',
  'u.s',
  'u.k',
  'e.u',
  'u.n',
  'etc',
  'inc',
  'ltd',
  'co',
  'corp',
  'al',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'ph.d',
  'b.s',
  'm.s',
])

/**
 * What the line-break rule needs to know about the end of the last piece: where its trailing whitespace
 * starts, whether that whitespace holds a blank line, and the verdict on its last line. Kept up to date as
 * pieces grow, so that joining many short lines ("ab\n" repeated) looks at each character a bounded number of
 * times instead of re-reading the whole piece at every line.
 */
export class PieceTail {
  private start = 0
  /** Start of the piece's trailing whitespace (as `trimEnd` counts it). */
  private trail = 0
  /** The trailing whitespace holds a blank line: "\n", spaces or tabs, "\n". */
  private blank = false
  /** Whether the last line before the trailing whitespace lets the next line join; computed on demand. */
  private lastLineJoins: boolean | undefined

  constructor(private readonly text: string) {}

  reset(start: number, end: number): void {
    this.start = start
    this.trail = trailingSpaceStart(this.text, start, end)
    this.blank = hasBlankLine(this.text, this.trail, end)
    this.lastLineJoins = undefined
  }

  extend(start: number, end: number): void {
    const t = trailingSpaceStart(this.text, start, end)
    if (t > start) {
      this.trail = t
      this.blank = hasBlankLine(this.text, t, end)
      this.lastLineJoins = undefined
      return
    }
    // All whitespace: the trailing whitespace grows; a blank line may straddle the join.
    let from = start
    while (from > this.trail && isSpaceOrTab(this.text.charCodeAt(from - 1))) from--
    if (from > this.trail && this.text.charCodeAt(from - 1) === 10) from--
    this.blank = this.blank || hasBlankLine(this.text, from, end)
  }

  /** The piece ends in a paragraph break. */
  endsParagraph(): boolean {
    return this.blank
  }

  /** The piece's last line (before its trailing whitespace) has no closing punctuation and is no heading. */
  lastLineLetsJoin(): boolean {
    if (this.lastLineJoins === undefined) {
      let lineStart = this.trail
      while (lineStart > this.start && this.text.charCodeAt(lineStart - 1) !== 10) lineStart--
      // The line ends where the trailing whitespace starts, so it is blank only when empty, and is copied only
      // when it does not end in closing punctuation.
      if (lineStart === this.trail || endsClosed(this.text, lineStart, this.trail)) this.lastLineJoins = false
      else {
        const prevLine = this.text.slice(lineStart, this.trail)
        this.lastLineJoins =
          matchHeading(prevLine) === undefined &&
          // A line that is all bold or a Markdown heading is a heading, named or not ("**Why it mattered**").
          !/^\s*(?:#{1,6}\s+\S.*|(\*\*|__)[^*_\n]+\1:?)\s*$/.test(prevLine)
      }
    }
    return this.lastLineJoins
  }
}

/**
 * `text.slice(from, to)` ends in closing punctuation: `/[.!?…:;]["'”’)\]]*\**$/`, read backwards: stars, then
 * closing quotes and brackets, then the punctuation mark.
 */
function endsClosed(text: string, from: number, to: number): boolean {
  let i = to - 1
  while (i >= from && text.charCodeAt(i) === 42) i--
  while (i >= from && isClosingMark(text.charCodeAt(i))) i--
  if (i < from) return false
  const c = text.charCodeAt(i)
  return c === 46 || c === 33 || c === 63 || c === 8230 || c === 58 || c === 59
}

/** " ' ” ’ ) ] */
function isClosingMark(c: number): boolean {
  return c === 34 || c === 39 || c === 0x201d || c === 0x2019 || c === 41 || c === 93
}

/** Start of the run of whitespace (JavaScript's `\s`, which `trimEnd` removes) that ends at `end`, not before `start`. */
function trailingSpaceStart(text: string, start: number, end: number): number {
  let i = end
  while (i > start && isJsSpace(text.charCodeAt(i - 1))) i--
  return i
}

/** `text` between `from` and `to` holds a blank line: "\n", spaces or tabs, "\n". */
export function hasBlankLine(text: string, from: number, to: number): boolean {
  let newline = false
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i)
    if (c === 10) {
      if (newline) return true
      newline = true
    } else if (!isSpaceOrTab(c)) {
      newline = false
    }
  }
  return false
}

/**
 * A single line break inside a paragraph (hard-wrapped or pasted text) does not end a sentence when the
 * line before has no closing punctuation and neither line is a heading or a list item.
 */
function joinsAcrossLineBreak(text: string, tail: PieceTail, nextStart: number): boolean {
  if (tail.endsParagraph() || !tail.lastLineLetsJoin()) return false
  const lineEnd = text.indexOf('\n', nextStart)
  const nextLine = text.slice(nextStart, lineEnd === -1 ? text.length : lineEnd)
  if (/^\s*(?:[-*•]|\d+[.)])\s/.test(nextLine)) return false
  if (matchHeading(nextLine) !== undefined) return false
  return true
}
function isSpaceOrTab(code: number): boolean {
  return code === 32 || code === 9
}

/** JavaScript's whitespace and line terminators: the characters `\s` matches and `trim` removes. */
function isJsSpace(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 160 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  )
}

export function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 12 || code === 11 || code === 160
}

export function shouldJoin(
  text: string,
  prevStart: number,
  prevEnd: number,
  nextStart: number,
  tail: PieceTail,
): boolean {
  // Look at the piece's last characters before copying anything: most pieces end in ". " and no newline.
  // Stop at the first line break: what comes before it is the line-break rule's business.
  let last = prevEnd - 1
  while (last >= prevStart && isSpace(text.charCodeAt(last))) {
    if (text.charCodeAt(last) === 10) return joinsAcrossLineBreak(text, tail, nextStart)
    last--
  }
  if (last < prevStart || text.charCodeAt(last) !== 46) return false
  // Only the last word matters, within 40 characters; anchoring on it keeps this linear in the sentence length.
  const from = Math.max(prevStart, last - 40)
  // The word: letters and dots back to the last space, line break or "(", from its first letter on. ASCII
  // text is read in place; anything else takes the general path below.
  let w = last
  while (w > from && isAsciiLetterOrDot(text.charCodeAt(w - 1))) w--
  if (w > from && text.charCodeAt(w - 1) >= 128) return joinsAfterWord(text, from, last, nextStart)
  while (w < last && text.charCodeAt(w) === 46) w++
  if (w === last) return false
  // The next piece's first character after its leading whitespace, within 40 characters.
  const nextEnd = Math.min(text.length, nextStart + 40)
  let at = nextStart
  while (at < nextEnd && isJsSpace(text.charCodeAt(at))) at++
  if (at === nextEnd) return false
  const abbreviation = text.slice(w, last)
  return joinsAfter(abbreviation, startsLowerAt(text, at, nextEnd), isAsciiInitials(abbreviation))
}

/** `/^(?:\p{L}\.)*\p{Lu}$/u` on a word of ASCII letters and dots of at most 3 characters. */
function isAsciiInitials(word: string): boolean {
  const n = word.length
  if (n !== 1 && n !== 3) return false
  const lastUpper = word.charCodeAt(n - 1) >= 65 && word.charCodeAt(n - 1) <= 90
  return n === 1 ? lastUpper : lastUpper && word.charCodeAt(1) === 46 && word.charCodeAt(0) !== 46
}

/** `shouldJoin` for a word that may hold letters beyond ASCII: the word by `\p{L}`, the next piece by `trimStart`. */
function joinsAfterWord(text: string, from: number, last: number, nextStart: number): boolean {
  const trimmed = text.slice(from, last + 1)
  const lastSpace = Math.max(trimmed.lastIndexOf(' '), trimmed.lastIndexOf('\n'), trimmed.lastIndexOf('('))
  const m = /([\p{L}][\p{L}.]*)\.$/u.exec(trimmed.slice(lastSpace + 1))
  if (m === null) return false
  const next = text.slice(nextStart, nextStart + 40).trimStart()
  if (next === '') return false
  const abbreviation = m[1]!
  const initials = abbreviation.length <= 3 && /^(?:\p{L}\.)*\p{Lu}$/u.test(abbreviation)
  return joinsAfter(abbreviation, /^[\p{Ll}\d(,;:$%]/u.test(next), initials)
}

/**
 * The verdict once the word before the period, the case of what follows and whether the word is initials
 * (at most 3 characters of letters each followed by a dot, the last an upper-case letter) are known.
 */
function joinsAfter(abbreviation: string, startsLower: boolean, initials: boolean): boolean {
  const word = abbreviation.toLowerCase()
  if (ALWAYS_JOIN.has(word)) return true
  if (JOIN_IF_LOWER.has(word)) return startsLower
  // Single-letter initials inside names ("J. Smith") and dotted acronyms ("U.S.A.").
  if (initials && abbreviation !== 'I') return startsLower
  return false
}

function isAsciiLetterOrDot(c: number): boolean {
  return c === 46 || (c >= 97 && c <= 122) || (c >= 65 && c <= 90)
}

/** The text at `at` starts like the rest of a sentence: a lower-case letter, a digit, "(", ",", ";", ":", "$", "%". */
function startsLowerAt(text: string, at: number, end: number): boolean {
  const c = text.charCodeAt(at)
  if (c < 128)
    return (
      (c >= 97 && c <= 122) ||
      (c >= 48 && c <= 57) ||
      c === 40 ||
      c === 44 ||
      c === 59 ||
      c === 58 ||
      c === 36 ||
      c === 37
    )
  return /^\p{Ll}/u.test(text.slice(at, Math.min(end, at + 2)))
}
