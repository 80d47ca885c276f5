// Story reuse: how much two answers tell the same story, by shingled word overlap. Pure and deterministic, so the
// browser and the server flag the same pairs.

/**
 * Content words per shingle: two in a row ("billing export", "export rescue") are specific to a story, where
 * single words are shared by any two answers. Over the labelled sets (17,578 pairs of answers), two different
 * stories reached at most 0.18, and a quarter of the pairs that tell one story in other words reach 0.2.
 */
export const SHINGLE_WORDS = 2

/** From this similarity on, two answers in one loop are flagged as the same story. */
export const STORY_REUSE_THRESHOLD = 0.2

/** Words every story shares, left out so that shingles are made of what the story is about. */
const FUNCTION_WORDS = new Set(
  (
    'a an the and or but so of to in on at for with by from as is was were be been it its this that these ' +
    'those i we my our me us he she they them their his her you your had has have did do does not no into ' +
    'over up out then than when while which who what how about after before because also just very'
  ).split(' '),
)

/** The answer's shingles: lower-case content words (letters, digits, inner apostrophes), SHINGLE_WORDS at a time. */
export function shingles(text: string): Set<string> {
  const words = (text.toLowerCase().match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu) ?? []).filter(
    (w) => !FUNCTION_WORDS.has(w),
  )
  const out = new Set<string>()
  for (let i = 0; i + SHINGLE_WORDS <= words.length; i++) out.add(words.slice(i, i + SHINGLE_WORDS).join(' '))
  return out
}

/**
 * The share of the shorter answer's shingles that the other answer also has (the overlap coefficient), two
 * decimals: 1 when one answer retells the other, near 0 for two different stories. 0 when either has no shingle.
 */
export function storySimilarity(a: string, b: string): number {
  return overlap(shingles(a), shingles(b))
}

function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a]
  if (small.size === 0) return 0
  let shared = 0
  for (const s of small) if (large.has(s)) shared++
  return Math.round((shared / small.size) * 100) / 100
}

export interface StoryReuse {
  kind: 'story-reused'
  /** The two answers' ids, in the order they were given. */
  promptIds: [string, string]
  similarity: number
  threshold: number
}

/** Every pair of answers at or above the threshold, in the order the answers were given. */
export function storyReuse(
  answers: readonly { promptId: string; text: string }[],
  threshold = STORY_REUSE_THRESHOLD,
): StoryReuse[] {
  const sets = answers.map((a) => shingles(a.text))
  const out: StoryReuse[] = []
  for (let i = 0; i < answers.length; i++) {
    for (let j = i + 1; j < answers.length; j++) {
      const similarity = overlap(sets[i]!, sets[j]!)
      if (similarity >= threshold) {
        out.push({
          kind: 'story-reused',
          promptIds: [answers[i]!.promptId, answers[j]!.promptId],
          similarity,
          threshold,
        })
      }
    }
  }
  return out
}
