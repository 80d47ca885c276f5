// Team mode's queries on both dialects: accounts and roles, the first admin adopting a local database's rows,
// ownership checks, cohorts and their members, invites, and what a cohort's instructors see of its candidates.

import { sql } from 'drizzle-orm'
import pg from 'pg'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import type { Db } from '../../db/client'
import type { PgDb } from '../../db/postgres/client'
import * as pgSchema from '../../db/postgres/schema'
import { postgresStore } from '../../db/postgres/store'
import * as sqliteSchema from '../../db/schema'
import type { Store } from '../../db/store'
import type { Role } from '../../db/team'
import { databaseUrl, freshPostgresUrl, onPostgres, POSTGRES_URL_VARIABLE } from '../support/postgres'
import { openTestStore } from '../support/store'
import { MON, report, sameScoreEveryArea } from './helpers'
import { rowsOf, runOn } from './store-helpers'

interface NewUser {
  id: string
  name: string
  role: Role
  createdAt: number
}

/** Adds an account the way better-auth stores one (the queries under test only read it). */
async function addUser(store: Store, user: NewUser): Promise<void> {
  const row = {
    id: user.id,
    name: user.name,
    email: `${user.id}@example.test`,
    role: user.role,
    createdAt: new Date(user.createdAt),
    updatedAt: new Date(user.createdAt),
  }
  const { db } = store as Store & { db: Db | PgDb }
  if (store.dialect === 'postgres') await (db as PgDb).insert(pgSchema.users).values(row)
  else (db as Db).insert(sqliteSchema.users).values(row).run()
}

/** Stores an attempt at `createdAt` scoring `score`, owned by `ownerId`, with the same score in each of `areas`. */
async function addAttempt(
  store: Store,
  ownerId: string | null,
  score: number,
  createdAt: number,
  areas: string[] = ['ownership'],
): Promise<number> {
  const r = report(score, areas[0])
  return await store.insertAttempt({
    promptId: `${areas[0]}-prompt`,
    answer: `answer of ${ownerId ?? 'no one'} scoring ${score}`,
    tags: areas,
    report: r,
    areaScores: sameScoreEveryArea(r, areas),
    createdAt,
    ownerId,
  })
}

const LOOP = { seed: 's', principles: [], createdAt: MON, questions: [] }
const STORY = { title: 'Billing export rescue', text: 'Told in full.', fit: '[]', rubricsKey: 'k' }

let store: Store
beforeEach(async () => {
  store = await openTestStore()
})
afterEach(async () => {
  await store.close()
})

describe('accounts', () => {
  test('are counted, listed oldest first (ties by id, bytewise) and given roles', async () => {
    expect(await store.countUsers()).toBe(0)
    await addUser(store, { id: 'a2', name: 'Ann', role: 'candidate', createdAt: MON + 5 })
    await addUser(store, { id: 'Z1', name: 'Zed', role: 'instructor', createdAt: MON + 5 })
    await addUser(store, { id: 'm', name: 'Mo', role: 'admin', createdAt: MON })
    expect(await store.countUsers()).toBe(3)
    expect(await store.listUsers()).toEqual([
      { id: 'm', name: 'Mo', email: 'm@example.test', role: 'admin', createdAt: MON },
      { id: 'Z1', name: 'Zed', email: 'Z1@example.test', role: 'instructor', createdAt: MON + 5 },
      { id: 'a2', name: 'Ann', email: 'a2@example.test', role: 'candidate', createdAt: MON + 5 },
    ])
    expect(await store.setUserRole('a2', 'instructor')).toBe(true)
    expect(await store.setUserRole('nobody', 'admin')).toBe(false)
    expect((await store.listUsers()).map((u) => [u.id, u.role])).toEqual([
      ['m', 'admin'],
      ['Z1', 'instructor'],
      ['a2', 'instructor'],
    ])
  })
})

describe('adopting ownerless rows', () => {
  test('gives every ownerless attempt, story and loop to the first admin, once', async () => {
    const attempt = await addAttempt(store, null, 40, MON)
    const story = await store.insertStory(STORY, MON)
    const loop = await store.insertLoop(LOOP)
    // Before any admin exists, nothing changes hands.
    await addUser(store, { id: 'cand', name: 'Cand', role: 'candidate', createdAt: MON })
    expect(await store.adoptOwnerlessRows()).toBe(0)
    expect(await store.ownsRow('attempt', attempt, 'cand')).toBe(false)
    // The earliest admin takes them, not a later one; a row with an owner keeps it.
    await addUser(store, { id: 'late', name: 'Late', role: 'admin', createdAt: MON + 10 })
    await addUser(store, { id: 'first', name: 'First', role: 'admin', createdAt: MON + 1 })
    const owned = await addAttempt(store, 'cand', 50, MON + 1)
    expect(await store.adoptOwnerlessRows()).toBe(3)
    expect(await store.ownsRow('attempt', attempt, 'first')).toBe(true)
    expect(await store.ownsRow('story', story, 'first')).toBe(true)
    expect(await store.ownsRow('loop', loop, 'first')).toBe(true)
    expect(await store.ownsRow('attempt', attempt, 'late')).toBe(false)
    expect(await store.ownsRow('attempt', owned, 'cand')).toBe(true)
    expect(await store.ownsRow('attempt', owned, 'first')).toBe(false)
    // Once given, they stay: a second call adopts nothing.
    expect(await store.adoptOwnerlessRows()).toBe(0)
    expect(await store.listStories('first')).toHaveLength(1)
    expect(await store.listLoops({ limit: 10, ownerId: 'first' })).toHaveLength(1)
    // No such row is owned by anyone.
    expect(await store.ownsRow('story', story + 99, 'first')).toBe(false)
  })
})

describe('cohorts', () => {
  beforeEach(async () => {
    await addUser(store, { id: 'teach', name: 'Tess', role: 'instructor', createdAt: MON })
    await addUser(store, { id: 'cara', name: 'Cara', role: 'candidate', createdAt: MON + 1 })
    await addUser(store, { id: 'dan', name: 'Dan', role: 'candidate', createdAt: MON + 2 })
    await addUser(store, { id: 'boss', name: 'Ada', role: 'admin', createdAt: MON - 1 })
  })

  test('are created with their creator as instructor, and known by id', async () => {
    const id = await store.createCohort('Spring bootcamp', 'teach', MON)
    expect(await store.cohortExists(id)).toBe(true)
    expect(await store.cohortName(id)).toBe('Spring bootcamp')
    expect(await store.membership(id, 'teach')).toBe('instructor')
    expect(await store.membership(id, 'cara')).toBeUndefined()
    expect(await store.cohortExists(id + 1)).toBe(false)
    expect(await store.cohortName(id + 1)).toBeUndefined()
    expect(await store.cohortMembersOf(id)).toEqual([
      { id: 'teach', name: 'Tess', role: 'instructor', shareAnswers: false, joinedAt: MON },
    ])
  })

  test('a member keeps the role it has when it joins again', async () => {
    const id = await store.createCohort('Spring', 'teach', MON)
    expect(await store.joinCohort(id, 'cara', 'candidate', MON + 1)).toBe('candidate')
    expect(await store.joinCohort(id, 'cara', 'instructor', MON + 2)).toBe('candidate')
    expect(await store.joinCohort(id, 'teach', 'candidate', MON + 3)).toBe('instructor')
    expect(await store.cohortMembersOf(id)).toEqual([
      { id: 'cara', name: 'Cara', role: 'candidate', shareAnswers: false, joinedAt: MON + 1 },
      { id: 'teach', name: 'Tess', role: 'instructor', shareAnswers: false, joinedAt: MON },
    ])
  })

  test('a member of two cohorts has a role in each, and each lists its members', async () => {
    const spring = await store.createCohort('Spring', 'teach', MON)
    const autumn = await store.createCohort('Autumn', 'dan', MON + 1)
    await store.joinCohort(spring, 'cara', 'candidate', MON + 2)
    await store.joinCohort(autumn, 'cara', 'candidate', MON + 3)
    await store.joinCohort(autumn, 'teach', 'candidate', MON + 4)
    expect(await store.listCohorts('cara')).toEqual([
      { id: autumn, name: 'Autumn', role: 'candidate', members: 3, createdAt: MON + 1 },
      { id: spring, name: 'Spring', role: 'candidate', members: 2, createdAt: MON },
    ])
    expect((await store.listCohorts('teach')).map((c) => [c.name, c.role])).toEqual([
      ['Autumn', 'candidate'],
      ['Spring', 'instructor'],
    ])
    expect(await store.membership(autumn, 'dan')).toBe('instructor')
    expect(await store.membership(spring, 'dan')).toBeUndefined()
    expect((await store.cohortMembersOf(autumn)).map((m) => [m.id, m.role])).toEqual([
      ['cara', 'candidate'],
      ['dan', 'instructor'],
      ['teach', 'candidate'],
    ])
    // Sharing with one cohort is not sharing with the other.
    expect(await store.setCohortSharing(autumn, 'cara', true)).toBe(true)
    expect((await store.cohortMembersOf(autumn)).find((m) => m.id === 'cara')?.shareAnswers).toBe(true)
    expect((await store.cohortMembersOf(spring)).find((m) => m.id === 'cara')?.shareAnswers).toBe(false)
    expect(await store.setCohortSharing(spring, 'dan', true)).toBe(false)
  })

  test('are listed by name, bytewise, then by id; an admin sees every cohort', async () => {
    const beta = await store.createCohort('beta', 'teach', MON)
    const lower = await store.createCohort('alpha', 'teach', MON + 1)
    const upper = await store.createCohort('Alpha', 'teach', MON + 2)
    const again = await store.createCohort('alpha', 'teach', MON + 3)
    const other = await store.createCohort('Zulu', 'dan', MON + 4)
    expect((await store.listCohorts('teach')).map((c) => c.id)).toEqual([upper, lower, again, beta])
    expect(await store.listCohorts('boss')).toEqual([])
    const everything = await store.listCohorts('boss', true)
    expect(everything.map((c) => c.id)).toEqual([upper, other, lower, again, beta])
    // The admin is in none of them: listed as an instructor would be, with each cohort's member count.
    expect(everything.map((c) => [c.role, c.members])).toEqual([
      ['instructor', 1],
      ['instructor', 1],
      ['instructor', 1],
      ['instructor', 1],
      ['instructor', 1],
    ])
    expect(everything[0]!.members).toBeTypeOf('number')
  })

  test('an invite is usable until it expires or is revoked; revoking twice keeps the first time', async () => {
    const id = await store.createCohort('Spring', 'teach', MON)
    const other = await store.createCohort('Autumn', 'teach', MON)
    const invite = await store.createInvite(id, 'hash-1', 'teach', MON + 1, MON + 1000)
    await store.createInvite(id, 'hash-2', 'teach', MON + 1, MON + 1000)
    expect(await store.findUsableInvite('hash-1', MON + 5)).toEqual({ id: invite, cohortId: id })
    expect(await store.findUsableInvite('hash-unknown', MON + 5)).toBeUndefined()
    // Another cohort's id, or no such invite, revokes nothing.
    expect(await store.revokeInvite(other, invite, MON + 2)).toBe(false)
    expect(await store.revokeInvite(id, invite + 99, MON + 2)).toBe(false)
    expect(await store.findUsableInvite('hash-1', MON + 5)).toEqual({ id: invite, cohortId: id })
    expect(await store.revokeInvite(id, invite, MON + 3)).toBe(true)
    expect(await store.findUsableInvite('hash-1', MON + 5)).toBeUndefined()
    expect(await store.revokeInvite(id, invite, MON + 4)).toBe(true)
    const revoked = await rowsOf<{ at: number }>(
      store,
      sql`SELECT revoked_at AS at FROM cohort_invites WHERE id = ${invite}`,
    )
    expect(revoked.map((r) => Number(r.at))).toEqual([MON + 3])
    // The cohort's other invite still works.
    expect(await store.findUsableInvite('hash-2', MON + 5)).toMatchObject({ cohortId: id })
    // ... until its expiry: the last moment before it works, the moment itself does not.
    expect(await store.findUsableInvite('hash-2', MON + 999)).toMatchObject({ cohortId: id })
    expect(await store.findUsableInvite('hash-2', MON + 1000)).toBeUndefined()
    // An invite made before invites expired (no expiry stored) keeps working.
    await store.createInvite(other, 'hash-3', 'teach', MON + 1, MON + 1000)
    await runOn(store, sql`UPDATE cohort_invites SET expires_at = NULL WHERE token_hash = 'hash-3'`)
    expect(await store.findUsableInvite('hash-3', MON + 10_000_000)).toMatchObject({ cohortId: other })
  })

  test("progress and coverage read only the cohort's candidates, and answers only where shared", async () => {
    const spring = await store.createCohort('Spring', 'teach', MON)
    const autumn = await store.createCohort('Autumn', 'teach', MON)
    await store.joinCohort(spring, 'cara', 'candidate', MON)
    await store.joinCohort(autumn, 'dan', 'candidate', MON)
    const cara1 = await addAttempt(store, 'cara', 40, MON + 10, ['ownership', 'dive-deep'])
    const cara2 = await addAttempt(store, 'cara', 70, MON + 20, ['ownership'])
    await addAttempt(store, 'dan', 90, MON + 30)
    await addAttempt(store, 'teach', 95, MON + 40)
    await addAttempt(store, null, 99, MON + 50)
    await addAttempt(store, 'boss', 99, MON + 60)

    const progress = await store.cohortAttempts(spring)
    expect(progress.map((a) => [a.id, a.ownerId, a.score, a.answer])).toEqual([
      [cara2, 'cara', 70, null],
      [cara1, 'cara', 40, null],
    ])
    expect(progress[1]).toEqual({
      id: cara1,
      ownerId: 'cara',
      promptId: 'ownership-prompt',
      rubricId: 'ownership',
      score: 40,
      bandLabel: 'Needs work',
      createdAt: MON + 10,
      answer: null,
      criteria: [
        { id: 'measurable-result', score: 0, max: 10, status: 'missed' },
        { id: 'star-structure', score: 8, max: 20, status: 'partial' },
      ],
    })
    expect((await store.cohortAttempts(spring, MON + 15)).map((a) => a.id)).toEqual([cara2])
    expect((await store.cohortAttempts(autumn)).map((a) => a.ownerId)).toEqual(['dan'])

    // One attempt shared by its owner (not by anyone else), then every answer shared with the cohort.
    expect(await store.setAttemptSharing(cara1, 'dan', true)).toBe(false)
    expect(await store.setAttemptSharing(cara1, 'cara', true)).toBe(true)
    expect((await store.cohortAttempts(spring)).map((a) => a.answer)).toEqual([
      null,
      'answer of cara scoring 40',
    ])
    expect(await store.setCohortSharing(spring, 'cara', true)).toBe(true)
    expect((await store.cohortAttempts(spring)).map((a) => a.answer)).toEqual([
      'answer of cara scoring 70',
      'answer of cara scoring 40',
    ])

    expect(await store.cohortCoverage(spring)).toEqual([
      { ownerId: 'cara', area: 'dive-deep', best: 40, attempts: 1 },
      { ownerId: 'cara', area: 'ownership', best: 70, attempts: 2 },
    ])
    expect(await store.cohortCoverage(autumn)).toEqual([
      { ownerId: 'dan', area: 'ownership', best: 90, attempts: 1 },
    ])
    // A cohort with no candidates has neither.
    const empty = await store.createCohort('Empty', 'teach', MON)
    expect(await store.cohortAttempts(empty)).toEqual([])
    expect(await store.cohortCoverage(empty)).toEqual([])
  })

  test("coverage lists candidates and areas bytewise: 'Z' before 'a'", async () => {
    await addUser(store, { id: 'Zoe', name: 'Zoe', role: 'candidate', createdAt: MON + 3 })
    const id = await store.createCohort('Spring', 'teach', MON)
    await store.joinCohort(id, 'cara', 'candidate', MON)
    await store.joinCohort(id, 'Zoe', 'candidate', MON)
    await addAttempt(store, 'cara', 30, MON + 1, ['ownership', 'Bias-for-action'])
    await addAttempt(store, 'Zoe', 60, MON + 2, ['ownership'])
    expect((await store.cohortCoverage(id)).map((c) => [c.ownerId, c.area])).toEqual([
      ['Zoe', 'ownership'],
      ['cara', 'Bias-for-action'],
      ['cara', 'ownership'],
    ])
  })
})

// PostgreSQL only: two stores on one database stand for two server processes (SQLite's writers in one process run
// one after the other).
describe.runIf(onPostgres())('two processes at once', () => {
  test('adopting ownerless rows together gives each row once, to the first admin', async () => {
    const url = await freshPostgresUrl()
    const [a, b] = [await postgresStore(url), await postgresStore(url)]
    try {
      await addUser(a, { id: 'first', name: 'First', role: 'admin', createdAt: MON })
      for (let i = 0; i < 20; i++) {
        await addAttempt(a, null, i, MON + i)
        await a.insertStory(STORY, MON + i)
        await a.insertLoop(LOOP)
      }
      const counts = await Promise.all([
        a.adoptOwnerlessRows(),
        b.adoptOwnerlessRows(),
        a.adoptOwnerlessRows(),
      ])
      expect(counts.reduce((x, y) => x + y, 0)).toBe(60)
      expect(await b.listStories('first')).toHaveLength(20)
      expect(await a.adoptOwnerlessRows()).toBe(0)
    } finally {
      await a.close()
      await b.close()
    }
  })
})

/**
 * A new database on the test server whose default collation is a locale's (ICU en-US: 'alpha' < 'Alpha' < 'beta'),
 * as a production server's often is; migrated when a store opens it.
 */
async function localeDatabaseUrl(): Promise<string> {
  const url = process.env[POSTGRES_URL_VARIABLE]!
  const name = `starboard_icu_${process.pid}_${Date.now()}`
  const admin = new pg.Client({ connectionString: url })
  await admin.connect()
  try {
    await admin.query(
      `CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' LOCALE 'C' LOCALE_PROVIDER icu ICU_LOCALE 'en-US'`,
    )
  } finally {
    await admin.end()
  }
  return databaseUrl(url, name)
}

// PostgreSQL only: SQLite compares text bytewise, and so must every ORDER BY on text here, whatever the server's
// default collation.
describe.runIf(onPostgres())('on a database whose default collation is a locale', () => {
  test('accounts, cohorts, members and coverage are still ordered bytewise', async () => {
    const local = await postgresStore(await localeDatabaseUrl())
    try {
      // The database does order by locale: otherwise this case would prove nothing.
      const [order] = await rowsOf<{ localeFirst: boolean }>(
        local,
        sql`SELECT 'alpha' < 'Alpha' AS "localeFirst"`,
      )
      expect(order?.localeFirst).toBe(true)
      await addUser(local, { id: 'b-id', name: 'bea', role: 'admin', createdAt: MON })
      await addUser(local, { id: 'B-id', name: 'Bea', role: 'candidate', createdAt: MON })
      await addUser(local, { id: 'a-id', name: 'abe', role: 'candidate', createdAt: MON })
      expect((await local.listUsers()).map((u) => u.id)).toEqual(['B-id', 'a-id', 'b-id'])
      const ids = []
      for (const name of ['beta', 'alpha', 'Alpha', 'Zulu'])
        ids.push(await local.createCohort(name, 'b-id', MON))
      expect((await local.listCohorts('b-id')).map((c) => c.name)).toEqual(['Alpha', 'Zulu', 'alpha', 'beta'])
      const cohort = ids[0]!
      await local.joinCohort(cohort, 'B-id', 'candidate', MON)
      await local.joinCohort(cohort, 'a-id', 'candidate', MON)
      expect((await local.cohortMembersOf(cohort)).map((m) => m.name)).toEqual(['Bea', 'abe', 'bea'])
      await addAttempt(local, 'a-id', 30, MON + 1, ['ownership', 'Bias-for-action'])
      await addAttempt(local, 'B-id', 60, MON + 2, ['ownership'])
      expect((await local.cohortCoverage(cohort)).map((c) => [c.ownerId, c.area])).toEqual([
        ['B-id', 'ownership'],
        ['a-id', 'Bias-for-action'],
        ['a-id', 'ownership'],
      ])
    } finally {
      await local.close()
    }
  })
})
