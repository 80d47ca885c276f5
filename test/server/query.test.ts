// Query strings are read strictly: every value the server accepts round-trips to the same meaning, and every
// value it refuses is a 400 naming the parameter in `field`, for every query parameter of every route.

import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { z } from 'zod'
import { exportQuery, listAttemptsQuery } from '../../contract/attempts'
import { trendsQuery } from '../../contract/progress'
import { promptsQuery } from '../../contract/rubrics'
import { startApp, type TestApp } from './helpers'

type Kind =
  | { kind: 'text' }
  | { kind: 'whole'; min: number; max: number }
  | { kind: 'choice'; choices: readonly string[] }
  | { kind: 'instant'; end: boolean }

const FILTERS: Record<string, Kind> = {
  promptId: { kind: 'text' },
  rubricId: { kind: 'text' },
  tag: { kind: 'text' },
  from: { kind: 'instant', end: false },
  to: { kind: 'instant', end: true },
  minScore: { kind: 'whole', min: 0, max: 100 },
  maxScore: { kind: 'whole', min: 0, max: 100 },
}

const ROUTES: { url: string; schema: z.ZodType; params: Record<string, Kind> }[] = [
  {
    url: '/api/attempts',
    schema: listAttemptsQuery,
    params: {
      ...FILTERS,
      limit: { kind: 'whole', min: 1, max: 100 },
      sort: { kind: 'choice', choices: ['createdAt', 'score'] },
      order: { kind: 'choice', choices: ['asc', 'desc'] },
      cursor: { kind: 'text' },
    },
  },
  {
    url: '/api/attempts/export',
    schema: exportQuery,
    params: { ...FILTERS, format: { kind: 'choice', choices: ['json', 'csv', 'md'] } },
  },
  {
    url: '/api/trends',
    schema: trendsQuery,
    params: { ...FILTERS, interval: { kind: 'choice', choices: ['day', 'week'] } },
  },
  {
    url: '/api/prompts',
    schema: promptsQuery,
    params: { tag: { kind: 'text' }, rubricId: { kind: 'text' }, q: { kind: 'text' } },
  },
]

// ---------- values a caller might send, well and badly written

const pad = (n: number, width: number) => String(n).padStart(width, '0')

const numberText = fc.oneof(
  fc.integer({ min: -150, max: 150 }).map(String),
  fc
    .tuple(
      fc.integer({ min: 0, max: 150 }),
      fc.constantFrom<(n: number) => string>(
        (n) => `0x${n.toString(16)}`,
        (n) => `0X${n.toString(16)}`,
        (n) => `0b${n.toString(2)}`,
        (n) => `0o${n.toString(8)}`,
        (n) => `${n}.0`,
        (n) => `${n}.`,
        (n) => `+${n}`,
        (n) => ` ${n}`,
        (n) => `${n} `,
        (n) => `0${n}`,
        (n) => `00${n}`,
        (n) => `${n}e0`,
        (n) => `${n / 10}e1`,
        (n) => `${n}n`,
        (n) => `${n}_0`,
        (n) => `${n},${n}`,
      ),
    )
    .map(([n, write]) => write(n)),
  fc.constantFrom('', ' ', '-0', 'NaN', 'Infinity', '1e2', '.5', '٥', '５', '10\n', '\t7'),
  fc.stringMatching(/^[-+0-9.eExXbo ]{0,5}$/),
  fc.string({ maxLength: 8 }),
)

const zone = fc.oneof(
  fc.constantFrom('Z', 'z', '', ' 01:00', '+0100', '+01', 'UTC', '+00:00', '-00:00'),
  fc
    .tuple(fc.constantFrom('+', '-'), fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 61 }))
    .map(([sign, h, m]) => `${sign}${pad(h, 2)}:${pad(m, 2)}`),
)

/** Dates and date-times near the accepted form: every part may be out of range or written at another width. */
const writtenDate = fc
  .record({
    year: fc.integer({ min: 0, max: 9999 }),
    month: fc.integer({ min: 0, max: 13 }),
    day: fc.integer({ min: 0, max: 32 }),
    hour: fc.integer({ min: 0, max: 25 }),
    minute: fc.integer({ min: 0, max: 61 }),
    second: fc.integer({ min: 0, max: 61 }),
    fraction: fc.stringMatching(/^\d{0,4}$/),
    width: fc.constantFrom(2, 2, 2, 1, 3),
    shape: fc.constantFrom('date', 'minutes', 'seconds', 'fraction', 'space'),
    zone,
  })
  .map((p) => {
    const date = `${pad(p.year, 4)}-${pad(p.month, p.width)}-${pad(p.day, 2)}`
    const sep = p.shape === 'space' ? ' ' : 'T'
    switch (p.shape) {
      case 'date':
        return date
      case 'minutes':
        return `${date}${sep}${pad(p.hour, 2)}:${pad(p.minute, 2)}${p.zone}`
      case 'fraction':
        return `${date}T${pad(p.hour, 2)}:${pad(p.minute, 2)}:${pad(p.second, 2)}.${p.fraction}${p.zone}`
      default:
        return `${date}${sep}${pad(p.hour, 2)}:${pad(p.minute, 2)}:${pad(p.second, 2)}${p.zone}`
    }
  })

const dateText = fc.oneof(
  { weight: 6, arbitrary: writtenDate },
  {
    weight: 1,
    arbitrary: fc
      .date({
        min: new Date('0000-01-01T00:00:00Z'),
        max: new Date('9999-12-31T23:59:59Z'),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString()),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '',
      '2025-02-30',
      '2025-02-29',
      '2024-02-29',
      '2025-04-31',
      '2025-13-01',
      '2025-00-10',
      '2025-01-31T24:00:00Z',
      '2025-01-31T23:59:60Z',
      '2025-01-31T09:30:00',
      'March 7, 2025',
      '2025',
      '2025-03',
      '20250105',
      '+002025-01-05',
      '2025-01-05T10:00:00.123456Z',
      'yesterday',
    ),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
)

const textValue = fc.oneof(
  fc.constant(''),
  fc.string({ maxLength: 12 }),
  fc.string({ minLength: 190, maxLength: 210 }),
)

function valuesFor(k: Kind): fc.Arbitrary<string> {
  switch (k.kind) {
    case 'whole':
      return numberText
    case 'instant':
      return dateText
    case 'choice':
      return fc.oneof(fc.constantFrom(...k.choices, ''), fc.string({ maxLength: 8 }))
    default:
      return textValue
  }
}

// ---------- what an accepted value must mean

const DAY_MS = 86_400_000

/** The ISO text of what the server read, shifted back to the offset the caller wrote. */
function readBack(ms: number, text: string): string {
  const offset = /([+-])(\d{2}):(\d{2})$/.exec(text)
  const minutes =
    offset === null ? 0 : (offset[1] === '-' ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3]))
  return new Date(ms + minutes * 60_000).toISOString()
}

/** Asserts that an accepted value means what it says, and that its plain written form reads back the same. */
function expectSameMeaning(k: Kind, text: string, value: unknown, reparse: (text: string) => unknown): void {
  expect(text).not.toBe('')
  switch (k.kind) {
    case 'text':
      expect(value).toBe(text)
      return
    case 'choice':
      expect(k.choices).toContain(text)
      expect(value).toBe(text)
      return
    case 'whole':
      // Exactly one way to write each number: the value read back is the text sent.
      expect(typeof value).toBe('number')
      expect(String(value)).toBe(text)
      expect(value as number).toBeGreaterThanOrEqual(k.min)
      expect(value as number).toBeLessThanOrEqual(k.max)
      return
    case 'instant': {
      const ms = value as number
      const dateOnly = text.length === 10
      const start = dateOnly && k.end ? ms - (DAY_MS - 1) : ms
      const iso = readBack(start, text)
      if (dateOnly) {
        // The very day written: not one a lenient reader rolled over into the next month.
        expect(iso).toBe(`${text}T00:00:00.000Z`)
      } else {
        const [, wall] =
          /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?)(?:Z|[+-]\d{2}:\d{2})$/.exec(text) ?? []
        expect(wall, `${text} is not a date-time with an offset`).toBeDefined()
        const [date, time] = wall!.split('T') as [string, string]
        const [hm, fraction = '0'] = time.split('.')
        const written = `${date}T${hm!.length === 5 ? `${hm}:00` : hm}.${fraction.padEnd(3, '0')}Z`
        expect(iso).toBe(written)
      }
      // The canonical form (the date, or the UTC date-time) is accepted and means the same instant.
      expect(reparse(dateOnly ? text : new Date(ms).toISOString())).toBe(ms)
      return
    }
  }
}

describe('every query parameter of every route: accepted values round-trip to the same meaning', () => {
  for (const route of ROUTES) {
    for (const [name, kind] of Object.entries(route.params)) {
      test(`${route.url} ${name}`, () => {
        const parse = (text: string) => {
          const result = route.schema.safeParse({ [name]: text })
          return result.success ? (result.data as Record<string, unknown>)[name] : undefined
        }
        fc.assert(
          fc.property(valuesFor(kind), (text) => {
            const result = route.schema.safeParse({ [name]: text })
            if (result.success) {
              expectSameMeaning(kind, text, (result.data as Record<string, unknown>)[name], parse)
            } else {
              // Refused: every issue is about this parameter and says which one.
              for (const issue of result.error.issues) {
                expect(issue.path).toEqual([name])
                expect(issue.message).toContain(name)
              }
            }
          }),
          { numRuns: 400 },
        )
      })
    }
  }
})

describe('over HTTP', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await startApp()
  })
  afterAll(async () => t.close())

  const get = (url: string) => t.app.inject(url)

  test('the lenient readings reported: an impossible day, an empty value, hex, exponent and leading zeros', async () => {
    const cases: [query: string, field: string, message: string][] = [
      ['from=2025-02-30', 'from', 'from is not a real date or time: 2025-02-30 does not exist'],
      ['to=2025-04-31', 'to', 'to is not a real date or time: 2025-04-31 does not exist'],
      [
        'from=2025-01-31T24:00:00Z',
        'from',
        'from is not a real date or time: 2025-01-31T24:00:00Z does not exist',
      ],
      [
        'from=0000-01-01T00:00:00%2B01:00',
        'from',
        'from is out of range: 0000-01-01T00:00:00+01:00 falls outside the years 0000 to 9999 in UTC',
      ],
      [
        'to=9999-12-31T23:30:00-01:00',
        'to',
        'to is out of range: 9999-12-31T23:30:00-01:00 falls outside the years 0000 to 9999 in UTC',
      ],
      ['minScore=', 'minScore', 'minScore is empty; give a whole number from 0 to 100, or leave it out'],
      [
        'minScore=0x10',
        'minScore',
        "minScore must be a whole number from 0 to 100, written in plain decimal digits: 16, not '0x10'",
      ],
      [
        'limit=1e1',
        'limit',
        "limit must be a whole number from 1 to 100, written in plain decimal digits: 10, not '1e1'",
      ],
      [
        'maxScore=070',
        'maxScore',
        "maxScore must be a whole number from 0 to 100, written in plain decimal digits: 70, not '070'",
      ],
      ['from=', 'from', 'from is empty; give a date like 2025-01-31, or leave it out'],
      ['tag=', 'tag', 'tag is empty; leave it out to include every area'],
      ['cursor=', 'cursor', 'cursor is empty; leave it out to start from the first page'],
      ['sort=', 'sort', 'sort must be createdAt or score'],
      [
        'from=2025-01-31T09:30:00',
        'from',
        'from must be a date like 2025-01-31 or a date-time like 2025-01-31T09:30:00Z; a date-time needs its offset: Z for UTC, or e.g. +01:00',
      ],
      [
        // An unencoded + arrives as a space.
        'from=2025-01-31T09:30:00+01:00',
        'from',
        'from must be a date like 2025-01-31 or a date-time like 2025-01-31T09:30:00Z; a + in a query string reads as a space, so write a + offset as %2B (e.g. %2B01:00)',
      ],
    ]
    for (const [query, field, message] of cases) {
      const res = await get(`/api/attempts?${query}`)
      expect(res.statusCode, query).toBe(400)
      expect(res.json(), query).toMatchObject({ field, message })
    }
    expect((await get('/api/trends?minScore=')).json().field).toBe('minScore')
    expect((await get('/api/attempts/export?to=2025-02-29')).json().field).toBe('to')
    expect((await get('/api/prompts?q=')).json().field).toBe('q')
  })

  test('well-written values are still read as before', async () => {
    for (const query of [
      'from=2024-02-29&to=2024-03-01',
      'from=2025-01-31T09:30:00Z',
      'from=2025-01-31T09:30Z',
      'from=2025-01-31T09:30:00.5%2B01:00',
      'minScore=0&maxScore=100&limit=100',
      'tag=conflict&sort=score&order=asc',
    ]) {
      expect((await get(`/api/attempts?${query}`)).statusCode, query).toBe(200)
    }
  })

  for (const route of ROUTES) {
    test(`${route.url}: any refused value is a 400 naming its parameter`, async () => {
      await fc.assert(
        fc.asyncProperty(
          fc
            .constantFrom(...Object.entries(route.params))
            .chain(([name, kind]) => valuesFor(kind).map((text) => [name, text] as const)),
          async ([name, text]) => {
            const res = await get(`${route.url}?${name}=${encodeURIComponent(text)}`)
            const accepted = route.schema.safeParse({ [name]: text }).success
            if (res.statusCode === 400) {
              expect(res.json().field).toBe(name)
              expect(res.json().message).toContain(name)
            } else {
              expect(res.statusCode).toBe(200)
              expect(accepted).toBe(true)
            }
            // A value the schema refuses is never answered 200.
            if (!accepted) expect(res.statusCode).toBe(400)
          },
        ),
        { numRuns: 150 },
      )
    })
  }
})
