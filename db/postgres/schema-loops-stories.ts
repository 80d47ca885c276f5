// The loop and story tables (PostgreSQL), as in db/schema-loops-stories.ts: mock interview loops with their
// questions, and stories with their versions.

import { bigint, index, integer, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core'
import { attempts } from './schema-attempts'

/** A mock interview loop: questions chosen once, from a seed, answered one by one. */
export const loops = pgTable(
  'loops',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    seed: text('seed').notNull(),
    /** The principles the candidate pinned, as a JSON array of rubric ids. */
    principles: text('principles').notNull(),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
    /** The account that started it in team mode; NULL in local mode. */
    ownerId: text('owner_id'),
  },
  // The list of loops, newest first (team mode: one account's).
  (t) => [
    index('loops_created_idx').on(t.createdAt, t.id),
    index('loops_owner_created_idx').on(t.ownerId, t.createdAt, t.id),
  ],
)

/** A loop's questions in order; `attemptId` is set when the question is answered. */
export const loopQuestions = pgTable(
  'loop_questions',
  {
    loopId: integer('loop_id')
      .notNull()
      .references(() => loops.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    promptId: text('prompt_id').notNull(),
    rubricId: text('rubric_id').notNull(),
    attemptId: integer('attempt_id').references(() => attempts.id, { onDelete: 'set null' }),
  },
  (t) => [
    primaryKey({ columns: [t.loopId, t.position] }),
    // A prompt appears once in a loop: answering it is found by (loop, prompt).
    uniqueIndex('loop_questions_loop_prompt_idx').on(t.loopId, t.promptId),
    // Deleting an attempt finds the question that links to it (ON DELETE SET NULL) by this index.
    index('loop_questions_attempt_idx').on(t.attemptId),
  ],
)

/**
 * A candidate's story, told once and fitted to every area: its current title, text and fit (the latest version),
 * and when it was deleted. A deleted story keeps its row (title and times only, its text and versions are removed)
 * so a draft that still names it can be told it was deleted rather than that it never existed.
 */
export const stories = pgTable(
  'stories',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    title: text('title').notNull(),
    text: text('text').notNull(),
    /** The number of the current version: 1 for a new story, one more with every edit. */
    version: integer('version').notNull(),
    /** The story's fit with every area rubric, as JSON (the engine's storyFit), best fit first. */
    fit: text('fit').notNull(),
    /** Which rubrics made `fit`: their ids and hashes, so a fit made with rubrics since changed can be redone. */
    rubricsKey: text('rubrics_key').notNull(),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
    updatedAt: bigint('updated_at', { mode: 'number' }).notNull(),
    deletedAt: bigint('deleted_at', { mode: 'number' }),
    /** The account that wrote it in team mode; NULL in local mode. */
    ownerId: text('owner_id'),
  },
  // The list of stories walks the live ones, the latest edited first (team mode: one account's).
  (t) => [
    index('stories_live_updated_idx').on(t.deletedAt, t.updatedAt, t.id),
    index('stories_owner_live_idx').on(t.ownerId, t.deletedAt, t.updatedAt, t.id),
  ],
)

/** Every version of a story, the current one included: each edit is kept, so a story can be seen to improve. */
export const storyVersions = pgTable(
  'story_versions',
  {
    storyId: integer('story_id')
      .notNull()
      .references(() => stories.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    title: text('title').notNull(),
    text: text('text').notNull(),
    /** The fit this version had when it was written, as JSON. */
    fit: text('fit').notNull(),
    rubricsKey: text('rubrics_key').notNull(),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.storyId, t.version] })],
)
