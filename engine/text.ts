// Tokens and sentences with UTF-16 offsets into the original answer; no split after abbreviations such as "Dr.".

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

export interface RawSentence {
  text: string
  start: number
  end: number
  /** A section named by an explicit heading at the start of this sentence or on the line above. */
  heading?: HeadingSection
  /** True when the whole sentence is only a heading ("Situation:", "**Result**"). */
  headingOnly: boolean
  /** Offset where the sentence's own words begin, after any heading prefix. */
  bodyStart: number
  /** True when the sentence starts a new paragraph (the text before it holds a blank line) or is first. */
  paragraphStart: boolean
}

export type HeadingSection = 'situation' | 'task' | 'action' | 'result'

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

/** Counts words the way a reader would: whitespace-separated runs that hold a letter or digit. */
export function countWords(text: string): number {
  const m = text.match(/[\p{L}\p{N}]\S*/gu)
  return m === null ? 0 : m.length
}

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

// Sentence boundaries as Unicode's sentence rules (UAX #29) place them for prose: after terminal punctuation
// (with any closing quotes or brackets) and the spaces that follow, except a period before a lower-case word,
// after a CJK full stop even without a space, and after every line break. Intl.Segmenter gives the same pieces on the labelled corpus (186 of 188 answers
// identical; the two others differ at "e.g. \"…" and ".NET", which the abbreviation repair or the next rule
// settle alike), but its iteration costs several tokenizer passes and grows quadratically with input length.
// The breaks are those of /[.!?…。！？؟]+["'”’)\]»]*[ \t\u00a0]+|[。！？]+[」』”）]*|\n/gu, found by one scan: as a
// regular expression it retries every position of a run of punctuation with no space after it, which takes
// quadratic time ("......").
const LOWER_START = /^\p{Ll}/u

/** Terminal punctuation: . ! ? … and the CJK and Arabic full stops and marks. */
function isTerminal(c: number): boolean {
  return (
    c === 46 ||
    c === 33 ||
    c === 63 ||
    c === 8230 ||
    c === 0x3002 ||
    c === 0xff01 ||
    c === 0xff1f ||
    c === 0x61f
  )
}

/** Closing quotes and brackets that may follow terminal punctuation: " ' ” ’ ) ] ». */
function isClosing(c: number): boolean {
  return c === 34 || c === 39 || c === 0x201d || c === 0x2019 || c === 41 || c === 93 || c === 0xbb
}

/** CJK full stop, exclamation and question marks, which end a sentence without a space after them. */
function isCjkTerminal(c: number): boolean {
  return c === 0x3002 || c === 0xff01 || c === 0xff1f
}

/** Closing CJK brackets and quotes: 」 』 ” ）. */
function isCjkClosing(c: number): boolean {
  return c === 0x300d || c === 0x300f || c === 0x201d || c === 0xff09
}

/** Pieces of the text, each ending at a likely sentence boundary, with offsets; together they cover the text. */
function segments(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = []
  const n = text.length
  let start = 0
  // A break [at, end): a period or ellipsis before a lower-case word ("e.g. the", "3 p.m. on", "I waited… then")
  // ends nothing; a break at the very end leaves the last piece to run to the end.
  const brk = (at: number, end: number): boolean => {
    if (end >= n) return false
    const first = text.charCodeAt(at)
    if ((first === 46 || first === 8230) && LOWER_START.test(text.charAt(end))) return true
    out.push({ start, end })
    start = end
    return true
  }
  let i = 0
  scan: while (i < n) {
    const c = text.charCodeAt(i)
    if (c === 10) {
      if (!brk(i, i + 1)) break
      i++
      continue
    }
    if (!isTerminal(c)) {
      i++
      continue
    }
    // A run of terminal punctuation, then closing quotes or brackets, then spaces: each scanned once.
    let run = i + 1
    while (run < n && isTerminal(text.charCodeAt(run))) run++
    let close = run
    while (close < n && isClosing(text.charCodeAt(close))) close++
    let space = close
    while (space < n && isBreakSpace(text.charCodeAt(space))) space++
    if (space > close) {
      if (!brk(i, space)) break
      i = space
      continue
    }
    // No space after the run: only CJK full stops break, each run of them with the brackets that close it.
    let j = i
    while (j < run) {
      if (!isCjkTerminal(text.charCodeAt(j))) {
        j++
        continue
      }
      const at = j
      j++
      while (j < run && isCjkTerminal(text.charCodeAt(j))) j++
      if (j === run) while (j < n && isCjkClosing(text.charCodeAt(j))) j++
      if (!brk(at, j)) break scan
    }
    i = j
  }
  if (start < n) out.push({ start, end: n })
  return out
}

function isBreakSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 160
}

const HEADING_WORDS = new Map<string, HeadingSection>(
  Object.entries({
    situation: 'situation',
    'the situation': 'situation',
    context: 'situation',
    'the context': 'situation',
    background: 'situation',
    setting: 'situation',
    problem: 'situation',
    'the problem': 'situation',
    challenge: 'situation',
    'the challenge': 'situation',
    s: 'situation',
    task: 'task',
    tasks: 'task',
    'my task': 'task',
    'our task': 'task',
    'the task': 'task',
    goal: 'task',
    goals: 'task',
    'my goal': 'task',
    'our goal': 'task',
    'the goal': 'task',
    objective: 'task',
    'the ask': 'task',
    assignment: 'task',
    responsibility: 'task',
    'my responsibility': 'task',
    role: 'task',
    'my role': 'task',
    'my part': 'task',
    'what i owned': 'task',
    'what i took on': 'task',
    'what we took on': 'task',
    mission: 'task',
    t: 'task',
    action: 'action',
    actions: 'action',
    approach: 'action',
    'what i did': 'action',
    'what we did': 'action',
    'what i changed': 'action',
    'what i found': 'action',
    'what i built': 'action',
    'what we built': 'action',
    'how i did it': 'action',
    decision: 'action',
    decisions: 'action',
    'key decisions': 'action',
    'the decision': 'action',
    'trade-off': 'action',
    'trade-offs': 'action',
    tradeoffs: 'action',
    solution: 'action',
    'the fix': 'action',
    execution: 'action',
    steps: 'action',
    a: 'action',
    result: 'result',
    results: 'result',
    'the result': 'result',
    outcome: 'result',
    outcomes: 'result',
    'the outcome': 'result',
    impact: 'result',
    'the impact': 'result',
    'how it went': 'result',
    'how it did': 'result',
    'how it held up': 'result',
    learning: 'result',
    learnings: 'result',
    lesson: 'result',
    lessons: 'result',
    'lessons learned': 'result',
    'what i learned': 'result',
    'what i learnt': 'result',
    reflection: 'result',
    takeaway: 'result',
    takeaways: 'result',
    r: 'result',
  }),
)
/** First words of the headings, for a cheap pre-check before the heading pattern runs. */
const HEADING_LEADS = new Set([...HEADING_WORDS.keys()].map((k) => k.split(/[ -]/)[0]!))

// "Situation:", "**Task** –", "## Action", "S -", "Result —", "(R)", "**What I did**". Single letters need a delimiter.
const HEADING_RE =
  /^[ \t]*(?:#{1,6}[ \t]*)?(?:[-*•][ \t]+)?(\*\*|__|\*|_)?\(?([A-Za-z]+(?:-[A-Za-z]+)?(?: [A-Za-z]+(?:-[A-Za-z]+)?){0,3})\)?(\*\*|__|\*|_)?[ \t]*(:|[-–—]+(?=[ \t]|$)|\)|$)(?:\*\*|__)?[ \t]*/

/** Recognises an explicit heading at the start of `line`; returns its section and its length. */
export function matchHeading(line: string): { section: HeadingSection; length: number } | undefined {
  const m = HEADING_RE.exec(line)
  if (m === null) return undefined
  const word = m[2]!.toLowerCase()
  const section = HEADING_WORDS.get(word)
  if (section === undefined) return undefined
  const delimiter = m[4]!
  const emphasised = m[1] !== undefined || m[3] !== undefined
  const restEmpty = line.slice(m[0].length).trim() === ''
  if (word.length === 1) {
    // "A developer..." or "I ..." must not read as headings: single letters need ":" "-" or ")" after them.
    if (delimiter === '' && !emphasised) return undefined
    if (delimiter === '' && !restEmpty) return undefined
  } else if (delimiter === '' && !restEmpty && !emphasised) {
    // "Results were good." is a sentence, not a heading; a bare word is a heading only on a line of its own.
    return undefined
  }
  if (word.includes(' ') && delimiter === '' && !restEmpty) return undefined
  return { section, length: m[0].length }
}

/**
 * Splits the answer into sentences with offsets into the original string. Sentences never overlap and
 * appear in order; whitespace between them belongs to none.
 */
export function splitSentences(text: string): RawSentence[] {
  // 1. Find candidate boundaries, then join pieces that were split after an abbreviation.
  const pieces: { start: number; end: number }[] = []
  const tail = new PieceTail(text)
  for (const seg of segments(text)) {
    const prev = pieces[pieces.length - 1]
    if (prev !== undefined && shouldJoin(text, prev.start, prev.end, seg.start, tail)) {
      prev.end = seg.end
      tail.extend(seg.start, seg.end)
    } else {
      pieces.push({ start: seg.start, end: seg.end })
      tail.reset(seg.start, seg.end)
    }
  }

  // 2. Trim, split off standalone heading lines, and carry headings forward.
  const sentences: RawSentence[] = []
  let blankBefore = true
  for (const piece of pieces) {
    let start = piece.start
    let end = piece.end
    while (start < end && isSpace(text.charCodeAt(start))) start++
    while (end > start && isSpace(text.charCodeAt(end - 1))) end--
    if (start === end) {
      if (/\n[ \t]*\n|\n[ \t]*$/.test(text.slice(piece.start, piece.end))) blankBefore = true
      continue
    }
    const paragraphStart = blankBefore || sentences.length === 0
    const lineStart = atLineStart(text, start)
    let heading: HeadingSection | undefined
    let bodyStart = start
    // Headings open a line or, written inline ("… done. Result: it worked"), a sentence.
    // A heading sits in the first few characters; look no further, or long paragraphs cost quadratic time.
    const probeEnd = Math.min(end, start + 120)
    const probe = text.slice(start, probeEnd)
    const newline = probe.indexOf('\n')
    const line = newline === -1 ? probe : probe.slice(0, newline)
    const h = mayBeHeading(line) ? matchHeading(line) : undefined
    if (h !== undefined && (lineStart || inlineHeadingOk(line, h.length))) {
      heading = h.section
      bodyStart = start + h.length
    }
    const headingOnly = heading !== undefined && text.slice(bodyStart, end).trim() === ''
    sentences.push({
      text: text.slice(start, end),
      start,
      end,
      heading,
      headingOnly,
      bodyStart: headingOnly ? end : bodyStart,
      paragraphStart,
    })
    blankBefore = /\n[ \t]*\n/.test(text.slice(end, piece.end))
  }
  return sentences
}

/**
 * What the line-break rule needs to know about the end of the last piece: where its trailing whitespace
 * starts, whether that whitespace holds a blank line, and the verdict on its last line. Kept up to date as
 * pieces grow, so that joining many short lines ("ab\n" repeated) looks at each character a bounded number of
 * times instead of re-reading the whole piece at every line.
 */
class PieceTail {
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
      const prevLine = this.text.slice(lineStart, this.trail)
      this.lastLineJoins =
        prevLine.trim() !== '' &&
        !/[.!?…:;]["'”’)\]]*\**$/.test(prevLine.trimEnd()) &&
        matchHeading(prevLine) === undefined &&
        // A line that is all bold or a Markdown heading is a heading, named or not ("**Why it mattered**").
        !/^\s*(?:#{1,6}\s+\S.*|(\*\*|__)[^*_\n]+\1:?)\s*$/.test(prevLine)
    }
    return this.lastLineJoins
  }
}

/** Start of the run of whitespace (JavaScript's `\s`, which `trimEnd` removes) that ends at `end`, not before `start`. */
function trailingSpaceStart(text: string, start: number, end: number): number {
  let i = end
  while (i > start && isJsSpace(text.charCodeAt(i - 1))) i--
  return i
}

/** `text` between `from` and `to` holds a blank line: "\n", spaces or tabs, "\n". */
function hasBlankLine(text: string, from: number, to: number): boolean {
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

/** Cheap pre-check: a heading's first word (after markup) is one of the heading words. */
function mayBeHeading(line: string): boolean {
  let i = 0
  while (i < line.length && ' \t#*_-•('.includes(line.charAt(i))) i++
  let j = i
  while (j < line.length) {
    const c = line.charCodeAt(j) | 32
    if (c < 97 || c > 122) break
    j++
  }
  const word = line.slice(i, j).toLowerCase()
  return HEADING_LEADS.has(word)
}

/** Mid-paragraph, only an unmistakable heading counts: a section word (or letter) followed by ":" or a dash. */
function inlineHeadingOk(line: string, length: number): boolean {
  const head = line.slice(0, length)
  return /[:\-–—]\**\s*$/.test(head) && /^\s*\S/.test(line.slice(length))
}

function atLineStart(text: string, at: number): boolean {
  let i = at - 1
  while (i >= 0 && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i--
  return i < 0 || text.charCodeAt(i) === 10 || text.charCodeAt(i) === 13
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

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 12 || code === 11 || code === 160
}

function shouldJoin(
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
  const trimmed = text.slice(Math.max(prevStart, last - 40), last + 1)
  // Only the last word matters; anchoring on it keeps this linear in the sentence length.
  const lastSpace = Math.max(trimmed.lastIndexOf(' '), trimmed.lastIndexOf('\n'), trimmed.lastIndexOf('('))
  const m = /([\p{L}][\p{L}.]*)\.$/u.exec(trimmed.slice(lastSpace + 1))
  if (m === null) return false
  const word = m[1]!.toLowerCase()
  const next = text.slice(nextStart, nextStart + 40).trimStart()
  if (next === '') return false
  if (ALWAYS_JOIN.has(word)) return true
  const startsLower = /^[\p{Ll}\d(,;:$%]/u.test(next)
  if (JOIN_IF_LOWER.has(word)) return startsLower
  // Single-letter initials inside names ("J. Smith") and dotted acronyms ("U.S.A.").
  if (/^(?:\p{L}\.)*\p{Lu}$/u.test(m[1]!) && m[1]!.length <= 3 && m[1]! !== 'I') return startsLower
  return false
}
