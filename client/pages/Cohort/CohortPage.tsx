// The instructor view of one cohort: its invite maker and its progress.

import { useRoute } from 'preact-iso'
import { teamApi } from '../../team-api'
import { InviteMaker } from './InviteMaker'
import { useLoad } from './load'
import { Progress } from './Progress'

export function CohortPage() {
  const { params } = useRoute()
  const id = params.id ?? ''
  const [progress] = useLoad(() => teamApi.progress(id), [id])
  return (
    <main id="main" tabIndex={-1} class="page cohort-page">
      {progress.state === 'loading' && <p role="status">Loading…</p>}
      {progress.state === 'error' && (
        <>
          <h1>Cohort</h1>
          <p role="alert">
            {progress.status === 403
              ? "Only the cohort's instructors see its progress."
              : progress.status === 404
                ? 'There is no such cohort, or you are not in it.'
                : progress.message}
          </p>
        </>
      )}
      {progress.state === 'ok' && (
        <>
          <h1>{progress.value.cohort.name}</h1>
          <p>
            <a href="/cohorts">All cohorts</a>
          </p>
          <InviteMaker cohortId={progress.value.cohort.id} />
          <Progress p={progress.value} />
        </>
      )}
    </main>
  )
}
