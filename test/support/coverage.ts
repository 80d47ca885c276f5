// Expected coverage areas, shared by the client and server suites. Written out here rather than built with the
// client's or the server's own code, so that a test comparing against them checks that code.

import type { CoverageArea } from '../../contract/progress'
import type { AreaKind } from '../../engine/kinds'

/** An area no attempt has practised yet, as GET /api/coverage answers it. */
export function unpractisedArea(id: string, title: string, kind: AreaKind): CoverageArea {
  return {
    id,
    title,
    kind,
    attempts: 0,
    best: null,
    bestAttemptId: null,
    bestBandId: null,
    bestBand: null,
    bestAttempt: null,
    status: 'none yet',
  }
}
