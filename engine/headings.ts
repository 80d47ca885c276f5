// Explicit STAR headings: "Situation:", "**Task** –", "## Action", "(R)", and the words that name a section.

export type HeadingSection = 'situation' | 'task' | 'action' | 'result'

const HEADING_WORDS = new Map<string, HeadingSection>(
  Object.entries({
    situation: 'situation',
    'the situation': 'situation',
    context: 'situation',
    'the context': 'situation',
    background: 'situation',
    setting: 'situation',
    problem: 'situation',
    'the problem': 'situation',
    challenge: 'situation',
    'the challenge': 'situation',
    s: 'situation',
    task: 'task',
    tasks: 'task',
    'my task': 'task',
    'our task': 'task',
    'the task': 'task',
    goal: 'task',
    goals: 'task',
    'my goal': 'task',
    'our goal': 'task',
    'the goal': 'task',
    objective: 'task',
    'the ask': 'task',
    assignment: 'task',
    responsibility: 'task',
    'my responsibility': 'task',
    role: 'task',
    'my role': 'task',
    'my part': 'task',
    'what i owned': 'task',
    'what i took on': 'task',
    'what we took on': 'task',
    mission: 'task',
    t: 'task',
    action: 'action',
    actions: 'action',
    approach: 'action',
    'what i did': 'action',
    'what we did': 'action',
    'what i changed': 'action',
    'what i found': 'action',
    'what i built': 'action',
    'what we built': 'action',
    'how i did it': 'action',
    decision: 'action',
    decisions: 'action',
    'key decisions': 'action',
    'the decision': 'action',
    'trade-off': 'action',
    'trade-offs': 'action',
    tradeoffs: 'action',
    solution: 'action',
    'the fix': 'action',
    execution: 'action',
    steps: 'action',
    a: 'action',
    result: 'result',
    results: 'result',
    'the result': 'result',
    outcome: 'result',
    outcomes: 'result',
    'the outcome': 'result',
    impact: 'result',
    'the impact': 'result',
    'how it went': 'result',
    'how it did': 'result',
    'how it held up': 'result',
    learning: 'result',
    learnings: 'result',
    lesson: 'result',
    lessons: 'result',
    'lessons learned': 'result',
    'what i learned': 'result',
    'what i learnt': 'result',
    reflection: 'result',
    takeaway: 'result',
    takeaways: 'result',
    r: 'result',
  }),
)
/**
 * Headings in the candidate's own words, read by their verb: "What I picked up", "How I got up to speed", "How"
 * tell what the candidate did; "What I took away" a lesson; "What I had to do" what they owned.
 */
const RESULT_VERBS =
  /^(?:learned|learnt|took away|take away|took from|take from|would do differently|do differently|changed after|got out of it|came of it|achieved|delivered|shipped|ended up with)\b/
const TASK_VERBS =
  /^(?:wanted|owned|had to do|had to|needed to do|needed to|was asked|was asked to do|was responsible for|signed up for|took on)\b/

/** The section a heading in the candidate's own words names, or undefined when it is not one. */
function ownWordsHeading(word: string): HeadingSection | undefined {
  if (word === 'how') return 'action'
  const m = /^(what|how) (?:i|we|i'd|we'd|i've|we've) (.+)$/.exec(word)
  if (m === null) return undefined
  const rest = m[2]!
  // "How I learned" tells how the candidate studied; "What I learned" the lesson.
  if (m[1] === 'how') return 'action'
  if (RESULT_VERBS.test(rest)) return 'result'
  if (TASK_VERBS.test(rest)) return 'task'
  return 'action'
}

/** First words of the headings, for a cheap pre-check before the heading pattern runs. */
const HEADING_LEADS = new Set(
  [...HEADING_WORDS.keys()].map((k) => k.split(/[ -]/)[0]!).concat(['how', 'what']),
)

// "Situation:", "**Task** –", "## Action", "S -", "Result —", "(R)", "**What I did**". Single letters need a delimiter.
const HEADING_RE =
  /^[ \t]*(?:#{1,6}[ \t]*)?(?:[-*•][ \t]+)?(\*\*|__|\*|_)?\(?([A-Za-z]+(?:-[A-Za-z]+)?(?: [A-Za-z']+(?:-[A-Za-z]+)?){0,5})\)?(\*\*|__|\*|_)?[ \t]*(:|[-–—]+(?=[ \t]|$)|\)|$)(?:\*\*|__)?[ \t]*/

/** Recognises an explicit heading at the start of `line`; returns its section and its length. */
export function matchHeading(line: string): { section: HeadingSection; length: number } | undefined {
  const m = HEADING_RE.exec(line)
  if (m === null) return undefined
  const word = m[2]!.toLowerCase()
  // In the candidate's own words, only a colon marks a heading, or a dash after emphasis or ending the line:
  // "What I wanted — more than anything — was to keep that client" is a sentence.
  const marked =
    m[4] === ':' ||
    (/^[-–—]/.test(m[4]!) &&
      (m[1] !== undefined || m[3] !== undefined || line.slice(m[0].length).trim() === ''))
  const section = HEADING_WORDS.get(word) ?? (marked ? ownWordsHeading(word) : undefined)
  if (section === undefined) return undefined
  const delimiter = m[4]!
  const emphasised = m[1] !== undefined || m[3] !== undefined
  const restEmpty = line.slice(m[0].length).trim() === ''
  if (word.length === 1) {
    // "A developer..." or "I ..." must not read as headings: single letters need ":" "-" or ")" after them.
    if (delimiter === '' && !emphasised) return undefined
    if (delimiter === '' && !restEmpty) return undefined
  } else if (delimiter === '' && !restEmpty && !emphasised) {
    // "Results were good." is a sentence, not a heading; a bare word is a heading only on a line of its own.
    return undefined
  }
  if (word.includes(' ') && delimiter === '' && !restEmpty) return undefined
  return { section, length: m[0].length }
}

/** The longest first word of a heading. */
const LEAD_LENGTH = Math.max(...[...HEADING_LEADS].map((w) => w.length))

/** Cheap pre-check on the line `text.slice(from, to)`, read in place: its first word (after markup) is one of the heading words. */
export function mayBeHeadingAt(text: string, from: number, to: number): boolean {
  let i = from
  while (i < to && isMarkup(text.charCodeAt(i))) i++
  let j = i
  while (j < to) {
    const c = text.charCodeAt(j) | 32
    if (c < 97 || c > 122) break
    j++
  }
  // Only a word as short as a heading word can be one: longer words are not copied to be looked up.
  if (j - i > LEAD_LENGTH) return false
  return HEADING_LEADS.has(text.slice(i, j).toLowerCase())
}

/** Markup before a heading's first word: space, tab, "#", "*", "_", "-", "•", "(". */
function isMarkup(c: number): boolean {
  return c === 32 || c === 9 || c === 35 || c === 42 || c === 95 || c === 45 || c === 0x2022 || c === 40
}

/** Mid-paragraph, only an unmistakable heading counts: a section word (or letter) followed by ":" or a dash. */
export function inlineHeadingOk(line: string, length: number): boolean {
  const head = line.slice(0, length)
  return /[:\-–—]\**\s*$/.test(head) && /^\s*\S/.test(line.slice(length))
}
