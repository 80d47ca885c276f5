// Who acts in a sentence: the speaker, their team, someone else, or the listener.

// Pronouns that name who acted; possessives ("my", "our") are left out: "our five services" hides nobody.
export const I_FORMS = new Set(['i', "i'm", "i've", "i'd", "i'll", 'me', 'myself'])
export const I_SUBJECT = new Set(['i', "i've", "i'd", "i'll", "i'm"])
export const WE_FORMS = new Set(['we', "we're", "we've", "we'd", "we'll", 'us', 'ourselves'])
export const WE_SUBJECT = new Set(['we', "we've", "we'd", "we'll", "we're"])

/** Nouns that stand for the speaker's group as a subject: "the team rewrote…" hides the speaker as "we" does. */
export const TEAM_SUBJECT_HEADS = new Set(['team', 'teams', 'group', 'squad', 'everyone', 'everybody'])

/**
 * Prepositions that place a noun rather than make it act: "Farah on my team kept running the tests" (Farah acted, not
 * the team), "I was on the team responsible for billing" (a place, not a role).
 */
export const PLACING = new Set([
  'on',
  'in',
  'at',
  'with',
  'to',
  'for',
  'from',
  'under',
  'of',
  'near',
  'beside',
])

/** Words for part or all of a team: "most of the team", "everyone in the team" is the team acting. */
export const TEAM_SHARE = new Set([
  'most',
  'half',
  'all',
  'some',
  'many',
  'few',
  'rest',
  'everyone',
  'everybody',
  'each',
  'both',
  'majority',
  'none',
  'members',
])

/** Words before a team noun that make it the speaker's group: "the team", "our whole group". */
export const DETERMINERS = new Set(['the', 'our', 'my', 'whole', 'entire'])

/** Subjects that are neither the speaker nor their team. */
export const OTHER_SUBJECTS = new Set(['it', 'this', 'that', 'there', 'they', 'he', 'she'])

/** Second-person words: the speaker addresses the listener ("you know", "if you've ever"). */
export const SECOND_PERSON = new Set(['you', "you've", "you'll", "you're", "you'd"])
