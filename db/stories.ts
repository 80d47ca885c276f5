// Stories: written once, fitted to every area, and kept in versions (every edit is a new version).

import type { Statement } from 'better-sqlite3'
import type { Db } from './client'
import { noteWrite } from './status'

/** A story's fit as stored: JSON of whatever list of fits the caller made (the engine's storyFit). */
export interface StoryContent {
  title: string
  text: string
  /** The fit as JSON. */
  fit: string
  /** Which rubrics made the fit (ids and hashes), so a fit made with other rubrics can be told apart. */
  rubricsKey: string
}

export interface StorySummary {
  id: number
  title: string
  version: number
  fit: string
  rubricsKey: string
  createdAt: number
  updatedAt: number
}

export interface StoryRecord extends StorySummary {
  text: string
}

export interface StoryVersion extends StoryContent {
  version: number
  createdAt: number
}

/** A story that was deleted: its id and title are kept so a reference to it can say so. */
export interface DeletedStory {
  id: number
  title: string
  deletedAt: number
}

/** What looking a story up finds: the story, a story deleted earlier, or nothing. */
export type StoryLookup = { story: StoryRecord } | { deleted: DeletedStory } | undefined

interface StoryStatements {
  insert: Statement
  insertVersion: Statement
  find: Statement
  list: Statement
  listOwned: Statement
  versions: Statement
  update: Statement
  refit: Statement
  refitVersion: Statement
  markDeleted: Statement
  deleteVersions: Statement
}

const statements = new WeakMap<Db, StoryStatements>()

const SUMMARY = `id, title, version, fit, rubrics_key AS rubricsKey, created_at AS createdAt,
  updated_at AS updatedAt`

function statementsFor(db: Db): StoryStatements {
  const known = statements.get(db)
  if (known !== undefined) return known
  const client = db.$client
  const made: StoryStatements = {
    insert: client.prepare(
      `INSERT INTO stories (title, text, version, fit, rubrics_key, created_at, updated_at, owner_id)
       VALUES (?, ?, 1, ?, ?, ?, ?, ?)`,
    ),
    insertVersion: client.prepare(
      `INSERT INTO story_versions (story_id, version, title, text, fit, rubrics_key, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ),
    find: client.prepare(`SELECT ${SUMMARY}, text, deleted_at AS deletedAt FROM stories WHERE id = ?`),
    list: client.prepare(
      `SELECT ${SUMMARY} FROM stories WHERE deleted_at IS NULL ORDER BY updated_at DESC, id DESC`,
    ),
    listOwned: client.prepare(
      `SELECT ${SUMMARY} FROM stories WHERE owner_id = ? AND deleted_at IS NULL ORDER BY updated_at DESC, id DESC`,
    ),
    versions: client.prepare(
      `SELECT version, title, text, fit, rubrics_key AS rubricsKey, created_at AS createdAt
       FROM story_versions WHERE story_id = ? ORDER BY version`,
    ),
    update: client.prepare(
      `UPDATE stories SET title = ?, text = ?, version = ?, fit = ?, rubrics_key = ?, updated_at = ?
       WHERE id = ? AND deleted_at IS NULL`,
    ),
    refit: client.prepare(
      'UPDATE stories SET fit = ?, rubrics_key = ? WHERE id = ? AND version = ? AND deleted_at IS NULL',
    ),
    refitVersion: client.prepare(
      'UPDATE story_versions SET fit = ?, rubrics_key = ? WHERE story_id = ? AND version = ?',
    ),
    markDeleted: client.prepare(
      `UPDATE stories SET text = '', fit = '[]', deleted_at = ? WHERE id = ? AND deleted_at IS NULL`,
    ),
    deleteVersions: client.prepare('DELETE FROM story_versions WHERE story_id = ?'),
  }
  statements.set(db, made)
  return made
}

/** Runs a write transaction (IMMEDIATE: the write lock is taken at BEGIN) and notes how it went for health. */
function write<T>(db: Db, run: () => T): T {
  try {
    const result = db.$client.transaction(run).immediate()
    noteWrite(db)
    return result
  } catch (err) {
    noteWrite(db, err)
    throw err
  }
}

/** Stores a new story as its version 1, owned by `ownerId` in team mode (none in local mode); answers its id. */
export function insertStory(
  db: Db,
  content: StoryContent,
  createdAt: number,
  ownerId: string | null = null,
): number {
  const s = statementsFor(db)
  return write(db, () => {
    const id = Number(
      s.insert.run(
        content.title,
        content.text,
        content.fit,
        content.rubricsKey,
        createdAt,
        createdAt,
        ownerId,
      ).lastInsertRowid,
    )
    s.insertVersion.run(id, 1, content.title, content.text, content.fit, content.rubricsKey, createdAt)
    return id
  })
}

/**
 * Stores an edit of a story as its next version, which becomes current. An edit that changes neither title nor
 * text adds no version (`unchanged: true`). Answers the lookup's other outcomes as they are.
 */
export function updateStory(
  db: Db,
  id: number,
  content: StoryContent,
  updatedAt: number,
): { story: StoryRecord; unchanged: boolean } | { deleted: DeletedStory } | undefined {
  const s = statementsFor(db)
  return write(db, () => {
    const found = lookup(s, id)
    if (found === undefined || 'deleted' in found) return found
    const current = found.story
    if (current.title === content.title && current.text === content.text) {
      return { story: current, unchanged: true }
    }
    const version = current.version + 1
    s.update.run(content.title, content.text, version, content.fit, content.rubricsKey, updatedAt, id)
    s.insertVersion.run(id, version, content.title, content.text, content.fit, content.rubricsKey, updatedAt)
    return {
      story: { ...current, ...content, version, updatedAt },
      unchanged: false,
    }
  })
}

function lookup(s: StoryStatements, id: number): StoryLookup {
  const row = s.find.get(id) as (StoryRecord & { deletedAt: number | null }) | undefined
  if (row === undefined) return undefined
  const { deletedAt, ...story } = row
  if (deletedAt !== null) return { deleted: { id: story.id, title: story.title, deletedAt } }
  return { story }
}

/** A story by id: the story, the fact that it was deleted, or undefined when no story ever had the id. */
export function findStory(db: Db, id: number): StoryLookup {
  return lookup(statementsFor(db), id)
}

/** Every story not deleted, the latest edited first (then the newest id); in team mode, only `ownerId`'s. */
export function listStories(db: Db, ownerId?: string): StorySummary[] {
  const s = statementsFor(db)
  return (ownerId === undefined ? s.list.all() : s.listOwned.all(ownerId)) as StorySummary[]
}

/** Every version of a story, oldest first (the last is the current one); empty for a deleted story. */
export function listStoryVersions(db: Db, id: number): StoryVersion[] {
  return statementsFor(db).versions.all(id) as StoryVersion[]
}

/**
 * Replaces the fit of a story's current version, made again with today's rubrics; the text is unchanged, so no
 * version is added. Does nothing when the story has moved on to another version or was deleted meanwhile.
 */
export function refitStory(db: Db, id: number, version: number, fit: string, rubricsKey: string): boolean {
  const s = statementsFor(db)
  return write(db, () => {
    if (s.refit.run(fit, rubricsKey, id, version).changes === 0) return false
    s.refitVersion.run(fit, rubricsKey, id, version)
    return true
  })
}

/**
 * Deletes a story: its text and every version go; its id and title stay, marked deleted, so a draft that still
 * names it can say what happened. Answers what the lookup found before (undefined: no such story).
 */
export function deleteStory(db: Db, id: number, deletedAt: number): StoryLookup {
  const s = statementsFor(db)
  return write(db, () => {
    const found = lookup(s, id)
    if (found === undefined || 'deleted' in found) return found
    s.markDeleted.run(deletedAt, id)
    s.deleteVersions.run(id)
    return found
  })
}
