// One cohort in the list: for its instructors a link to its view and an invite maker, for a candidate whether
// to share their answers with it.

import { useState } from 'preact/hooks'
import type { CohortSummary } from '../../../contract/team'
import { teamApi } from '../../team-api'
import { InviteMaker } from './InviteMaker'

export function CohortRow({ cohort }: { cohort: CohortSummary }) {
  const [share, setShare] = useState<boolean | undefined>()
  const toggle = async (value: boolean) => {
    const res = await teamApi.shareWithCohort(cohort.id, value)
    setShare(res.share)
  }
  return (
    <li class="cohort-row">
      {cohort.role === 'instructor' ? (
        <a href={`/cohorts/${cohort.id}`}>{cohort.name}</a>
      ) : (
        <span>{cohort.name}</span>
      )}{' '}
      <span class="muted">
        {cohort.role === 'instructor' ? 'you teach it' : 'you are a candidate'} · {cohort.members}{' '}
        {cohort.members === 1 ? 'member' : 'members'}
      </span>
      {cohort.role === 'instructor' ? (
        <InviteMaker cohortId={cohort.id} />
      ) : (
        <label class="share-toggle">
          <input
            type="checkbox"
            checked={share === true}
            onChange={(e) => void toggle(e.currentTarget.checked)}
          />{' '}
          Let this cohort's instructors read my answers
        </label>
      )}
    </li>
  )
}
