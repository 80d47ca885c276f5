// Lints of keyword phrases as a rubric file writes them: too many in a group, too long, no words at all, a
// word class that does not exist, or a symbol standing as a word.

import { phraseSlots, wordClass } from './evidence'
import { capital } from './parse-place'
import { splitPhrase } from './phrases'
import type { ErrorAt } from './rubric-error-at'
import { show } from './rubric-messages'
import { RUBRIC_LIMITS } from './schema'
import type { RubricError } from './types'

/** Words of a keyword phrase: `…` skips words and `a/b` is one word of alternatives. */
function phraseWords(phrase: string): string[] {
  return phrase.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w))
}

/** A `$word` slot of letters that names no word class: a slip, since "$40" or "$2m" are amounts read as written. */
function unknownClass(words: readonly string[]): string | undefined {
  return words.find((w) => /^\$\p{L}+$/u.test(w) && wordClass(w) === undefined)
}

/**
 * A word of the phrase that is read as nothing ("%" in "% of the time", "+", "&"): the phrase then matches
 * without it, so "% of the time" would match "most of the time".
 */
function skippedSymbol(phrase: string): string | undefined {
  return phrase
    .replace(/\.\.\./g, ' … ')
    .split(/\s+/)
    .find((w) => w !== '' && w !== '…' && phraseSlots(w, splitPhrase).length === 0)
}

/** A phrase this long is rarely said word for word: usually two phrases with the comma between them lost. */
const LONG_PHRASE_WORDS = 5

/** Phrases a file writes for one group: where the group and the list are, and how many the group has in all. */
export interface PhraseList {
  /** The group, e.g. `['criteria', 2, 'groups', 0]`. */
  group: readonly (string | number)[]
  /** The list of phrases the file writes, e.g. `[...group, 'any']`. */
  list: readonly (string | number)[]
  phrases: readonly string[]
  /** Phrases in the group once inherited ones are added; the size limit applies to these. */
  total: number
}

/** The phrase lists of a keywords criterion's own `groups`, as the file writes them. */
export function ownPhraseLists(options: Record<string, unknown>, i: number): PhraseList[] {
  const groups = options.groups as { any?: string[] }[] | undefined
  return (groups ?? []).map((g, j) => {
    const group = ['criteria', i, 'groups', j]
    const phrases = g.any ?? []
    return { group, list: [...group, 'any'], phrases, total: phrases.length }
  })
}

/**
 * Lints phrase lists: too many in a group is an error; a phrase of five or more words (unless quoted), or of
 * punctuation only, a warning.
 */
export function phraseLints(lists: readonly PhraseList[], at: ErrorAt, errors: RubricError[]): RubricError[] {
  const warnings: RubricError[] = []
  for (const { group, list, phrases, total } of lists) {
    const place = capital(at.place(group))
    if (total > RUBRIC_LIMITS.phrasesPerGroup) {
      const inherited = total > phrases.length ? ` with the inherited ones` : ''
      errors.push(
        at.error(
          list,
          'size-limit',
          `${place}: ${total} phrases${inherited}; a group may have at most ${RUBRIC_LIMITS.phrasesPerGroup}. Split it into groups by what each shows`,
        ),
      )
      continue
    }
    phrases.forEach((phrase, k) => {
      const words = phraseWords(phrase)
      const symbol = skippedSymbol(phrase)
      if (words.length === 0) {
        warnings.push(
          at.warning(
            [...list, k],
            'punctuation-phrase',
            `${place}: the phrase ${show(phrase)} has no words, so it never matches; remove it`,
          ),
        )
      } else if (unknownClass(words) !== undefined) {
        warnings.push(
          at.warning(
            [...list, k],
            'unknown-class',
            `${place}: the phrase ${show(phrase)} names the word class ${show(unknownClass(words)!)}, which does not exist, so it is read as that word; use a class listed in the rubric reference or write the words`,
          ),
        )
      } else if (symbol !== undefined) {
        const percent = symbol.includes('%') ? 'write #% for a percentage' : 'write it as a word'
        warnings.push(
          at.warning(
            [...list, k],
            'skipped-symbol',
            `${place}: in the phrase ${show(phrase)}, ${show(symbol)} is not a word and is skipped, so the phrase matches without it; ${percent}, or remove it`,
          ),
        )
      } else if (words.length >= LONG_PHRASE_WORDS && !at.quoted([...list, k])) {
        warnings.push(
          at.warning(
            [...list, k],
            'long-phrase',
            `${place}: the phrase ${show(phrase)} has ${words.length} words and matches only when said word for word; is a comma missing between two phrases? (Quote a phrase meant this long to keep it without a warning)`,
          ),
        )
      }
    })
  }
  return warnings
}
