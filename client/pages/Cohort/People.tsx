// The admin's list of people on the Cohorts page, with a role menu for each.

import { useState } from 'preact/hooks'
import type { UserList } from '../../../contract/team'
import { teamApi } from '../../team-api'
import { useLoad } from './load'

type Role = UserList['users'][number]['role']

const ROLE_LABELS: Record<Role, string> = { admin: 'Admin', instructor: 'Instructor', candidate: 'Candidate' }

/** An admin's list of accounts: who signed up, and a role for each (an admin cannot change their own). */
export function People({ viewerId }: { viewerId: string }) {
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
