// The attempt tables (PostgreSQL), as in db/schema-attempts.ts: each attempt with its current report, the rows
// copied from that report (criteria, tags, area scores, the daily rollup), its replaced reports and its follow-ups.

import {
  bigint,
  boolean,
  doublePrecision,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core'

/**
 * One submitted answer with its current report. The report columns (score, band, hash, JSON) always
 * describe the latest scoring; earlier reports move to `attemptReports` when the attempt is re-scored.
 * Times are milliseconds since the epoch, UTC.
 */
export const attempts = pgTable(
  'attempts',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    promptId: text('prompt_id').notNull(),
    rubricId: text('rubric_id').notNull(),
    rubricHash: text('rubric_hash').notNull(),
    engineVersion: text('engine_version').notNull(),
    answer: text('answer').notNull(),
    score: integer('score').notNull(),
    bandId: text('band_id').notNull(),
    bandLabel: text('band_label').notNull(),
    /** The full ScoreReport as JSON. */
    report: text('report').notNull(),
    durationMs: bigint('duration_ms', { mode: 'number' }),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
    /** When the current report was made: equal to createdAt until the attempt is re-scored. */
    scoredAt: bigint('scored_at', { mode: 'number' }).notNull(),
    /** The account that wrote it in team mode (users.id); NULL in local mode, where there are no accounts. */
    ownerId: text('owner_id'),
    /** Whether the owner lets the instructors of their cohorts read the answer text (team mode; off by default). */
    shared: boolean('shared').notNull().default(false),
  },
  (t) => [
    // Newest-first lists, export and trends walk (created_at, id); the filtered lists add one leading column.
    index('attempts_created_idx').on(t.createdAt, t.id),
    index('attempts_prompt_created_idx').on(t.promptId, t.createdAt, t.id),
    index('attempts_rubric_created_idx').on(t.rubricId, t.createdAt, t.id),
    // Lists sorted by score page through (score, created_at, id) in either direction.
    index('attempts_score_created_idx').on(t.score, t.createdAt, t.id),
    // Tag filters read time and score from attempt_tags (copied there) and look up only a page's attempts by id,
    // so no index keyed by id is needed beside the table itself (attempts_facts_idx was dropped in 0004).
    // Team mode: one account's attempts, newest first.
    index('attempts_owner_created_idx').on(t.ownerId, t.createdAt, t.id),
  ],
)

/** Per-criterion results of the current report, so trends aggregate in SQL instead of parsing reports. */
export const attemptCriteria = pgTable(
  'attempt_criteria',
  {
    attemptId: integer('attempt_id')
      .notNull()
      .references(() => attempts.id, { onDelete: 'cascade' }),
    criterionId: text('criterion_id').notNull(),
    score: doublePrecision('score').notNull(),
    max: doublePrecision('max').notNull(),
    status: text('status', { enum: ['met', 'partial', 'missed'] }).notNull(),
    /** The attempt's createdAt, copied so the trend rollup knows the day without a join. */
    createdAt: bigint('created_at', { mode: 'number' }).notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.attemptId, t.criterionId] }),
    // Criterion trends walk attempts in time order and read each attempt's criteria from this index alone.
    index('attempt_criteria_scores_idx').on(t.attemptId, t.criterionId, t.score, t.max),
  ],
)

/**
 * The areas an attempt trains: every tag of its prompt (rubric ids, the defining rubric included).
 * Copied at scoring time so coverage and tag filters stay answerable when rubric files change.
 */
export const attemptTags = pgTable(
  'attempt_tags',
  {
    attemptId: integer('attempt_id')
      .notNull()
      .references(() => attempts.id, { onDelete: 'cascade' }),
    tag: text('tag').notNull(),
    /** The attempt's current total score and createdAt, copied so coverage reads this table's indexes alone. */
    score: integer('score').notNull().default(0),
    createdAt: bigint('created_at', { mode: 'number' }).notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.attemptId, t.tag] }),
    // Tag filters, an area's latest attempts and its attempt count walk the tag in time order.
    index('attempt_tags_tag_created_idx').on(t.tag, t.createdAt, t.attemptId, t.score),
    // An area's best attempt is a seek: the highest score, then the earliest attempt with it.
    index('attempt_tags_tag_score_idx').on(t.tag, t.score, t.createdAt, t.attemptId),
  ],
)

/**
 * Per UTC day, per criterion: how many attempts and the sum of their points as a percentage of the maximum,
 * with criterionId '' for the total score. Kept by db/attempts.ts (one set-based statement per attempt) in the same
 * transaction as every insert, delete and re-score, so unfiltered trends read a few hundred rows instead of every attempt.
 */
export const trendDays = pgTable(
  'trend_days',
  {
    /** Days since 1970-01-01, UTC: created_at / 86,400,000. */
    day: integer('day').notNull(),
    /** '' for the total score; otherwise a criterion id. */
    criterionId: text('criterion_id').notNull(),
    attempts: integer('attempts').notNull(),
    /** Attempts whose maximum for the criterion is above 0, so a percentage exists (always = attempts for ''). */
    measured: integer('measured').notNull(),
    /** Sum of total scores (''), or of percentages of the criterion's maximum. */
    total: doublePrecision('total').notNull(),
  },
  (t) => [primaryKey({ columns: [t.day, t.criterionId] })],
)

/** Reports an attempt had before it was re-scored, kept so old and new can be compared. */
export const attemptReports = pgTable(
  'attempt_reports',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    attemptId: integer('attempt_id')
      .notNull()
      .references(() => attempts.id, { onDelete: 'cascade' }),
    rubricId: text('rubric_id').notNull(),
    rubricHash: text('rubric_hash').notNull(),
    engineVersion: text('engine_version').notNull(),
    score: integer('score').notNull(),
    bandId: text('band_id').notNull(),
    bandLabel: text('band_label').notNull(),
    report: text('report').notNull(),
    /** When this report was made. */
    scoredAt: bigint('scored_at', { mode: 'number' }).notNull(),
    /** When a re-score replaced it. */
    replacedAt: bigint('replaced_at', { mode: 'number' }).notNull(),
  },
  (t) => [index('attempt_reports_attempt_idx').on(t.attemptId, t.scoredAt)],
)

/**
 * An attempt's score under the rubric of each area its prompt trains (every tag, the prompt's own rubric
 * included), so coverage, "next prompt" and trends by area judge an answer by the area's own rubric rather than
 * by the rubric that scored it. Written with the attempt and replaced with every re-score, in the same transaction.
 */
export const attemptAreaScores = pgTable(
  'attempt_area_scores',
  {
    attemptId: integer('attempt_id')
      .notNull()
      .references(() => attempts.id, { onDelete: 'cascade' }),
    /** The area: the id of the rubric the answer was scored under (a tag of its prompt). */
    rubricId: text('rubric_id').notNull(),
    score: integer('score').notNull(),
    bandId: text('band_id').notNull(),
    bandLabel: text('band_label').notNull(),
    /** The attempt's createdAt, copied so an area's figures read this table's indexes alone. */
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.attemptId, t.rubricId] }),
    // An area's latest attempts, its attempt count and trends by area walk the area in time order.
    index('attempt_area_scores_area_created_idx').on(t.rubricId, t.createdAt, t.attemptId, t.score),
    // An area's best attempt is a seek: the highest score, then the earliest attempt with it.
    index('attempt_area_scores_area_score_idx').on(t.rubricId, t.score, t.createdAt, t.attemptId),
  ],
)

/**
 * An attempt's per-criterion results under the rubric of each area its prompt trains: the criteria behind each
 * row of attempt_area_scores, so per-criterion trends by area use the area's own criteria. Written and replaced
 * with the area scores, in the same transaction.
 */
export const attemptAreaCriteria = pgTable(
  'attempt_area_criteria',
  {
    attemptId: integer('attempt_id')
      .notNull()
      .references(() => attempts.id, { onDelete: 'cascade' }),
    /** The area: the rubric the criteria belong to (a tag of the attempt's prompt). */
    rubricId: text('rubric_id').notNull(),
    criterionId: text('criterion_id').notNull(),
    score: doublePrecision('score').notNull(),
    max: doublePrecision('max').notNull(),
    status: text('status', { enum: ['met', 'partial', 'missed'] }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.attemptId, t.rubricId, t.criterionId] }),
    // Criterion trends by area walk the area's attempts in time order (attempt_area_scores) and read each
    // attempt's criteria under that area from this index alone.
    index('attempt_area_criteria_scores_idx').on(t.attemptId, t.rubricId, t.criterionId, t.score, t.max),
  ],
)

/**
 * Attempts stored before per-area scores existed, queued once by migration 0006. The server scores each under
 * its areas' rubrics at start (the database cannot run the engine) and removes it from the queue in the same
 * transaction, so the back-fill runs once and resumes where it stopped if interrupted.
 */
export const areaScoreBackfill = pgTable('area_score_backfill', {
  attemptId: integer('attempt_id')
    .primaryKey()
    .references(() => attempts.id, { onDelete: 'cascade' }),
})

/**
 * Follow-up answers to an attempt's probes: the interviewer's question and what the candidate said. The attempt's
 * report scores the answer and its follow-ups together; one follow-up per probe.
 */
export const attemptFollowUps = pgTable(
  'attempt_follow_ups',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    attemptId: integer('attempt_id')
      .notNull()
      .references(() => attempts.id, { onDelete: 'cascade' }),
    probeId: text('probe_id').notNull(),
    criterionId: text('criterion_id').notNull(),
    /** The probe's question as it was asked. */
    question: text('question').notNull(),
    answer: text('answer').notNull(),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
  },
  // An attempt's follow-ups in the order given, and at most one per probe.
  (t) => [uniqueIndex('attempt_follow_ups_attempt_probe_idx').on(t.attemptId, t.probeId)],
)
