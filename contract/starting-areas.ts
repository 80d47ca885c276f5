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
