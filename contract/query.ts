// Query-string values, read strictly: each value the server accepts is written one way and means one thing.
// A lenient reader (Number, Date.parse) turns `0x10` into 16, an empty value into 0 and 2025-02-30 into March 2;
// here each of those is a 400 that names the parameter and says how to write it.

import { z } from 'zod'

/** A whole number in plain decimal digits, without sign, leading zeros, spaces, exponent or fraction. */
const PLAIN_DECIMAL = /^(0|[1-9]\d{0,14})$/

/** Whether text reads as a number to a lenient reader: hex, exponent, sign, spaces, leading zeros. */
const looksNumeric = (text: string) => text.trim() !== '' && Number.isFinite(Number(text))

/**
 * A whole number from `min` to `max`, given in plain decimal digits (`70`, never `070`, `+70`, `7e1` or `0x46`).
 * The input type also takes a number, which is what a caller building the query passes.
 */
export function wholeNumberParam(name: string, min: number, max: number) {
  const range = `${name} must be a whole number from ${min} to ${max}`
  // String() of an array of repeated values ("5,6") is not digits either, so it is refused with the same message.
  return z.coerce.string<string | number>({ error: range }).transform((text, ctx) => {
    if (text === '') {
      ctx.addIssue({
        code: 'custom',
        message: `${name} is empty; give a whole number from ${min} to ${max}, or leave it out`,
      })
      return z.NEVER
    }
    const value = Number(text)
    if (!PLAIN_DECIMAL.test(text)) {
      const canonical = Number.isSafeInteger(value) && value >= min && value <= max && looksNumeric(text)
      ctx.addIssue({
        code: 'custom',
        message: canonical ? `${range}, written in plain decimal digits: ${value}, not '${text}'` : range,
      })
      return z.NEVER
    }
    if (value < min || value > max) {
      ctx.addIssue({ code: 'custom', message: range })
      return z.NEVER
    }
    return value
  })
}

/** Text given once and not empty; `empty` says what to do instead of sending an empty value. */
export function textParam(name: string, empty: string) {
  return z
    .string({ error: `${name} must be given once, as text` })
    .min(1, { error: `${name} is empty; ${empty}` })
}

/** One of a fixed set of words, given once. */
export function choiceParam<const T extends readonly [string, ...string[]]>(name: string, choices: T) {
  const words = `${choices.slice(0, -1).join(', ')} or ${choices[choices.length - 1]}`
  return z.enum(choices, { error: `${name} must be ${words}` })
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:\d{2})$/
/** An offset whose `+` a query string turned into a space. */
const SPACE_FOR_PLUS = /T\d{2}:\d{2}(:\d{2}(\.\d+)?)? \d{2}:\d{2}$/
const NO_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/

const DAY_MS = 86_400_000
/** The first and last instants whose UTC form is an ordinary four-digit-year date (0000-01-01 to 9999-12-31). */
const FIRST_MS = -62_167_219_200_000
const LAST_MS = 253_402_300_799_999

/** The parts of a date or date-time as written; an absent time is midnight, an absent offset UTC. */
interface WrittenInstant {
  year: number
  month: number
  day: number
  hour: number
  minute: number
  second: number
  millisecond: number
  /** Minutes east of UTC; NaN for an offset out of range. */
  offset: number
  /** Whether only a date was written. */
  dateOnly: boolean
}

/** Splits a strictly written date (`2025-01-31`) or date-time with offset (`2025-01-31T09:30:00Z`); no checks of range. */
function writtenInstant(text: string): WrittenInstant | undefined {
  const date = DATE.exec(text)
  const m = date ?? DATE_TIME.exec(text)
  if (m === null) return undefined
  const zone = m[8] ?? 'Z'
  const [hours, minutes] = zone === 'Z' ? [0, 0] : [Number(zone.slice(1, 3)), Number(zone.slice(4))]
  // An offset past ±23:59 names no zone; NaN makes instantOf refuse it.
  const offset = hours > 23 || minutes > 59 ? Number.NaN : (zone[0] === '-' ? -1 : 1) * (hours * 60 + minutes)
  return {
    year: Number(m[1]),
    month: Number(m[2]),
    day: Number(m[3]),
    hour: Number(m[4] ?? 0),
    minute: Number(m[5] ?? 0),
    second: Number(m[6] ?? 0),
    millisecond: Number((m[7] ?? '0').padEnd(3, '0')),
    offset,
    dateOnly: date !== null,
  }
}

/**
 * The instant a written date-time names, in milliseconds since the epoch; undefined when a part is out of
 * range (month 13, February 30, 24:00, a leap second, an offset past ±23:59). Reading the time back and
 * comparing every part is what refuses a day that a lenient reader would roll over into the next month.
 */
function instantOf(w: WrittenInstant): number | undefined {
  if (Number.isNaN(w.offset)) return undefined
  // The parts as a UTC time; set one by one, since Date.UTC reads years 0–99 as 1900–1999.
  const back = new Date(0)
  back.setUTCFullYear(w.year, w.month - 1, w.day)
  back.setUTCHours(w.hour, w.minute, w.second, w.millisecond)
  if (
    back.getUTCFullYear() !== w.year ||
    back.getUTCMonth() !== w.month - 1 ||
    back.getUTCDate() !== w.day ||
    back.getUTCHours() !== w.hour ||
    back.getUTCMinutes() !== w.minute ||
    back.getUTCSeconds() !== w.second
  ) {
    return undefined
  }
  return back.getTime() - w.offset * 60_000
}

/**
 * A date (`YYYY-MM-DD`, UTC) or a date-time with its offset (`2025-01-31T09:30:00Z`, `…+01:00`), as milliseconds
 * since the epoch; `end` makes a bare date mean the last millisecond of that day. The day must exist.
 */
export function instantParam(name: string, end: boolean) {
  const like = `${name} must be a date like 2025-01-31 or a date-time like 2025-01-31T09:30:00Z`
  return z.string({ error: `${like}, given once` }).transform((text, ctx) => {
    const fail = (message: string) => {
      ctx.addIssue({ code: 'custom', message })
      return z.NEVER
    }
    if (text === '') return fail(`${name} is empty; give a date like 2025-01-31, or leave it out`)
    const written = writtenInstant(text)
    if (written === undefined) {
      if (SPACE_FOR_PLUS.test(text)) {
        return fail(
          `${like}; a + in a query string reads as a space, so write a + offset as %2B (e.g. %2B01:00)`,
        )
      }
      if (NO_OFFSET.test(text))
        return fail(`${like}; a date-time needs its offset: Z for UTC, or e.g. +01:00`)
      return fail(like)
    }
    const ms = instantOf(written)
    if (ms === undefined) return fail(`${name} is not a real date or time: ${text} does not exist`)
    // An offset can carry year 0000 or 9999 across the edge; such an instant has no four-digit UTC form.
    if (ms < FIRST_MS || ms > LAST_MS) {
      return fail(`${name} is out of range: ${text} falls outside the years 0000 to 9999 in UTC`)
    }
    return written.dateOnly && end ? ms + DAY_MS - 1 : ms
  })
}
