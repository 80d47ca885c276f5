// The engine's public surface: scoring, rubric parsing and checking, and the data types.

export type { Analysis, AnalyzedSentence } from './analysis-types'
export { analyze } from './analyze'
export { CHECK_NAMES, CHECKS } from './checks/index'
export { criterionEvidence, type EarnedSpan } from './criterion-evidence'
export {
  type CriterionDifference,
  criterionDifferences,
  type ReportDifference,
  reportDifference,
} from './difference'
export {
  analyzeFollowUps,
  type FollowUpAnalysis,
  type FollowUpText,
  followUpStory,
  followUpTexts,
  scoreFollowUpAnalysis,
  scoreWithFollowUps,
} from './follow-up-score'
export {
  compileParsedRubrics,
  compileRubrics,
  formatRubricError,
  type ParsedRubricFile,
  parseRubric,
  parseRubricFile,
  type RubricSource,
} from './parse'
export { combineAnswer, MAX_PROBES, probeCriterionId, probeId, probesFor } from './probes'
export { type CheckProblem, checkRubrics, expectationFailures, type RubricCheckSummary } from './rubric-check'
export { rubricJsonSchema } from './schema'
export { MET_FROM, PARTIAL_FROM, score, scoreAnalysis } from './score'
export {
  SHINGLE_WORDS,
  STORY_REUSE_THRESHOLD,
  type StoryReuse,
  shingles,
  storyReuse,
  storySimilarity,
} from './similarity'
export {
  PARTIAL_CREDIT,
  PLAN_FIT_FROM,
  type PlanStory,
  STORIES_PER_PRINCIPLE,
  STRETCH_LIMIT,
  type StoryFit,
  type StoryPlan,
  storyFit,
  storyFitOf,
  storyPlan,
} from './story-fit'
export * from './types'
export { ENGINE_VERSION } from './version'
