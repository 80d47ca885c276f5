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
const BREAK = /[.!?…。！？؟]+["'”’)\]»]*[ \t\u00a0]+|[。！？]+[」』”）]*|\n/gu
const LOWER_START = /^\p{Ll}/u

/** Pieces of the text, each ending at a likely sentence boundary, with offsets; together they cover the text. */
function* segments(text: string): Generator<{ start: number; end: number }> {
  let start = 0
  BREAK.lastIndex = 0
  for (let m = BREAK.exec(text); m !== null; m = BREAK.exec(text)) {
    const end = m.index + m[0].length
    if (end >= text.length) break
    // "e.g. the", "3 p.m. on", "I waited… then": a period or ellipsis before a lower-case word ends nothing.
    const first = m[0].charCodeAt(0)
    if ((first === 46 || first === 8230) && LOWER_START.test(text.charAt(end))) continue
    yield { start, end }
    start = end
  }
  if (start < text.length) yield { start, end: text.length }
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
  for (const seg of segments(text)) {
    const start = seg.start
    const end = seg.end
    const prev = pieces[pieces.length - 1]
    if (prev !== undefined && shouldJoin(text, prev.start, prev.end, start)) {
      prev.end = end
    } else {
      pieces.push({ start, end })
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
 * A single line break inside a paragraph (hard-wrapped or pasted text) does not end a sentence when the
 * line before has no closing punctuation and neither line is a heading or a list item.
 */
function joinsAcrossLineBreak(text: string, prevStart: number, prevEnd: number, nextStart: number): boolean {
  const between = text.slice(prevStart, prevEnd)
  if (/\n[ \t]*\n\s*$/.test(between)) return false
  const prevLine = between.trimEnd().split('\n').pop() ?? ''
  if (prevLine.trim() === '' || /[.!?…:;]["'”’)\]]*\**$/.test(prevLine.trimEnd())) return false
  if (matchHeading(prevLine) !== undefined) return false
  // A line that is all bold or a Markdown heading is a heading, named or not ("**Why it mattered**").
  if (/^\s*(?:#{1,6}\s+\S.*|(\*\*|__)[^*_\n]+\1:?)\s*$/.test(prevLine)) return false
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

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 12 || code === 11 || code === 160
}

function shouldJoin(text: string, prevStart: number, prevEnd: number, nextStart: number): boolean {
  // Look at the piece's last characters before copying anything: most pieces end in ". " and no newline.
  let last = prevEnd - 1
  let newline = false
  while (last >= prevStart && isSpace(text.charCodeAt(last))) {
    if (text.charCodeAt(last) === 10) newline = true
    last--
  }
  if (newline) return joinsAcrossLineBreak(text, prevStart, prevEnd, nextStart)
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
