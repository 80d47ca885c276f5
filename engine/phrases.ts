// Phrase tables: match lists of multi-word phrases against token sequences in one pass.

import { TOKEN_SOURCE } from './text'

export interface PhraseHit {
  phrase: string
  /** Index of the first and one past the last token matched. */
  from: number
  to: number
}

/** Splits a phrase into lower-case words the same way the tokenizer splits text. */
export function splitPhrase(phrase: string): string[] {
  // The same tokenizer as the answer's, so "10x" or "p99" in a phrase match the answer's tokens.
  return phrase.toLowerCase().replace(/’/g, "'").match(new RegExp(TOKEN_SOURCE.source, 'gu')) ?? []
}

/** Several phrase lists compiled into one table, so a sentence is scanned once for all of them. */
export interface MultiTable {
  byFirst: Map<string, { words: string[]; phrase: string; list: number }[]>
  lists: number
}

export function compileMulti(lists: readonly (readonly string[])[]): MultiTable {
  const byFirst = new Map<string, { words: string[]; phrase: string; list: number }[]>()
  lists.forEach((phrases, list) => {
    for (const phrase of phrases) {
      const words = splitPhrase(phrase)
      if (words.length === 0) continue
      const entries = byFirst.get(words[0]!) ?? []
      entries.push({ words, phrase, list })
      byFirst.set(words[0]!, entries)
    }
  })
  for (const entries of byFirst.values()) entries.sort((a, b) => b.words.length - a.words.length)
  return { byFirst, lists: lists.length }
}

/** Hits per list, each list's hits non-overlapping and longest-first, as `findPhrases` gives them. */
export function scanAll(table: MultiTable, words: readonly string[]): PhraseHit[][] {
  const hits: PhraseHit[][] = new Array(table.lists)
  for (let l = 0; l < table.lists; l++) hits[l] = []
  const nextFree = new Int32Array(table.lists)
  for (let i = 0; i < words.length; i++) {
    const candidates = table.byFirst.get(words[i]!)
    if (candidates === undefined) continue
    for (const c of candidates) {
      if (nextFree[c.list]! > i) continue
      const n = c.words.length
      if (i + n > words.length) continue
      let ok = true
      for (let k = 1; k < n; k++) {
        if (words[i + k] !== c.words[k]) {
          ok = false
          break
        }
      }
      if (!ok) continue
      hits[c.list]!.push({ phrase: c.phrase, from: i, to: i + n })
      nextFree[c.list] = i + n
    }
  }
  return hits
}
