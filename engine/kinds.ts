// The kinds of rubric, written once: the rubric format, the API contract, the server and the client derive from these.

/**
 * The kinds of rubric that name an area to practise (coverage, "next prompt"), in the order areas are shown:
 * leadership principles, then competencies, then themes, then a company's own values.
 */
export const AREA_KINDS = ['leadership-principle', 'competency', 'theme', 'value'] as const

/** Every kind a rubric file may declare: `general` rubrics (such as star-core) train no particular area. */
export const RUBRIC_KINDS = ['general', ...AREA_KINDS] as const

export type AreaKind = (typeof AREA_KINDS)[number]
export type RubricKind = (typeof RUBRIC_KINDS)[number]

export function isAreaKind(kind: string): kind is AreaKind {
  return (AREA_KINDS as readonly string[]).includes(kind)
}

// Where a new candidate starts: the Leadership Principles most often asked about in behavioural interviews,
// the most asked first. Shared by the server's next prompt and the Practice page's "Start here" set.

/**
 * Rubric ids, the most asked first. "Next: weakest area" offers the unpractised ones in this order before
 * any other area (then principles, competencies and themes, each by id); areas not in service are skipped.
 */
export const STARTING_AREAS: readonly string[] = [
  'ownership',
  'customer-obsession',
  'deliver-results',
  'dive-deep',
  'earn-trust',
  'bias-for-action',
  'have-backbone-disagree-and-commit',
  'insist-on-the-highest-standards',
]
