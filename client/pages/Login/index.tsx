// Team mode's sign-in and sign-up pages. Sign-up takes an invite token from the link (?invite=…); a person
// already signed in who opens an invite link joins the cohort instead.

import { useState } from 'preact/hooks'
import { useLocation } from 'preact-iso'
import type { Account } from '../../../contract/team'
import { ApiError } from '../../api'
import { teamApi } from '../../team-api'

interface Props {
  account: Account
  /** Called once signed in (or up), so the app reads the account again. */
  onSignedIn: () => Promise<void>
}

function inviteFromQuery(query: Record<string, string>): string | undefined {
  const token = query.invite
  return token !== undefined && token !== '' ? token : undefined
}

function message(e: unknown): string {
  if (e instanceof ApiError) {
    if (e.status === 401) return 'That email and password do not match an account.'
    if (e.status === 429) return 'Too many tries from here. Wait a minute, then try again.'
    return e.message
  }
  return 'Something went wrong; try again.'
}

/** One labelled input of the sign-in and sign-up forms, its value held by the page. */
function Field({
  id,
  label,
  value,
  onValue,
  ...input
}: {
  id: string
  label: string
  value: string
  onValue: (value: string) => void
  type?: string
  autocomplete: string
  minLength?: number
  maxLength?: number
}) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input id={id} required value={value} onInput={(e) => onValue(e.currentTarget.value)} {...input} />
    </div>
  )
}

function SsoButton({ label }: { label: string }) {
  const [error, setError] = useState<string | undefined>()
  const go = async () => {
    try {
      const { url } = await teamApi.signInWithSso('/practice')
      window.location.assign(url)
    } catch (e) {
      setError(message(e))
    }
  }
  return (
    <div class="auth-sso">
      <button type="button" onClick={() => void go()}>
        {label}
      </button>
      {error && (
        <p class="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  )
}

export function LoginPage({ account, onSignedIn }: Props) {
  const { route, query } = useLocation()
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const [error, setError] = useState<string | undefined>()
  const [busy, setBusy] = useState(false)
  const invite = inviteFromQuery(query)

  const submit = async (e: Event) => {
    e.preventDefault()
    setBusy(true)
    setError(undefined)
    try {
      await teamApi.signIn(email.trim(), password)
      if (invite !== undefined) await teamApi.join(invite)
      await onSignedIn()
      route('/practice', true)
    } catch (err) {
      setError(message(err))
    } finally {
      setBusy(false)
    }
  }

  const signupHref = invite === undefined ? '/signup' : `/signup?invite=${encodeURIComponent(invite)}`
  return (
    <main id="main" tabIndex={-1} class="page auth-page">
      <h1>Sign in to Starboard</h1>
      <form class="auth-form" onSubmit={submit} aria-describedby={error ? 'login-error' : undefined}>
        <Field
          id="login-email"
          label="Email"
          value={email}
          onValue={setEmail}
          type="email"
          autocomplete="username"
        />
        <Field
          id="login-password"
          label="Password"
          value={password}
          onValue={setPassword}
          type="password"
          autocomplete="current-password"
        />
        {error && (
          <p id="login-error" class="field-error" role="alert">
            {error}
          </p>
        )}
        <div class="actions">
          <button type="submit" class="primary" disabled={busy}>
            {busy ? 'Signing in…' : 'Sign in'}
          </button>
        </div>
      </form>
      {account.sso && <SsoButton label="Sign in with your organisation" />}
      <p class="auth-switch">
        {account.firstAccount || account.signup === 'open' || invite !== undefined ? (
          <>
            No account yet? <a href={signupHref}>Create one</a>.
          </>
        ) : (
          'No account yet? Ask your instructor for an invite link.'
        )}
      </p>
    </main>
  )
}

export function SignupPage({ account, onSignedIn }: Props) {
  const { route, query } = useLocation()
  const invite = inviteFromQuery(query)
  const [name, setName] = useState('')
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const [error, setError] = useState<string | undefined>()
  const [busy, setBusy] = useState(false)

  const submit = async (e: Event) => {
    e.preventDefault()
    setBusy(true)
    setError(undefined)
    try {
      await teamApi.signUp({
        name: name.trim(),
        email: email.trim(),
        password,
        ...(invite === undefined ? {} : { inviteToken: invite }),
      })
      await onSignedIn()
      route('/practice', true)
    } catch (err) {
      setError(message(err))
    } finally {
      setBusy(false)
    }
  }

  const needsInvite = !account.firstAccount && account.signup === 'invite' && invite === undefined
  const loginHref = invite === undefined ? '/login' : `/login?invite=${encodeURIComponent(invite)}`
  return (
    <main id="main" tabIndex={-1} class="page auth-page">
      <h1>Create your account</h1>
      {account.firstAccount && (
        <p class="auth-note">This is the first account on this server: it becomes the admin.</p>
      )}
      {invite !== undefined && (
        <p class="auth-note">You were invited to a cohort: you join it when you sign up.</p>
      )}
      {needsInvite ? (
        <p class="auth-note" role="status">
          Sign-up on this server needs an invite link from an instructor.
        </p>
      ) : (
        <form class="auth-form" onSubmit={submit}>
          <Field
            id="signup-name"
            label="Your name"
            value={name}
            onValue={setName}
            autocomplete="name"
            maxLength={100}
          />
          <Field
            id="signup-email"
            label="Email"
            value={email}
            onValue={setEmail}
            type="email"
            autocomplete="email"
          />
          <Field
            id="signup-password"
            label="Password (at least 10 characters)"
            value={password}
            onValue={setPassword}
            type="password"
            autocomplete="new-password"
            minLength={10}
          />
          {error && (
            <p class="field-error" role="alert">
              {error}
            </p>
          )}
          <div class="actions">
            <button type="submit" class="primary" disabled={busy}>
              {busy ? 'Creating…' : 'Create account'}
            </button>
          </div>
        </form>
      )}
      <p class="auth-switch">
        Have an account? <a href={loginHref}>Sign in</a>.
      </p>
    </main>
  )
}
