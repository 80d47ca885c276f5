// Stories on both dialects: versions kept with every edit, deletion that leaves a tombstone; and, on SQLite, every
// query reading through an index.

import type { Statement } from 'better-sqlite3'
import { sql } from 'drizzle-orm'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import {
  type Db,
  deleteStory,
  findStory,
  insertStory,
  listStories,
  listStoryVersions,
  refitStory,
  type StoryContent,
  updateStory,
} from '../../db/index'
import { postgresStore } from '../../db/postgres/store'
import type { Store } from '../../db/store'
import { freshPostgresUrl, onPostgres } from '../support/postgres'
import { openTestStore } from '../support/store'
import { MON, openTempDb, removeTempDb } from './helpers'
import { readOf, tableScans } from './query-plan-reads'
import { rowsOf } from './store-helpers'

const content = (title: string, text = `${title} told in full.`): StoryContent => ({
  title,
  text,
  fit: JSON.stringify([{ rubricId: 'ownership', share: 1 }]),
  rubricsKey: 'k1',
})

describe('stories', () => {
  let store: Store
  beforeEach(async () => {
    store = await openTestStore()
  })
  afterEach(async () => {
    await store.close()
  })

  test('a new story is its version 1; every edit adds a version and becomes current', async () => {
    const id = await store.insertStory(content('Billing export rescue'), MON)
    expect(await store.findStory(id)).toEqual({
      story: {
        id,
        title: 'Billing export rescue',
        text: 'Billing export rescue told in full.',
        version: 1,
        fit: content('x').fit,
        rubricsKey: 'k1',
        createdAt: MON,
        updatedAt: MON,
      },
    })
    const edited = await store.updateStory(
      id,
      { ...content('Billing export rescue', 'Now with numbers: 40%.') },
      MON + 5,
    )
    expect(edited).toMatchObject({ unchanged: false, story: { version: 2, text: 'Now with numbers: 40%.' } })
    expect((await store.listStoryVersions(id)).map((v) => [v.version, v.text, v.createdAt])).toEqual([
      [1, 'Billing export rescue told in full.', MON],
      [2, 'Now with numbers: 40%.', MON + 5],
    ])
    expect(await store.findStory(id)).toMatchObject({
      story: { version: 2, updatedAt: MON + 5, createdAt: MON },
    })
  })

  test('an edit that changes neither title nor text adds no version', async () => {
    const id = await store.insertStory(content('Same'), MON)
    expect(await store.updateStory(id, content('Same'), MON + 1)).toMatchObject({
      unchanged: true,
      story: { version: 1 },
    })
    expect(await store.listStoryVersions(id)).toHaveLength(1)
    // A new title alone is an edit.
    expect(
      await store.updateStory(id, { ...content('Other'), text: 'Same told in full.' }, MON + 2),
    ).toMatchObject({
      unchanged: false,
      story: { version: 2, title: 'Other' },
    })
  })

  test('lists live stories, the latest edited first', async () => {
    const a = await store.insertStory(content('A'), MON)
    const b = await store.insertStory(content('B'), MON + 1)
    const c = await store.insertStory(content('C'), MON + 2)
    await store.updateStory(a, content('A2'), MON + 3)
    await store.deleteStory(c, MON + 4)
    expect((await store.listStories()).map((s) => [s.id, s.title])).toEqual([
      [a, 'A2'],
      [b, 'B'],
    ])
  })

  test('a deleted story loses its text and versions but says it was deleted; an unknown id finds nothing', async () => {
    const id = await store.insertStory(content('Gone soon'), MON)
    await store.updateStory(id, content('Gone soon', 'second'), MON + 1)
    expect(await store.deleteStory(id, MON + 9)).toMatchObject({ story: { id } })
    expect(await store.findStory(id)).toEqual({ deleted: { id, title: 'Gone soon', deletedAt: MON + 9 } })
    expect(await store.listStoryVersions(id)).toEqual([])
    const [row] = await rowsOf<{ text: string }>(store, sql`SELECT text FROM stories WHERE id = ${id}`)
    expect(row?.text).toBe('')
    // Deleting again, editing or re-fitting it answer that it is deleted, and change nothing.
    expect(await store.deleteStory(id, MON + 10)).toEqual({
      deleted: { id, title: 'Gone soon', deletedAt: MON + 9 },
    })
    expect(await store.updateStory(id, content('Back'), MON + 11)).toEqual({
      deleted: { id, title: 'Gone soon', deletedAt: MON + 9 },
    })
    expect(await store.refitStory(id, 2, '[]', 'k2')).toBe(false)
    expect(await store.findStory(999)).toBeUndefined()
    expect(await store.updateStory(999, content('X'), MON)).toBeUndefined()
    expect(await store.deleteStory(999, MON)).toBeUndefined()
  })

  test("a re-fit replaces the current version's fit only while that version is current", async () => {
    const id = await store.insertStory(content('Refit'), MON)
    expect(await store.refitStory(id, 1, '[{"rubricId":"dive-deep","share":0.5}]', 'k2')).toBe(true)
    expect(await store.findStory(id)).toMatchObject({ story: { rubricsKey: 'k2', version: 1 } })
    expect((await store.listStoryVersions(id))[0]).toMatchObject({ rubricsKey: 'k2' })
    await store.updateStory(id, content('Refit', 'changed'), MON + 1)
    expect(await store.refitStory(id, 1, '[]', 'k3')).toBe(false)
    expect((await store.listStoryVersions(id)).map((v) => v.rubricsKey)).toEqual(['k2', 'k1'])
  })
})

// PostgreSQL only: two stores on one database are two processes' pools writing at once (SQLite's writers in one
// process run one after the other).
describe.runIf(onPostgres())('stories written from two stores at once', () => {
  let stores: Store[] = []
  beforeEach(async () => {
    const url = await freshPostgresUrl()
    stores = [await postgresStore(url), await postgresStore(url)]
  })
  afterEach(async () => {
    for (const s of stores) await s.close()
  })

  test('concurrent edits of one story each become a version of their own, none lost', async () => {
    const [a, b] = stores as [Store, Store]
    const id = await a.insertStory(content('Busy'), MON)
    const edits = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        (i % 2 === 0 ? a : b).updateStory(id, content('Busy', `edit ${i}`), MON + 1 + i),
      ),
    )
    expect(edits.every((e) => e !== undefined && 'unchanged' in e && !e.unchanged)).toBe(true)
    const versions = await b.listStoryVersions(id)
    expect(versions.map((v) => v.version)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9])
    expect(new Set(versions.slice(1).map((v) => v.text)).size).toBe(8)
    const found = await a.findStory(id)
    expect(found).toMatchObject({ story: { version: 9, text: versions[8]!.text } })
  })

  test('an edit racing a deletion either lands before it or finds the story deleted', async () => {
    const [a, b] = stores as [Store, Store]
    const id = await a.insertStory(content('Racing'), MON)
    const [edit, deletion] = await Promise.all([
      a.updateStory(id, content('Racing', 'edited'), MON + 1),
      b.deleteStory(id, MON + 2),
    ])
    expect(deletion).toMatchObject({ story: { id } })
    if (edit !== undefined && 'deleted' in edit)
      expect(edit.deleted).toMatchObject({ id, deletedAt: MON + 2 })
    else expect(edit).toMatchObject({ unchanged: false, story: { version: 2 } })
    expect(await b.findStory(id)).toMatchObject({ deleted: { id, deletedAt: MON + 2 } })
    expect(await a.listStoryVersions(id)).toEqual([])
  })
})

// SQLite only: these read the plans SQLite makes (EXPLAIN QUERY PLAN) for the statements the story queries prepare.
describe.skipIf(onPostgres())('query plans of the story queries', () => {
  let dir: string
  let db: Db
  /** EXPLAIN QUERY PLAN of every SELECT run since the last `take()`. */
  let plans: string[] = []
  const take = () => plans.splice(0)

  beforeEach(() => {
    ;({ dir, db } = openTempDb())
    // Installed before the first story query, so the statements (prepared once per connection) are all seen.
    const client = db.$client
    const prepare = client.prepare.bind(client)
    client.prepare = ((text: string) => {
      const statement = prepare(text)
      if (!/^\s*select\b/i.test(text)) return statement
      return new Proxy(statement, {
        get(target, key) {
          const value = Reflect.get(target, key) as unknown
          if (typeof value !== 'function') return value
          if (key === 'all' || key === 'get') {
            return (...args: unknown[]) => {
              const rows = prepare(`EXPLAIN QUERY PLAN ${text}`).all(...args) as { detail: string }[]
              plans.push(rows.map((r) => r.detail).join('\n'))
              return value.apply(target, args)
            }
          }
          return value.bind(target)
        },
      }) as Statement
    }) as typeof client.prepare
    plans = []
  })
  afterEach(() => removeTempDb(dir, db))

  beforeEach(() => {
    for (let i = 0; i < 300; i++) {
      const id = insertStory(db, content(`Story ${i}`), MON + i)
      if (i % 3 === 0) updateStory(db, id, content(`Story ${i}`, 'edited'), MON + 1000 + i)
      if (i % 10 === 0) deleteStory(db, id, MON + 2000 + i)
    }
    db.$client.exec('ANALYZE')
    take()
  })

  test('the list walks stories_live_updated_idx in order, with no sort', () => {
    listStories(db)
    const [plan, ...rest] = take()
    expect(rest).toEqual([])
    expect(readOf(plan!, 'stories')).toMatchObject({ seek: true, index: 'stories_live_updated_idx' })
    expect(plan).not.toMatch(/TEMP B-TREE/)
  })

  test('one story is a rowid lookup; its versions a seek of the primary key, in version order', () => {
    findStory(db, 5)
    listStoryVersions(db, 5)
    const [find, versions, ...rest] = take()
    expect(rest).toEqual([])
    expect(readOf(find!, 'stories')).toMatchObject({ seek: true, byRowid: true })
    expect(readOf(versions!, 'story_versions')).toMatchObject({
      seek: true,
      index: 'sqlite_autoindex_story_versions_1',
    })
    expect(versions).not.toMatch(/TEMP B-TREE/)
    for (const p of [find!, versions!]) expect(tableScans(p)).toEqual([])
  })

  test('the writes look a story up by rowid', () => {
    const id = listStories(db)[0]!.id
    take()
    updateStory(db, id, content('again', 'and again'), MON + 5000)
    refitStory(db, id, 3, '[]', 'k9')
    deleteStory(db, id, MON + 6000)
    const seen = take()
    expect(seen.length).toBeGreaterThanOrEqual(2)
    for (const p of seen) expect(readOf(p, 'stories')).toMatchObject({ seek: true, byRowid: true })
    // UPDATE and DELETE statements are not SELECTs; their WHERE clauses name the primary keys.
    const versionsDelete = db.$client
      .prepare('EXPLAIN QUERY PLAN DELETE FROM story_versions WHERE story_id = ?')
      .all(id) as { detail: string }[]
    expect(versionsDelete.map((r) => r.detail).join('\n')).toMatch(
      /USING (COVERING )?INDEX sqlite_autoindex_story_versions_1/,
    )
  })
})
