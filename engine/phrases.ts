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
  root: Map<string, TrieNode>
  lists: number
}

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
  return { root, lists: lists.length }
}

/**
 * Hits per list, each list's hits non-overlapping, left to right, and at each position the longest phrase of
 * the list that matches there (of equal phrases, the first listed). One walk down the trie per word.
 */
export function scanAll(table: MultiTable, words: readonly string[]): PhraseHit[][] {
  const hits: PhraseHit[][] = new Array(table.lists)
  for (let l = 0; l < table.lists; l++) hits[l] = []
  const nextFree = new Int32Array(table.lists)
  // The nodes with phrases ending there along one walk, shallowest first, and their depths.
  const found: TrieNode[] = []
  const depths: number[] = []
  for (let i = 0; i < words.length; i++) {
    let node = table.root.get(words[i]!)
    if (node === undefined) continue
    found.length = 0
    depths.length = 0
    for (let k = i + 1; ; k++) {
      if (node.ends !== undefined) {
        found.push(node)
        depths.push(k - i)
      }
      if (k >= words.length || node.next === undefined) break
      const child: TrieNode | undefined = node.next.get(words[k]!)
      if (child === undefined) break
      node = child
    }
    // Longest first, as each list takes the longest phrase that matches at this position.
    for (let f = found.length - 1; f >= 0; f--) {
      const n = depths[f]!
      for (const end of found[f]!.ends!) {
        if (nextFree[end.list]! > i) continue
        hits[end.list]!.push({ phrase: end.phrase, from: i, to: i + n })
        nextFree[end.list] = i + n
      }
    }
  }
  return hits
}
