// The kinds of rubric, written once: the rubric format, the API contract, the server and the client derive from these.

/**
 * The kinds of rubric that name an area to practise (coverage, "next prompt"), in the order areas are shown:
 * leadership principles, then competencies, then themes.
 */
export const AREA_KINDS = ['leadership-principle', 'competency', 'theme'] as const

/** Every kind a rubric file may declare: `general` rubrics (such as star-core) train no particular area. */
export const RUBRIC_KINDS = ['general', ...AREA_KINDS] as const

export type AreaKind = (typeof AREA_KINDS)[number]
export type RubricKind = (typeof RUBRIC_KINDS)[number]

export function isAreaKind(kind: string): kind is AreaKind {
  return (AREA_KINDS as readonly string[]).includes(kind)
}
