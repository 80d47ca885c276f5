// A light suffix-stripping stemmer, enough to match "volunteered" with "volunteer" and "simplified" with "simplify".

const EXCEPTIONS = new Map<string, string>([
  ['led', 'lead'],
  ['made', 'make'],
  ['took', 'take'],
  ['built', 'build'],
  ['wrote', 'write'],
  ['written', 'write'],
  ['ran', 'run'],
  ['drove', 'drive'],
  ['driven', 'drive'],
  ['chose', 'choose'],
  ['chosen', 'choose'],
  ['spoke', 'speak'],
  ['taught', 'teach'],
  ['brought', 'bring'],
  ['thought', 'think'],
  ['found', 'find'],
  ['gave', 'give'],
  ['given', 'give'],
  ['grew', 'grow'],
  ['grown', 'grow'],
  ['met', 'meet'],
  ['sent', 'send'],
  ['spent', 'spend'],
  ['kept', 'keep'],
  ['held', 'hold'],
  ['won', 'win'],
  ['began', 'begin'],
  ['begun', 'begin'],
  ['children', 'child'],
  ['people', 'person'],
  ['data', 'data'],
  ['news', 'news'],
  ['this', 'this'],
  ['was', 'was'],
  ['has', 'has'],
  ['is', 'is'],
  ['us', 'us'],
  ['its', 'its'],
  ['his', 'his'],
])

// Answers repeat their vocabulary; a bounded memo keeps stemming off the hot path.
const MEMO = new Map<string, string>()
const MEMO_LIMIT = 20_000

/** Reduces a lower-case word to a comparison key. Pure: the memo never changes an answer. */
export function stem(word: string): string {
  const known = MEMO.get(word)
  if (known !== undefined) return known
  const result = stemUncached(word)
  if (MEMO.size >= MEMO_LIMIT) MEMO.clear()
  MEMO.set(word, result)
  return result
}

function stemUncached(word: string): string {
  let w = word
  if (w.endsWith("'s") || w.endsWith('’s')) w = w.slice(0, -2)
  const exception = EXCEPTIONS.get(w)
  if (exception !== undefined) return exception === w ? w : stemUncached(exception)
  if (w.length <= 3) return w
  // British and American spellings meet: "prioritised" and "prioritized", "organisation" and "organization".
  if (w.length > 5) w = w.replace(/([iy])s(e|es|ed|ing|ation|ations|er|ers)$/, '$1z$2')
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`
  else if (w.endsWith('ied') && w.length > 4) w = `${w.slice(0, -3)}y`
  else if (w.endsWith('sses')) w = w.slice(0, -2)
  else if (w.endsWith('ing') && w.length > 5) w = undouble(w.slice(0, -3))
  else if (w.endsWith('ed') && w.length > 4 && !w.endsWith('eed')) w = undouble(w.slice(0, -2))
  else if (w.endsWith('es') && w.length > 4 && /(?:ch|sh|x|z|ss)es$/.test(w)) w = w.slice(0, -2)
  else if (w.endsWith('s') && !/(?:ss|us|is|ous)$/.test(w)) w = w.slice(0, -1)
  if (w.endsWith('ly') && w.length > 5) w = w.slice(0, -2)
  if (w.endsWith('e') && w.length > 3) w = w.slice(0, -1)
  return w
}

function undouble(w: string): string {
  const n = w.length
  if (n >= 3 && w[n - 1] === w[n - 2] && !/[lsz]/.test(w[n - 1]!)) return w.slice(0, -1)
  return w
}
