// Why a criterion earned what it did: the spans of the answer its check counted toward it (the steps told with
// "I", the details counted, the sentences of each STAR section, the measured outcome, the lesson…), so that an
// instructor trying a rubric sees why a criterion was met, whatever its kind. Read from what each check computes;
// the score report is not changed by it.

import type { Analysis } from './analysis-types'
import { plural, SECTION_NAMES, storySentences } from './checks/check'
import type { HedgingOptions } from './checks/hedging/options'
import { storySteps } from './checks/hypothetical/run'
import type { LengthOptions } from './checks/length/options'
import { speakingSeconds } from './checks/length/run'
import { ownSentences } from './checks/ownership/run'
import { countedDetails } from './checks/specificity/run'
import type { StarSectionsOptions } from './checks/star-sections/options'
import { countedStars } from './checks/star-sections/run'
import type { Criterion, CriterionResult, Place } from './types'

/** A span of the answer that a criterion's check counted toward it, and why, in words. */
export interface EarnedSpan extends Place {
  reason: string
}

/** The story told, from its first sentence with words to its last: what length and tone are judged on. */
function wholeStory(analysis: Analysis): Place | undefined {
  const story = storySentences(analysis)
  const first = story[0]
  const last = story[story.length - 1]
  return first === undefined || last === undefined ? undefined : { start: first.start, end: last.end }
}

/** The spans the criterion's check counted, for each kind. */
function spansOf(analysis: Analysis, c: Criterion, result: CriterionResult) {
  const at = (p: Place, reason: string): EarnedSpan => ({ start: p.start, end: p.end, reason })
  switch (c.check) {
    case 'star-sections': {
      const { required } = c.compiled as StarSectionsOptions
      const stars = countedStars(analysis)
      return analysis.sentences.flatMap((s, i) => {
        const star = stars[i]!
        if (star === 'other' || s.headingOnly || s.features.words === 0 || !required.includes(star)) return []
        const moved =
          star === s.star
            ? ''
            : star === 'result'
              ? ': an outcome after your last step'
              : ': says what you were responsible for'
        return [at(s, `Counted as ${SECTION_NAMES[star]}${moved}`)]
      })
    }
    case 'ownership':
      return ownSentences(analysis).map(({ sentence, claim }) =>
        at(sentence, claim ? 'Names your own share of the work' : 'Told with "I": a step of your own'),
      )
    case 'hypothetical':
      return storySteps(analysis).map((s) => at(s, 'A step of a real story, told as it happened'))
    case 'specificity':
      return countedDetails(analysis).map((d) => at(d, 'Specific detail'))
    case 'length': {
      const story = wholeStory(analysis)
      if (story === undefined) return []
      const o = c.compiled as LengthOptions
      const secs = speakingSeconds(analysis.words, o.wordsPerMinute)
      return [
        at(
          story,
          `${plural(analysis.words, 'word')}, ${secs} seconds spoken; full credit for ${o.idealMin}–${o.idealMax} words`,
        ),
      ]
    }
    case 'hedging': {
      const story = wholeStory(analysis)
      if (story === undefined) return []
      const o = c.compiled as HedgingOptions
      const hedges = analysis.sentences.flatMap((s) => s.features.hedges)
      const per100 = (hedges.length * 100) / analysis.words
      return [
        at(
          story,
          `${plural(hedges.length, 'hedge')} in ${plural(analysis.words, 'word')} (${per100.toFixed(1)} per 100; full credit up to ${o.maxPer100})`,
        ),
        ...hedges.map((h) => at(h, 'Hedge or filler word')),
      ]
    }
    case 'quantified-result':
    case 'reflection':
      // What the check found is in its messages: each measured outcome, the lesson.
      return result.messages.flatMap((m) =>
        m.severity === 'info' && m.place !== undefined ? [at(m.place, m.reason)] : [],
      )
    case 'keywords':
      // Every placed message of a keyword check is a credited hit, in its section or elsewhere.
      return result.messages.flatMap((m) => (m.place === undefined ? [] : [at(m.place, m.reason)]))
    default:
      return []
  }
}

/**
 * The spans of the answer that earned `criterion` what it got under its check, in reading order, given its result
 * in the report scored from `analysis` (so no check runs twice): none when the criterion earned nothing, or when
 * its kind is unknown or not compiled.
 */
export function criterionEvidence(
  analysis: Analysis,
  criterion: Criterion,
  result: CriterionResult,
): EarnedSpan[] {
  if (criterion.compiled === undefined || analysis.words === 0 || result.score <= 0) return []
  return spansOf(analysis, criterion, result)
    .filter((s) => s.end > s.start)
    .sort((a, b) => a.start - b.start || a.end - b.end)
}
