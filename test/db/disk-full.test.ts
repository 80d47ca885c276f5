// A full disk is one error to the server (507), whichever database found it.

import { describe, expect, it } from 'vitest'
import { isDiskFull } from '../../db/status'

describe('isDiskFull', () => {
  it("recognises SQLite's SQLITE_FULL and PostgreSQL's disk_full (53100), and nothing else", () => {
    expect(isDiskFull(Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' }))).toBe(
      true,
    )
    expect(isDiskFull(Object.assign(new Error('could not extend file'), { code: '53100' }))).toBe(true)
    expect(isDiskFull(Object.assign(new Error('duplicate key'), { code: '23505' }))).toBe(false)
    expect(isDiskFull(new Error('no code'))).toBe(false)
    expect(isDiskFull(undefined)).toBe(false)
    expect(isDiskFull('SQLITE_FULL')).toBe(false)
  })
})
