// The database package's public surface: opening the database and the query functions.

export {
  type AreaCriterion,
  type AreaScore,
  type AttemptToBackfill,
  areaScoreBackfillQueued,
  backfillAreaScores,
  pendingAreaScoreBackfill,
} from './area-scores'
export {
  type AttemptPosition,
  type AttemptSort,
  type AttemptSummary,
  EXCERPT_LENGTH,
  listAttempts,
  listAttemptsInFull,
  listStoredAttempts,
  type SortOrder,
  type StoredAttempt,
} from './attempt-list'
export {
  type AttemptRecord,
  HISTORY_LIMIT,
  type NewAttempt,
  type ReplacedReport,
  type ReportReplacement,
  type StorableReport,
} from './attempt-model'
export {
  deleteAttempt,
  findAttempt,
  insertAttempt,
  insertAttempts,
  listReplacedReports,
  replaceAttemptReport,
} from './attempts'
export { storeAttempt } from './attempts-group'
export { closeDb, createDb, type Db } from './client'
export type { AttemptFilters } from './filter-source'
export {
  addFollowUp,
  type FollowUpRecord,
  isDuplicateFollowUp,
  listFollowUps,
  type NewFollowUp,
} from './follow-ups'
export {
  answerLoopQuestion,
  findLoop,
  insertLoop,
  type LoopAnswerOutcome,
  type LoopQuestionRecord,
  type LoopRecord,
  type LoopSummary,
  listLoops,
  loopOfAttempt,
} from './loops'
export { DatabaseOpenError } from './open-error'
export {
  attemptCountsByPrompt,
  attemptCountsByPromptOf,
  practiceByArea,
  practiceByAreaOf,
} from './practice'
export type { AreaPractice } from './practice-sql'
export {
  type DatabaseFileState,
  databaseAnswers,
  databaseFileState,
  diskFullRecently,
  isDiskFull,
  writeRefusal,
} from './status'
export {
  type DeletedStory,
  deleteStory,
  findStory,
  insertStory,
  listStories,
  listStoryVersions,
  refitStory,
  type StoryContent,
  type StoryLookup,
  type StoryRecord,
  type StorySummary,
  type StoryVersion,
  updateStory,
} from './stories'
export {
  type CriterionTrendPoint,
  TREND_WINDOW,
  type TrendInterval,
  type TrendPoint,
  type Trends,
  trends,
  trendWindow,
} from './trends'
