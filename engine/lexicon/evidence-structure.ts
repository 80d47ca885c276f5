// Words for the structural readings of evidence (engine/checks/keywords/structure.ts): whose a decision is
// (passive, conditional, the candidate's own), what is a step towards it and what is not (thinking, resisting, a
// reported clause), what tells what a check showed, and what makes a figure no outcome (time spent, a target).

import { CALENDAR_UNITS } from './measures'

/** Auxiliaries that make "I" the object of someone else's act: "I was overruled", "I got outvoted". */
export const PASSIVE_AUXILIARIES = new Set(['was', 'were', 'got', 'been', 'being', 'am'])

/** Words that make a decision only possible: "the change would go ahead if I could not". */
export const CONDITIONAL = new Set(['would', 'could', 'might', 'if', 'unless', "wouldn't", "won't"])

/** Words right after a decision that make it the candidate's: "the final call was mine", "was left to me". */
export const OWN_DECISION = new Set(['mine', 'me', 'myself'])

/**
 * Words after which "I" opens a reported clause, not a step of the candidate's: "she had been sure I was wrong",
 * "he said I could take the first shift".
 */
export const REPORTING = new Set([
  'sure',
  'said',
  'says',
  'thought',
  'think',
  'knew',
  'believed',
  'felt',
  'that',
  'realised',
  'realized',
  'admitted',
  'me',
  'us',
  'him',
  'her',
  'them',
])

/** Words between "I" and the verb of a step: "I then wrote", "I also trained", "I personally rang". */
export const STEP_OPENERS = new Set([
  'also',
  'then',
  'still',
  'just',
  'personally',
  'immediately',
  'quickly',
  'even',
  'actually',
  'basically',
  'now',
])

/**
 * Verbs of thinking or being that are no step towards making a decision work: "I now think she was right", "I am
 * still convinced". Matched on stems, as the verb after "I" or the word after that verb.
 */
export const THINKING = new Set([
  'think',
  'thought',
  'believe',
  'feel',
  'felt',
  'realise',
  'realize',
  'learn',
  'learned',
  'learnt',
  'know',
  'knew',
  'guess',
  'suppose',
  'wish',
  'hope',
  'regret',
  'doubt',
  'wonder',
  'suspect',
  'am',
  'convinced',
  'certain',
])

/**
 * Words that resist a decision rather than make it work: "I refused", "I escalated", "I kept arguing", "I told
 * everyone I had warned them". Matched on stems anywhere in the step's clause.
 */
export const RESISTING = new Set([
  'refuse',
  'resign',
  'escalate',
  'ignore',
  'complain',
  'protest',
  'appeal',
  'quit',
  'object',
  'disagree',
  'argue',
  'undermine',
  'sabotage',
  'warned',
  'grumble',
  'sulk',
  'reconsider',
])

/**
 * Verbs that tell what a check showed ("the report shows one person", "it goes to spam in five of them", "the totals
 * came back identical"): with a figure, a step that holds one is the check's outcome. Matched on stems.
 */
export const SHOWING = new Set([
  'show',
  'showed',
  'shown',
  'came',
  'come',
  'got',
  'gave',
  'matched',
  'match',
  'dropped',
  'fell',
  'rose',
  'lost',
  'loses',
  'passed',
  'failed',
  'goes',
  'landed',
  'stayed',
  'held',
  'appeared',
  'disappeared',
  'vanished',
  'reached',
  'measured',
  'counted',
])

/** Units of time: a figure followed by one is time spent ("3 days", "2 weeks"), not what an outcome measures. */
export const TIME_UNITS = new Set<string>([
  ...CALENDAR_UNITS,
  'second',
  'seconds',
  'minute',
  'minutes',
  'hour',
  'hours',
  'sprint',
  'sprints',
])

/** Words before a figure that make it one end of a change ("from 30 hours to 6", "by 2 days"). */
export const CHANGE_MARKERS = new Set(['from', 'to', 'by'])

/** Words that make a figure after them a target or what would have happened: "our goal was to cut mistakes by 50%". */
export const NOT_YET = new Set([
  'goal',
  'goals',
  'target',
  'targets',
  'aim',
  'aimed',
  'would',
  "would've",
  'could',
])
