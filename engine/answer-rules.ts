// What makes an answer text acceptable for scoring and storing: one rule for the HTTP API and the command line.
// Pure and dependency-free, so that any boundary can import it.

/** The longest answer accepted, in UTF-16 code units (JavaScript string length). */
export const MAX_ANSWER_CHARACTERS = 20_000

/** C0 controls and DEL, except tab, line feed and carriage return, which answers legitimately contain. */
export const ANSWER_CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/
/** Half of a UTF-16 surrogate pair with no other half: not text, and SQLite would store it as U+FFFD. */
export const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/** 20000 → "20,000", without depending on the runtime's locale data. */
function groupThousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',')
}

/** The message for an answer longer than `maxChars`. */
export function answerTooLong(maxChars: number = MAX_ANSWER_CHARACTERS): string {
  return `answer is longer than the limit of ${groupThousands(maxChars)} characters; shorten it`
}

export const ANSWER_HAS_CONTROL_CHARACTERS =
  'answer contains control characters (such as NUL or escape); remove them, tabs and line breaks are fine'
export const ANSWER_HAS_LONE_SURROGATE =
  'answer contains a broken character (half of a UTF-16 surrogate pair); paste the text again'

/**
 * What is wrong with an answer text, in words for the person who sent it, or undefined when it is fine.
 * Checked in this order: length, control characters, broken surrogate pairs. Both of the latter would be
 * stored differently from what was scored (SQLite stops at NUL; a lone surrogate becomes U+FFFD), so the
 * stored answer would no longer match the report's offsets.
 */
export function answerProblem(text: string, maxChars: number = MAX_ANSWER_CHARACTERS): string | undefined {
  if (text.length > maxChars) return answerTooLong(maxChars)
  if (ANSWER_CONTROL_CHARACTER.test(text)) return ANSWER_HAS_CONTROL_CHARACTERS
  if (LONE_SURROGATE.test(text)) return ANSWER_HAS_LONE_SURROGATE
  return undefined
}
