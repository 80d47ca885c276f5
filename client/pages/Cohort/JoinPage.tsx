// Joining a cohort with an invite link.

import { useState } from 'preact/hooks'
import { useLocation } from 'preact-iso'
import { teamApi } from '../../team-api'

/** An invite link opened while signed in: join its cohort. */
export function JoinPage() {
  const { query, route } = useLocation()
  const [error, setError] = useState<string | undefined>()
  const token = query.invite ?? ''
  const join = async () => {
    try {
      await teamApi.join(token)
      route('/cohorts', true)
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e))
    }
  }
  return (
    <main id="main" tabIndex={-1} class="page auth-page">
      <h1>Join a cohort</h1>
      {token === '' ? (
        <p>This link has no invite in it. Ask your instructor for the link again.</p>
      ) : (
        <button type="button" class="primary" onClick={() => void join()}>
          Join the cohort
        </button>
      )}
      {error && (
        <p class="field-error" role="alert">
          {error}
        </p>
      )}
    </main>
  )
}
