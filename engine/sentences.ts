// Sentences with UTF-16 offsets into the original answer: boundaries found in one linear scan, pieces joined
// after abbreviations such as "Dr." and across hard-wrapped lines (sentence-joins.ts), headings carried forward.

import { type HeadingSection, inlineHeadingOk, matchHeading, mayBeHeadingAt } from './headings'
import { hasBlankLine, isSpace, PieceTail, shouldJoin } from './sentence-joins'

/** A heading's section as a number in `SentenceSpans.heading` (0: none), and back. */
export const HEADING_CODES: readonly (HeadingSection | undefined)[] = [
  undefined,
  'situation',
  'task',
  'action',
  'result',
]
const CODE_OF: Record<HeadingSection, number> = { situation: 1, task: 2, action: 3, result: 4 }

/**
 * The sentences of an answer, column by column: sentence k runs from `start[k]` to `end[k]` (UTF-16 offsets
 * into the answer, trimmed); its own words begin at `bodyStart[k]`, after any heading prefix (at `end[k]` for
 * a sentence that is only a heading). One set of arrays for all sentences, not an object per sentence: a
 * long run of tiny sentences ("1. 2. 3.") makes thousands.
 */
interface SentenceSpans {
  count: number
  start: Int32Array
  end: Int32Array
  bodyStart: Int32Array
  /** A section named by an explicit heading at the start of the sentence or on the line above (HEADING_CODES). */
  heading: Uint8Array
  /** The whole sentence is only a heading ("Situation:", "**Result**"): 1, else 0. */
  headingOnly: Uint8Array
  /** The sentence starts a new paragraph (the text before it holds a blank line) or is first: 1, else 0. */
  paragraphStart: Uint8Array
}

// Sentence boundaries as Unicode's sentence rules (UAX #29) place them for prose: after terminal punctuation
// (with any closing quotes or brackets) and the spaces that follow, except a period before a lower-case word,
// after a CJK full stop even without a space, and after every line break. Intl.Segmenter gives the same pieces on the labelled corpus (186 of 188 answers
// identical; the two others differ at "e.g. \"…" and ".NET", which the abbreviation repair or the next rule
// settle alike), but its iteration costs several tokenizer passes and grows quadratically with input length.
// The breaks are those of /[.!?…。！？؟]+["'”’)\]»]*[ \t\u00a0]+|[。！？]+[」』”）]*|\n/gu, found by one scan: as a
// regular expression it retries every position of a run of punctuation with no space after it, which takes
// quadratic time ("......").
const LOWER_START = /^\p{Ll}/u

/** The code unit at `at` is a lower-case letter (`\p{Ll}`); ASCII without the pattern. */
function startsLower(text: string, at: number): boolean {
  const c = text.charCodeAt(at)
  if (c < 128) return c >= 97 && c <= 122
  return LOWER_START.test(text.charAt(at))
}

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

/** A line break or a terminal mark (`isTerminal`): where a boundary may be. */
const BREAK_CANDIDATE = /[\n.!?\u2026\u3002\uff01\uff1f\u061f]/g
/** A line break or a terminal mark, as BREAK_CANDIDATE matches. */
function isCandidate(c: number): boolean {
  return c === 10 || isTerminal(c)
}
/** How many characters the scan reads itself before it asks BREAK_CANDIDATE. */
const NEAR = 8

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

/**
 * End offsets written by `segments` and read by `splitSentences`: scratch space grown as needed and kept
 * between calls (splitting is synchronous and never re-entered), so a text of thousands of line breaks grows no
 * list of numbers one push at a time.
 */
let ENDS = new Int32Array(256)
/** The pieces of `splitSentences`, as pairs of offsets: the same kind of scratch space. */
let PIECES = new Int32Array(512)

/** The end offsets collected in ENDS by `segments` (a piece per boundary, so never more than the text's length + 1). */
interface Ends {
  count: number
}

/**
 * Pieces of the text, each ending at a likely sentence boundary, as their end offsets in order (in ENDS, their
 * number returned): each piece starts where the one before it ends (the first at 0), and together they cover
 * the text.
 */
function segments(text: string): number {
  const n = text.length
  if (ENDS.length < n + 1) ENDS = new Int32Array(Math.max(n + 1, ENDS.length * 2))
  const out: Ends = { count: 0 }
  let i = 0
  scan: while (i < n) {
    let c = text.charCodeAt(i)
    if (c !== 10 && !isTerminal(c)) {
      // The next line break or terminal mark: looked for here within a few characters (a run of "1. " or
      // "J. "), then by the pattern, which passes over longer prose several times faster than this loop.
      const near = Math.min(n, i + NEAR)
      i++
      while (i < near && !isCandidate(text.charCodeAt(i))) i++
      if (i === near) {
        BREAK_CANDIDATE.lastIndex = i
        if (!BREAK_CANDIDATE.test(text)) break
        i = BREAK_CANDIDATE.lastIndex - 1
      }
      c = text.charCodeAt(i)
    }
    if (c === 10) {
      if (!breakAt(text, i, i + 1, out)) break
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
      if (!breakAt(text, i, space, out)) break
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
      if (!breakAt(text, at, j, out)) break scan
    }
    i = j
  }
  if ((out.count === 0 ? 0 : ENDS[out.count - 1]!) < n) ENDS[out.count++] = n
  return out.count
}

/**
 * A break [at, end) for `segments`, pushed onto `out`: a period or ellipsis before a lower-case word ("e.g. the",
 * "3 p.m. on", "I waited… then") ends nothing. False at the very end of the text, which leaves the last piece
 * to run to the end (and stops the scan).
 */
function breakAt(text: string, at: number, end: number, out: Ends): boolean {
  if (end >= text.length) return false
  const first = text.charCodeAt(at)
  if ((first === 46 || first === 8230) && startsLower(text, end)) return true
  ENDS[out.count++] = end
  return true
}

function isBreakSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 160
}
/** A line that asks the question of an interview written out as a dialogue: "Q:", "Question:", "Interviewer:". */
const DIALOGUE = /(?:^|\n)[ \t]*(?:\*\*|__)?(?:Q|Question|Interviewer)(?:\*\*|__)?[ \t]*:/i
/** The tag that opens the candidate's turn in such a dialogue: "A:", "Answer:", "Me:", "Candidate:". */
const ANSWER_TAG = /^[ \t]*(?:\*\*|__)?(?:A|Answer|Me|Candidate|Interviewee)(?:\*\*|__)?[ \t]*:[ \t]*/i

/**
 * Splits the answer into sentences with offsets into the original string. Sentences never overlap and
 * appear in order; whitespace between them belongs to none.
 */
export function splitSentences(text: string): SentenceSpans {
  // 1. Find candidate boundaries, then join pieces that were split after an abbreviation.
  // Pieces as flat pairs of offsets: piece k runs from pieces[2k] to pieces[2k + 1], for 2k below `length`.
  const ends = segments(text)
  if (PIECES.length < 2 * ends) PIECES = new Int32Array(Math.max(2 * ends, PIECES.length * 2))
  const pieces = PIECES
  let length = 0
  const tail = new PieceTail(text)
  let segStart = 0
  for (let e = 0; e < ends; e++) {
    const segEnd = ENDS[e]!
    const last = length - 2
    if (last >= 0 && shouldJoin(text, pieces[last]!, pieces[last + 1]!, segStart, tail)) {
      pieces[last + 1] = segEnd
      tail.extend(segStart, segEnd)
    } else {
      pieces[length++] = segStart
      pieces[length++] = segEnd
      tail.reset(segStart, segEnd)
    }
    segStart = segEnd
  }

  // 2. Trim, split off standalone heading lines, and carry headings forward.
  const capacity = length / 2
  const out: SentenceSpans = {
    count: 0,
    start: new Int32Array(capacity),
    end: new Int32Array(capacity),
    bodyStart: new Int32Array(capacity),
    heading: new Uint8Array(capacity),
    headingOnly: new Uint8Array(capacity),
    paragraphStart: new Uint8Array(capacity),
  }
  let count = 0
  let blankBefore = true
  // An interview written out as a dialogue ("Q: Tell me about…" then "A: Right, so…"): "A:" there tags the answer,
  // it names no Action, and the answer's own sentences are labelled as any others.
  const dialogue = DIALOGUE.test(text)
  for (let k = 0; k < length; k += 2) {
    const pieceStart = pieces[k]!
    const pieceEnd = pieces[k + 1]!
    let start = pieceStart
    let end = pieceEnd
    while (start < end && isSpace(text.charCodeAt(start))) start++
    while (end > start && isSpace(text.charCodeAt(end - 1))) end--
    if (start === end) {
      if (endsOrHoldsBlankLine(text, pieceStart, pieceEnd)) blankBefore = true
      continue
    }
    const paragraphStart = blankBefore || count === 0
    const lineStart = atLineStart(text, start)
    let heading: HeadingSection | undefined
    let bodyStart = start
    // Headings open a line or, written inline ("… done. Result: it worked"), a sentence.
    // A heading sits in the first few characters; look no further, or long paragraphs cost quadratic time.
    // The line is copied only when its first word may start a heading.
    // The pre-check reads markup and letters only, which end before any line break: the line's end is looked
    // for only once the check passes.
    const probeEnd = Math.min(end, start + 120)
    const tag = dialogue && lineStart ? ANSWER_TAG.exec(text.slice(start, probeEnd)) : null
    if (tag !== null) bodyStart = start + tag[0].length
    else if (mayBeHeadingAt(text, start, probeEnd)) {
      let lineEnd = start
      while (lineEnd < probeEnd && text.charCodeAt(lineEnd) !== 10) lineEnd++
      const line = text.slice(start, lineEnd)
      const h = matchHeading(line)
      if (h !== undefined && (lineStart || inlineHeadingOk(line, h.length))) {
        heading = h.section
        bodyStart = start + h.length
      }
    }
    const headingOnly = heading !== undefined && text.slice(bodyStart, end).trim() === ''
    out.start[count] = start
    out.end[count] = end
    out.bodyStart[count] = headingOnly ? end : bodyStart
    out.heading[count] = heading === undefined ? 0 : CODE_OF[heading]
    out.headingOnly[count] = headingOnly ? 1 : 0
    out.paragraphStart[count] = paragraphStart ? 1 : 0
    count++
    blankBefore = end < pieceEnd && hasBlankLine(text, end, pieceEnd)
  }
  out.count = count
  return out
}

/**
 * `/\n[ \t]*\n|\n[ \t]*$/` on `text.slice(from, to)`, read in place: a line break followed, after spaces or tabs,
 * by another line break or by the end.
 */
function endsOrHoldsBlankLine(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    if (text.charCodeAt(i) !== 10) continue
    let j = i + 1
    while (j < to && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9)) j++
    if (j === to || text.charCodeAt(j) === 10) return true
    i = j - 1
  }
  return false
}

function atLineStart(text: string, at: number): boolean {
  let i = at - 1
  while (i >= 0 && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i--
  return i < 0 || text.charCodeAt(i) === 10 || text.charCodeAt(i) === 13
}
