// Whether evidence counts where it stands: negated by the words before it ("we never measured"), only planned
// ("we planned to add a runbook"), and who did it (the candidate, "we", or someone else).

import {
  CLAUSE_OPENERS,
  FAR_NEGATORS,
  NEGATORS,
  NOT_NAMES,
  NOT_VERBS,
  OBJECT_FORMS,
  OTHERS,
  PERSONAL,
  PLAN_WORDS,
  QUESTION_WORDS,
  SELF,
  SUBJECT_SELF,
  SUBJECT_WE,
  WE,
} from './lexicon/evidence-context'
import { IRREGULAR } from './lexicon/phrase-variants'

/** How far back a negator reaches: three words always; "nobody", "never" and the like up to eight words, while no new
 * clause or subject comes between. */
const NEAR = 3
const FAR = 8

/**
 * A negator inside the hit, in the three words before it ("never measured", "did not own"), or one that denies the
 * whole clause further back ("nobody on the team had ever written a runbook", "we never got around to adding
 * monitoring"), up to eight words and not past a word that opens a clause or a subject ("I never waited, I added
 * alerts").
 */
export function negated(lower: readonly string[], from: number, to: number): boolean {
  for (let j = from; j < to; j++) if (NEGATORS.has(lower[j]!)) return true
  let open = true
  for (let j = from - 1, d = 1; j >= 0 && d <= FAR; j--, d++) {
    const w = lower[j]!
    if (
      NEGATORS.has(w) &&
      (d <= NEAR || (open && (FAR_NEGATORS.has(w) || (w === 'no' && lower[j + 1] === 'one'))))
    )
      return true
    if (CLAUSE_OPENERS.has(w) || SUBJECT_SELF.has(w) || SUBJECT_WE.has(w) || PERSONAL.has(w)) open = false
  }
  return false
}

export type Actor = 'self' | 'we' | 'other'

/** Whether `w`, after "going to", reads as a verb: not a determiner, pronoun, number or plural noun. */
function verbAfterGoingTo(w: string | undefined): boolean {
  if (w === undefined || NOT_VERBS.has(w) || /\d/.test(w)) return false
  return !(w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us'))
}

/**
 * Whether the thing at word `from` is only planned in its clause: "we planned to add a runbook, but…", "I was
 * going to measure it". A plan is not an act; a phrase that holds the plan word itself is read as written.
 * `breaks[j]` is true when punctuation that ends a clause stands before word j.
 */
export function plannedAt(lower: readonly string[], breaks: readonly boolean[], from: number): boolean {
  for (let j = from - 1; j >= 0; j--) {
    const w = lower[j]!
    if (w === 'gonna') return true
    if (PLAN_WORDS.has(w) && lower[j + 1] === 'to' && (w !== 'going' || verbAfterGoingTo(lower[j + 2])))
      return true
    if (breaks[j] || CLAUSE_OPENERS.has(w)) return false
    // An embedded question is a fact, not the plan: "I wanted to understand why customers felt let down".
    if (QUESTION_WORDS.has(w) && lower[j + 1] !== 'to') return false
  }
  return false
}

/** Every form of the irregular verbs: a capitalised one starts a sentence as a verb, not as a name. */
const IRREGULAR_FORMS = new Set(IRREGULAR.flat())
/** Past forms that follow a named subject: "Priya took it on", "Sam wrote the runbook". */
const PAST_FORMS = new Set(IRREGULAR.flatMap((forms) => forms.slice(1)).filter((f) => !f.endsWith('s')))

/**
 * Whether word `j` names someone as the subject of a clause: written with a capital, not "I" or a word that only
 * starts a sentence, and followed by a past-tense verb ("Priya took it on", "and then Sam rewrote it"). Bullets
 * that open with a verb ("Added alerts") are not names: the word itself reads as a verb.
 */
function namedSubject(lower: readonly string[], capitalised: readonly boolean[], j: number): boolean {
  if (capitalised[j] !== true) return false
  const w = lower[j]!
  if (SELF.has(w) || NOT_NAMES.has(w) || CLAUSE_OPENERS.has(w) || NEGATORS.has(w) || PLAN_WORDS.has(w))
    return false
  if (/(?:ed|ing|ly)$/.test(w) || PAST_FORMS.has(w) || IRREGULAR_FORMS.has(w) || /\d/.test(w)) return false
  const next = lower[j + 1]
  if (next === undefined) return false
  return (next.endsWith('ed') && next.length > 3) || PAST_FORMS.has(next)
}

/** Words that open a phrase told before its clause's subject: "instead of…", "without…", "rather than…". */
const LEADING = new Set(['instead', 'without', 'rather', 'before', 'after', 'within', 'once', 'having'])

/**
 * Who did the thing at words `from` to `to`: the nearest subject before it in the same clause, else the sentence's
 * first subject, else the candidate (bullets and fragments such as "Profiled the service" leave out the "I").
 * `breaks[j]` is true when punctuation that ends a clause stands before word j.
 */
export function actorAt(
  lower: readonly string[],
  breaks: readonly boolean[],
  from: number,
  capitalised: readonly boolean[] = [],
  to = from + 1,
): Actor {
  const opensClause = (j: number) => j === 0 || breaks[j] === true || CLAUSE_OPENERS.has(lower[j - 1]!)
  /** Someone else named at `j`, unless "I" or "we" stands earlier in the same clause as its subject. */
  const otherUnlessSubjectBefore = (j: number): Actor => {
    for (let k = j - 1; k >= 0; k--) {
      if (SUBJECT_SELF.has(lower[k]!)) return 'self'
      if (SUBJECT_WE.has(lower[k]!)) return 'we'
      if (breaks[k + 1] === true || CLAUSE_OPENERS.has(lower[k]!)) break
    }
    return 'other'
  }
  for (let j = from - 1; j >= 0; j--) {
    const w = lower[j]!
    if (OBJECT_FORMS.has(w)) {
      if (w !== 'him' && w !== 'them' && opensClause(j)) return 'other'
      if (breaks[j] || CLAUSE_OPENERS.has(w)) break
      continue
    }
    if (SELF.has(w)) return 'self'
    if (WE.has(w)) return 'we'
    if (OTHERS.has(w) || namedSubject(lower, capitalised, j)) return otherUnlessSubjectBefore(j)
    if (breaks[j] || CLAUSE_OPENERS.has(w)) break
  }
  // Evidence told as an opening phrase before its clause's subject ("she over-orders, and instead of fixing it
  // myself I ask her…") belongs to the subject that follows it; other evidence before any subject ("Within ten
  // minutes, without waiting for the provider, I moved…") to the sentence's subject: a personal pronoun first,
  // since a noun before it is more often an object.
  if (LEADING.has(lower[from]!))
    for (let j = to; j < lower.length; j++) {
      const w = lower[j]!
      if (CLAUSE_OPENERS.has(w)) break
      if (SUBJECT_SELF.has(w)) return 'self'
      if (SUBJECT_WE.has(w)) return 'we'
      if (w === 'he' || w === 'she' || w === 'they') return 'other'
    }
  for (const w of lower) {
    if (SUBJECT_SELF.has(w)) return 'self'
    if (SUBJECT_WE.has(w)) return 'we'
    if (w === 'he' || w === 'she' || w === 'they') return 'other'
  }
  for (let j = 0; j < lower.length; j++) {
    const w = lower[j]!
    if (OBJECT_FORMS.has(w)) {
      if (w !== 'him' && w !== 'them' && opensClause(j)) return 'other'
      continue
    }
    if (SELF.has(w)) return 'self'
    if (WE.has(w)) return 'we'
    if (OTHERS.has(w)) return 'other'
  }
  return 'self'
}
