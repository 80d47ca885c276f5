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

/** A phrase that ends at a trie node: its text and the list it belongs to. */
interface PhraseEnd {
  phrase: string
  list: number
}

/** A node of the phrase trie: the next word's node, and the phrases that end here (in the lists' order). */
interface TrieNode {
  next: Map<string, TrieNode> | undefined
  ends: PhraseEnd[] | undefined
}

/** Several phrase lists compiled into one word trie, so a sentence is scanned once for all of them. */
export interface MultiTable {
  /** Numbers the tables, so a word's memo can hold its first node in each (`WordRoots`). */
  id: number
  root: Map<string, TrieNode>
  lists: number
  /** The result of a scan without hits: every list the one shared empty list. Frozen, as is each list. */
  none: readonly PhraseHit[][]
}

/** A word's first trie node in each table by table id (null: no phrase starts with it), filled in as found. */
export interface WordRoots {
  roots: (TrieNode | null | undefined)[]
}

let tables = 0

/** The empty list of hits that every list without any shares; frozen, as nothing may add to it. */
const NO_HITS = Object.freeze([]) as unknown as PhraseHit[]

export function compileMulti(lists: readonly (readonly string[])[]): MultiTable {
  const root = new Map<string, TrieNode>()
  lists.forEach((phrases, list) => {
    for (const phrase of phrases) {
      const words = splitPhrase(phrase)
      if (words.length === 0) continue
      let level = root
      let node: TrieNode | undefined
      for (const w of words) {
        node = level.get(w)
        if (node === undefined) {
          node = { next: undefined, ends: undefined }
          level.set(w, node)
        }
        node.next ??= new Map()
        level = node.next
      }
      node!.ends ??= []
      node!.ends.push({ phrase, list })
    }
  })
  const none = Object.freeze(Array.from({ length: lists.length }, () => NO_HITS))
  return { id: tables++, root, lists: lists.length, none }
}
/** Per list, the first word index free for its next hit: scratch space that each scan resets. */
let NEXT_FREE = new Int32Array(16)

// The nodes with phrases ending there along one walk, shallowest first, and their depths: scratch space that
// each walk overwrites (scanning is synchronous and never re-entered).
const FOUND: TrieNode[] = []
const DEPTHS: number[] = []

/**
 * Hits per list, each list's hits non-overlapping, left to right, and at each position the longest phrase of
 * the list that matches there (of equal phrases, the first listed). One walk down the trie per word.
 * `memo[i]`, when given, is word i's memo of its first nodes.
 */
export function scanAll(
  table: MultiTable,
  words: readonly string[],
  memo?: readonly WordRoots[],
): PhraseHit[][] {
  // A list without hits is the one shared empty list until its first hit: most lists of a sentence stay empty.
  const hits: PhraseHit[][] = []
  for (let l = 0; l < table.lists; l++) hits.push(NO_HITS)
  if (words.length === 0) return hits
  if (NEXT_FREE.length < table.lists) NEXT_FREE = new Int32Array(table.lists)
  const nextFree = NEXT_FREE
  nextFree.fill(0, 0, table.lists)
  const found = FOUND
  const depths = DEPTHS
  let count = 0
  for (let i = 0; i < words.length; i++) {
    let node: TrieNode | undefined
    if (memo === undefined) node = table.root.get(words[i]!)
    else {
      // Each distinct word looks itself up in each table once, however often it occurs.
      const roots = memo[i]!.roots
      let r = roots[table.id]
      if (r === undefined) {
        r = table.root.get(words[i]!) ?? null
        roots[table.id] = r
      }
      node = r ?? undefined
    }
    if (node === undefined) continue
    count = 0
    for (let k = i + 1; ; k++) {
      if (node.ends !== undefined) {
        found[count] = node
        depths[count] = k - i
        count++
      }
      if (k >= words.length || node.next === undefined) break
      const child: TrieNode | undefined = node.next.get(words[k]!)
      if (child === undefined) break
      node = child
    }
    // Longest first, as each list takes the longest phrase that matches at this position.
    for (let f = count - 1; f >= 0; f--) {
      const n = depths[f]!
      for (const end of found[f]!.ends!) {
        if (nextFree[end.list]! > i) continue
        const hit: PhraseHit = { phrase: end.phrase, from: i, to: i + n }
        if (hits[end.list] === NO_HITS) hits[end.list] = [hit]
        else hits[end.list]!.push(hit)
        nextFree[end.list] = i + n
      }
    }
  }
  return hits
}
