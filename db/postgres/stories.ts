// PostgreSQL queries of db/stories.ts: the same functions, on a PgDb, answering promises. A write that reads the
// story first (an edit, a deletion) locks its row (SELECT … FOR UPDATE), so concurrent writers take turns on it.

import { and, asc, desc, eq, isNull } from 'drizzle-orm'
import type {
  DeletedStory,
  StoryContent,
  StoryLookup,
  StoryRecord,
  StorySummary,
  StoryVersion,
} from '../stories'
import type { PgDb } from './client'
import { stories, storyVersions } from './schema'

type Tx = Parameters<Parameters<PgDb['transaction']>[0]>[0]

/** The columns of a summary, in the order SQLite answers them. */
const SUMMARY = {
  id: stories.id,
  title: stories.title,
  version: stories.version,
  fit: stories.fit,
  rubricsKey: stories.rubricsKey,
  createdAt: stories.createdAt,
  updatedAt: stories.updatedAt,
}

/** A story by id, its row locked until the transaction ends when `lock` is set. */
async function lookup(db: PgDb | Tx, id: number, lock = false): Promise<StoryLookup> {
  const query = db
    .select({ ...SUMMARY, text: stories.text, deletedAt: stories.deletedAt })
    .from(stories)
    .where(eq(stories.id, id))
  const [row] = lock ? await query.for('update') : await query
  if (row === undefined) return undefined
  const { deletedAt, ...story } = row
  if (deletedAt !== null) return { deleted: { id: story.id, title: story.title, deletedAt } }
  return { story }
}

/** Stores a new story as its version 1, owned by `ownerId` in team mode (none in local mode); answers its id. */
export async function insertStory(
  db: PgDb,
  content: StoryContent,
  createdAt: number,
  ownerId: string | null = null,
): Promise<number> {
  return await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(stories)
      .values({
        title: content.title,
        text: content.text,
        version: 1,
        fit: content.fit,
        rubricsKey: content.rubricsKey,
        createdAt,
        updatedAt: createdAt,
        ownerId,
      })
      .returning({ id: stories.id })
    const id = row!.id
    await tx.insert(storyVersions).values({
      storyId: id,
      version: 1,
      title: content.title,
      text: content.text,
      fit: content.fit,
      rubricsKey: content.rubricsKey,
      createdAt,
    })
    return id
  })
}

/**
 * Stores an edit of a story as its next version, which becomes current. An edit that changes neither title nor
 * text adds no version (`unchanged: true`). Answers the lookup's other outcomes as they are.
 */
export async function updateStory(
  db: PgDb,
  id: number,
  content: StoryContent,
  updatedAt: number,
): Promise<{ story: StoryRecord; unchanged: boolean } | { deleted: DeletedStory } | undefined> {
  return await db.transaction(async (tx) => {
    const found = await lookup(tx, id, true)
    if (found === undefined || 'deleted' in found) return found
    const current = found.story
    if (current.title === content.title && current.text === content.text) {
      return { story: current, unchanged: true }
    }
    const version = current.version + 1
    await tx
      .update(stories)
      .set({
        title: content.title,
        text: content.text,
        version,
        fit: content.fit,
        rubricsKey: content.rubricsKey,
        updatedAt,
      })
      .where(and(eq(stories.id, id), isNull(stories.deletedAt)))
    await tx.insert(storyVersions).values({
      storyId: id,
      version,
      title: content.title,
      text: content.text,
      fit: content.fit,
      rubricsKey: content.rubricsKey,
      createdAt: updatedAt,
    })
    return {
      story: { ...current, ...content, version, updatedAt },
      unchanged: false,
    }
  })
}

/** A story by id: the story, the fact that it was deleted, or undefined when no story ever had the id. */
export async function findStory(db: PgDb, id: number): Promise<StoryLookup> {
  return await lookup(db, id)
}

/** Every story not deleted, the latest edited first (then the newest id); in team mode, only `ownerId`'s. */
export async function listStories(db: PgDb, ownerId?: string): Promise<StorySummary[]> {
  return await db
    .select(SUMMARY)
    .from(stories)
    .where(and(ownerId === undefined ? undefined : eq(stories.ownerId, ownerId), isNull(stories.deletedAt)))
    .orderBy(desc(stories.updatedAt), desc(stories.id))
}

/** Every version of a story, oldest first (the last is the current one); empty for a deleted story. */
export async function listStoryVersions(db: PgDb, id: number): Promise<StoryVersion[]> {
  return await db
    .select({
      version: storyVersions.version,
      title: storyVersions.title,
      text: storyVersions.text,
      fit: storyVersions.fit,
      rubricsKey: storyVersions.rubricsKey,
      createdAt: storyVersions.createdAt,
    })
    .from(storyVersions)
    .where(eq(storyVersions.storyId, id))
    .orderBy(asc(storyVersions.version))
}

/**
 * Replaces the fit of a story's current version, made again with today's rubrics; the text is unchanged, so no
 * version is added. Does nothing when the story has moved on to another version or was deleted meanwhile.
 */
export async function refitStory(
  db: PgDb,
  id: number,
  version: number,
  fit: string,
  rubricsKey: string,
): Promise<boolean> {
  return await db.transaction(async (tx) => {
    // The update locks the story's row, so an edit or deletion waits for this re-fit or runs before it.
    const changed = await tx
      .update(stories)
      .set({ fit, rubricsKey })
      .where(and(eq(stories.id, id), eq(stories.version, version), isNull(stories.deletedAt)))
      .returning({ id: stories.id })
    if (changed.length === 0) return false
    await tx
      .update(storyVersions)
      .set({ fit, rubricsKey })
      .where(and(eq(storyVersions.storyId, id), eq(storyVersions.version, version)))
    return true
  })
}

/**
 * Deletes a story: its text and every version go; its id and title stay, marked deleted, so a draft that still
 * names it can say what happened. Answers what the lookup found before (undefined: no such story).
 */
export async function deleteStory(db: PgDb, id: number, deletedAt: number): Promise<StoryLookup> {
  return await db.transaction(async (tx) => {
    const found = await lookup(tx, id, true)
    if (found === undefined || 'deleted' in found) return found
    await tx
      .update(stories)
      .set({ text: '', fit: '[]', deletedAt })
      .where(and(eq(stories.id, id), isNull(stories.deletedAt)))
    await tx.delete(storyVersions).where(eq(storyVersions.storyId, id))
    return found
  })
}
