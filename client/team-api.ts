// Team mode's calls: the account probe, signing in and out (better-auth's routes under /api/auth), cohorts and
// their progress, sharing. In local mode the probe answers 404 and none of the rest is used.

import type { Account, CohortProgress, CohortSummary, Invite, UserList } from '../contract/team'
import { request } from './api'

export const teamApi = {
  /** The account probe; null in local mode (the server has no accounts). */
  account: async (): Promise<Account | null> => {
    const answer = await request<Account | { mode: 'local' }>('GET', '/api/account')
    return answer.mode === 'team' ? answer : null
  },
  signIn: (email: string, password: string) =>
    request<unknown>('POST', '/api/auth/sign-in/email', { email, password }),
  signUp: (body: { name: string; email: string; password: string; inviteToken?: string }) =>
    request<unknown>('POST', '/api/auth/sign-up/email', body),
  signOut: () => request<unknown>('POST', '/api/auth/sign-out', {}),
  /** Starts single sign-on: answers the identity provider's address to go to. */
  signInWithSso: (callbackURL: string) =>
    request<{ url: string }>('POST', '/api/auth/sign-in/social', { provider: 'sso', callbackURL }),
  cohorts: async () => (await request<{ cohorts: CohortSummary[] }>('GET', '/api/cohorts')).cohorts,
  createCohort: (name: string) => request<{ id: number; name: string }>('POST', '/api/cohorts', { name }),
  createInvite: (cohortId: number) => request<Invite>('POST', `/api/cohorts/${cohortId}/invites`, {}),
  revokeInvite: (cohortId: number, inviteId: number) =>
    request<void>('DELETE', `/api/cohorts/${cohortId}/invites/${inviteId}`),
  join: (token: string) =>
    request<{ cohortId: number; name: string; role: string }>('POST', '/api/cohorts/join', { token }),
  progress: (cohortId: number | string) =>
    request<CohortProgress>('GET', `/api/cohorts/${encodeURIComponent(String(cohortId))}/progress`),
  /** Every account with its role (admins only). */
  users: async () => (await request<UserList>('GET', '/api/users')).users,
  setRole: (id: string, role: UserList['users'][number]['role']) =>
    request<{ id: string; role: string }>('PUT', `/api/users/${encodeURIComponent(id)}/role`, { role }),
  shareWithCohort: (cohortId: number, share: boolean) =>
    request<{ share: boolean }>('PUT', `/api/cohorts/${cohortId}/sharing`, { share }),
}
