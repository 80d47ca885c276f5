// The list of one's cohorts: instructors create cohorts and invite links there, candidates choose whether to share
// their answers, and an admin also sees the people with their roles.

import { useState } from 'preact/hooks'
import type { Account } from '../../../contract/team'
import { teamApi } from '../../team-api'
import { CohortRow } from './CohortRow'
import { useLoad } from './load'
import { People } from './People'

export function CohortsPage({ account }: { account: Account }) {
  const [list, reload] = useLoad(() => teamApi.cohorts(), [])
  const [name, setName] = useState('')
  const [error, setError] = useState<string | undefined>()
  const teaches = account.user?.role === 'admin' || account.user?.role === 'instructor'
  const create = async (e: Event) => {
    e.preventDefault()
    try {
      await teamApi.createCohort(name.trim())
      setName('')
      setError(undefined)
      reload()
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err))
    }
  }
  return (
    <main id="main" tabIndex={-1} class="page cohorts-page">
      <h1>Cohorts</h1>
      {list.state === 'loading' && <p role="status">Loading…</p>}
      {list.state === 'error' && <p role="alert">{list.message}</p>}
      {list.state === 'ok' &&
        (list.value.length === 0 ? (
          <p>
            {teaches
              ? 'No cohorts yet: create one below.'
              : 'You are in no cohort yet: open an invite link to join one.'}
          </p>
        ) : (
          <ul class="cohort-list">
            {list.value.map((c) => (
              <CohortRow key={c.id} cohort={c} />
            ))}
          </ul>
        ))}
      {teaches && (
        <form class="auth-form" onSubmit={create}>
          <div class="field">
            <label for="cohort-name">New cohort</label>
            <input
              id="cohort-name"
              required
              maxLength={120}
              placeholder="Spring bootcamp 2027"
              value={name}
              onInput={(e) => setName(e.currentTarget.value)}
            />
          </div>
          {error && (
            <p class="field-error" role="alert">
              {error}
            </p>
          )}
          <div class="actions">
            <button type="submit" class="primary">
              Create cohort
            </button>
          </div>
        </form>
      )}
      {account.user?.role === 'admin' && <People viewerId={account.user.id} />}
    </main>
  )
}
