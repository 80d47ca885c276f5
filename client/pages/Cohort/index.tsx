// Team mode's cohort pages: the list of one's cohorts (instructors create cohorts and invite links there;
// candidates choose whether to share their answers), joining with an invite link, and the instructor view of one
// cohort: coverage heat map, weakest criteria with a prompt each, attempts per member per week, and who has not
// practised this week.

import { useEffect, useState } from 'preact/hooks'
import { useLocation, useRoute } from 'preact-iso'
import type { Account, CohortProgress, CohortSummary, Invite, UserList } from '../../../contract/team'
import { ApiError } from '../../api'
import { dateTime } from '../../format'
import { teamApi } from '../../team-api'

type Load<T> =
  | { state: 'loading' }
  | { state: 'error'; message: string; status: number }
  | { state: 'ok'; value: T }

function useLoad<T>(load: () => Promise<T>, deps: unknown[]): [Load<T>, () => void] {
  const [result, setResult] = useState<Load<T>>({ state: 'loading' })
  const [generation, setGeneration] = useState(0)
  useEffect(() => {
    let live = true
    setResult({ state: 'loading' })
    load().then(
      (value) => live && setResult({ state: 'ok', value }),
      (e: unknown) =>
        live &&
        setResult({
          state: 'error',
          message: e instanceof Error ? e.message : String(e),
          status: e instanceof ApiError ? e.status : 0,
        }),
    )
    return () => {
      live = false
    }
  }, [...deps, generation])
  return [result, () => setGeneration((g) => g + 1)]
}

function InviteLink({ invite, onRevoke }: { invite: Invite; onRevoke: () => void }) {
  return (
    <div class="invite" data-testid="invite">
      <label for={`invite-${invite.id}`}>
        Invite link (shown once: copy it now). It works until {dateTime(invite.expiresAt)}.
      </label>
      <input
        id={`invite-${invite.id}`}
        readOnly
        value={invite.url}
        onFocus={(e) => e.currentTarget.select()}
      />
      <button type="button" class="small" onClick={onRevoke}>
        Revoke
      </button>
    </div>
  )
}

function InviteMaker({ cohortId }: { cohortId: number }) {
  const [invite, setInvite] = useState<Invite | undefined>()
  const [note, setNote] = useState<string | undefined>()
  const make = async () => {
    try {
      setInvite(await teamApi.createInvite(cohortId))
      setNote(undefined)
    } catch (e) {
      setNote(e instanceof Error ? e.message : String(e))
    }
  }
  const revoke = async () => {
    if (invite === undefined) return
    await teamApi.revokeInvite(cohortId, invite.id)
    setInvite(undefined)
    setNote('Revoked: that link no longer works.')
  }
  return (
    <div class="invite-maker">
      <button type="button" onClick={() => void make()} data-testid={`make-invite-${cohortId}`}>
        New invite link
      </button>
      {invite && <InviteLink invite={invite} onRevoke={() => void revoke()} />}
      {note && <p role="status">{note}</p>}
    </div>
  )
}

function CohortRow({ cohort }: { cohort: CohortSummary }) {
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

type Role = UserList['users'][number]['role']

const ROLE_LABELS: Record<Role, string> = { admin: 'Admin', instructor: 'Instructor', candidate: 'Candidate' }

/** An admin's list of accounts: who signed up, and a role for each (an admin cannot change their own). */
function People({ viewerId }: { viewerId: string }) {
  const [users, reload] = useLoad(() => teamApi.users(), [])
  const [note, setNote] = useState<{ text: string; error: boolean } | undefined>()
  const change = async (id: string, name: string, role: Role) => {
    try {
      await teamApi.setRole(id, role)
      setNote({ text: `${name} is now ${ROLE_LABELS[role].toLowerCase()}.`, error: false })
    } catch (e) {
      setNote({ text: e instanceof Error ? e.message : String(e), error: true })
    }
    reload()
  }
  return (
    <section class="people" aria-labelledby="people-heading">
      <h2 id="people-heading">People</h2>
      <p class="muted">
        Everyone who has an account. Instructors create cohorts and invite links; admins also change roles.
      </p>
      {users.state === 'loading' && <p role="status">Loading…</p>}
      {users.state === 'error' && <p role="alert">{users.message}</p>}
      {users.state === 'ok' && (
        <div class="table-scroll">
          <table class="people-table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Role</th>
              </tr>
            </thead>
            <tbody>
              {users.value.map((u) => (
                <tr key={u.id} data-testid="person">
                  <td>{u.name}</td>
                  <td>{u.email}</td>
                  <td>
                    {u.id === viewerId ? (
                      <span>{ROLE_LABELS[u.role]} (you)</span>
                    ) : (
                      <select
                        aria-label={`Role of ${u.name}`}
                        value={u.role}
                        onChange={(e) => void change(u.id, u.name, e.currentTarget.value as Role)}
                      >
                        {(Object.keys(ROLE_LABELS) as Role[]).map((r) => (
                          <option key={r} value={r}>
                            {ROLE_LABELS[r]}
                          </option>
                        ))}
                      </select>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {note && (
        <p role={note.error ? 'alert' : 'status'} class={note.error ? 'field-error' : undefined}>
          {note.text}
        </p>
      )}
    </section>
  )
}

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

/** A best score as a heat-map cell: darker is stronger; empty when the area was never practised. */
function HeatCell({ best, attempts }: { best: number | undefined; attempts: number }) {
  if (best === undefined) return <td class="heat heat-none">–</td>
  const level = Math.min(4, Math.floor(best / 20))
  return (
    <td class={`heat heat-${level}`} title={`best ${best} of 100 in ${attempts} attempts`}>
      {best}
    </td>
  )
}

function Progress({ p }: { p: CohortProgress }) {
  const candidates = p.members.filter((m) => m.role === 'candidate')
  const practised = new Set(p.coverage.map((c) => c.area))
  const areas = p.areas.filter((a) => practised.has(a.id))
  const best = new Map(p.coverage.map((c) => [`${c.memberId} ${c.area}`, c]))
  const weeks = [...new Set(candidates.flatMap((m) => m.weeks.map((w) => w.week)))].sort().slice(-8)
  const idle = candidates.filter((m) => !m.practisedThisWeek)
  const names = new Map(p.members.map((m) => [m.id, m.name]))
  const shared = p.attempts.filter((a) => a.answer !== null)
  return (
    <>
      <section aria-labelledby="idle-h">
        <h2 id="idle-h">Not practised this week</h2>
        <p class="muted">Week starting {p.weekStart}</p>
        {candidates.length === 0 ? (
          <p data-testid="no-candidates">No candidates have joined yet: send them an invite link.</p>
        ) : idle.length === 0 ? (
          <p data-testid="idle-none">Everyone has practised this week.</p>
        ) : (
          <ul data-testid="idle">
            {idle.map((m) => (
              <li key={m.id}>{m.name}</li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="coverage-h">
        <h2 id="coverage-h">Coverage</h2>
        {areas.length === 0 ? (
          <p>No attempts yet.</p>
        ) : (
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a wide table scrolls sideways on a phone, and a keyboard user must be able to reach and scroll it (WCAG 2.1.1; axe scrollable-region-focusable)
          <section class="table-scroll" aria-label="Coverage table, scrolls sideways" tabIndex={0}>
            <table class="heat-map" data-testid="heat-map">
              <caption class="visually-hidden">Best score per member and area, out of 100</caption>
              <thead>
                <tr>
                  <th scope="col">Member</th>
                  {areas.map((a) => (
                    <th key={a.id} scope="col">
                      {a.title}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {candidates.map((m) => (
                  <tr key={m.id}>
                    <th scope="row">{m.name}</th>
                    {areas.map((a) => {
                      const c = best.get(`${m.id} ${a.id}`)
                      return <HeatCell key={a.id} best={c?.best} attempts={c?.attempts ?? 0} />
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        )}
      </section>

      <section aria-labelledby="weakest-h">
        <h2 id="weakest-h">Weakest criteria</h2>
        {p.weakestCriteria.length === 0 ? (
          <p>No attempts yet.</p>
        ) : (
          <ol class="weakest" data-testid="weakest">
            {p.weakestCriteria.map((w) => (
              <li key={w.criterionId}>
                <strong>{w.label}</strong>{' '}
                <span class="muted">
                  {Math.round(w.average)}% on average, {w.attempts} attempts
                </span>
                {w.prompt && (
                  <div>
                    Train it: <a href={`/practice/${encodeURIComponent(w.prompt.id)}`}>{w.prompt.text}</a>
                  </div>
                )}
              </li>
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="weeks-h">
        <h2 id="weeks-h">Attempts per week</h2>
        {candidates.length === 0 ? (
          <p>No candidates yet.</p>
        ) : (
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a wide table scrolls sideways on a phone, and a keyboard user must be able to reach and scroll it (WCAG 2.1.1; axe scrollable-region-focusable)
          <section class="table-scroll" aria-label="Attempts per week table, scrolls sideways" tabIndex={0}>
            <table class="week-table" data-testid="weeks">
              <thead>
                <tr>
                  <th scope="col">Member</th>
                  {weeks.map((w) => (
                    <th key={w} scope="col">
                      {w}
                    </th>
                  ))}
                  <th scope="col">All</th>
                </tr>
              </thead>
              <tbody>
                {candidates.map((m) => (
                  <tr key={m.id}>
                    <th scope="row">{m.name}</th>
                    {weeks.map((w) => (
                      <td key={w}>{m.weeks.find((x) => x.week === w)?.attempts ?? 0}</td>
                    ))}
                    <td>{m.attempts}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        )}
      </section>

      <section aria-labelledby="shared-h">
        <h2 id="shared-h">Shared answers</h2>shared.length === 0 ? (
        <p>No one has shared an answer with this cohort.</p>) : (
        <ul class="shared-answers">
          {shared.map((a) => (
            <li key={a.id}>
              <p>
                <strong>{names.get(a.memberId)}</strong> · {a.score}/100 · {a.band}
              </p>
              <blockquote>{a.answer}</blockquote>
            </li>
          ))}
        </ul>
        )
      </section>
    </>
  )
}

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
