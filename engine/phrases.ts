// Phrase tables: match lists of multi-word phrases against token sequences in one pass.

import { TOKEN_SOURCE } from './text'

export interface PhraseHit {
  phrase: string
  /** Index of the first and one past the last token matched. */
  from: number
  to: number
}

interface PhraseEntry {
  /** The phrase's words, normalized as the words it is matched against. */
  words: string[]
  phrase: string
}

/** A phrase list ready to match. Plain JSON data, so it can be part of a compiled rubric. */
export interface PhraseTable {
  /** First word → phrases starting with it, longest first. Read only through own keys (see `entriesFor`). */
  byFirst: Record<string, PhraseEntry[]>
}

export function compilePhrases(
  phrases: readonly string[],
  normalize: (w: string) => string = (w) => w,
): PhraseTable {
  // No prototype, so a first word such as "constructor" or "__proto__" is an ordinary key.
  const byFirst: Record<string, PhraseEntry[]> = Object.create(null)
  for (const phrase of phrases) {
    const words = splitPhrase(phrase).map(normalize)
    if (words.length === 0) continue
    const first = words[0]!
    const list = entriesFor(byFirst, first) ?? []
    list.push({ words, phrase })
    byFirst[first] = list
  }
  for (const list of Object.values(byFirst)) list.sort((a, b) => b.words.length - a.words.length)
  return { byFirst }
}

/** The entries under `word`; own keys only, since a table that went through JSON has Object's prototype. */
function entriesFor(byFirst: Record<string, PhraseEntry[]>, word: string): PhraseEntry[] | undefined {
  return Object.hasOwn(byFirst, word) ? byFirst[word] : undefined
}

/** Splits a phrase into lower-case words the same way the tokenizer splits text. */
export function splitPhrase(phrase: string): string[] {
  // The same tokenizer as the answer's, so "10x" or "p99" in a phrase match the answer's tokens.
  return phrase.toLowerCase().replace(/’/g, "'").match(new RegExp(TOKEN_SOURCE.source, 'gu')) ?? []
}

/** All non-overlapping hits, left to right, preferring the longest phrase at each position. */
export function findPhrases(table: PhraseTable, words: readonly string[]): PhraseHit[] {
  const hits: PhraseHit[] = []
  const to = words.length
  let i = 0
  while (i < to) {
    const candidates = entriesFor(table.byFirst, words[i]!)
    let matched: PhraseHit | undefined
    if (candidates !== undefined) {
      for (const c of candidates) {
        const n = c.words.length
        if (i + n > to) continue
        let ok = true
        for (let k = 1; k < n; k++) {
          if (words[i + k] !== c.words[k]) {
            ok = false
            break
          }
        }
        if (ok) {
          matched = { phrase: c.phrase, from: i, to: i + n }
          break
        }
      }
    }
    if (matched !== undefined) {
      hits.push(matched)
      i = matched.to
    } else {
      i++
    }
  }
  return hits
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
