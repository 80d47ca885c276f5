// The app shell: state context, header navigation, and the routes to each page.

import { useCallback, useEffect, useState } from 'preact/hooks'
import { ErrorBoundary, LocationProvider, lazy, Route, Router, useLocation } from 'preact-iso'
import type { Account } from '../contract/team'
import { useServerEvent } from './events'
import { AttemptPage } from './pages/Attempt/index'
import { ComparePage } from './pages/Compare/index'
import { HistoryPage } from './pages/History/index'
import { LoopPage } from './pages/Loop/index'
import { PracticePage } from './pages/Practice/index'
import { RubricsPage } from './pages/Rubrics/index'
import { type AppState, AppStateContext } from './state'
import { teamApi } from './team-api'

// uPlot is the biggest dependency and only Trends draws charts, so it loads with that page.
const TrendsPage = lazy(() => import('./pages/Trends/index').then((m) => m.TrendsPage))
const StoriesPage = lazy(() => import('./pages/Stories/index').then((m) => m.StoriesPage))
// Only instructors open the studio: it loads when they do.
const StudioPage = lazy(() => import('./pages/Studio/index').then((m) => m.StudioPage))
// Team mode only: never loaded on a server without accounts.
const LoginPage = lazy(() => import('./pages/Login/index').then((m) => m.LoginPage))
const SignupPage = lazy(() => import('./pages/Login/index').then((m) => m.SignupPage))
const CohortsPage = lazy(() => import('./pages/Cohort/index').then((m) => m.CohortsPage))
const CohortPage = lazy(() => import('./pages/Cohort/index').then((m) => m.CohortPage))
const JoinPage = lazy(() => import('./pages/Cohort/index').then((m) => m.JoinPage))

const NAV = [
  { href: '/practice', label: 'Practice' },
  { href: '/loop', label: 'Mock loop' },
  { href: '/history', label: 'History' },
  { href: '/trends', label: 'Trends' },
  { href: '/stories', label: 'Stories' },
  // The studio is reached from Rubrics, and counts as part of it.
  { href: '/rubrics', label: 'Rubrics', also: '/studio' },
]

/** Team mode: who is signed in, and the sign-out control. */
function AccountControl({ account, onSignedOut }: { account: Account; onSignedOut: () => Promise<void> }) {
  const { route } = useLocation()
  const signOut = async () => {
    await teamApi.signOut()
    await onSignedOut()
    route('/login', true)
  }
  if (account.user === null) return null
  return (
    <div class="account">
      <span data-testid="signed-in-as">
        {account.user.name} <span class="role">({account.user.role})</span>
      </span>
      <button type="button" class="small" onClick={() => void signOut()}>
        Sign out
      </button>
    </div>
  )
}

function Header({ account, onSignedOut }: { account: Account | null; onSignedOut: () => Promise<void> }) {
  const { path } = useLocation()
  const nav = account === null ? NAV : [...NAV, { href: '/cohorts', label: 'Cohorts' }]
  return (
    <header class="site-header">
      <a class="brand" href="/practice">
        <span aria-hidden="true">★</span> Starboard
      </a>
      <nav aria-label="Main">
        <ul>
          {nav.map((n) => (
            <li key={n.href}>
              <a
                href={n.href}
                aria-current={
                  path.startsWith(n.href) || (n.also !== undefined && path.startsWith(n.also))
                    ? 'page'
                    : undefined
                }
              >
                {n.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {account !== null && <AccountControl account={account} onSignedOut={onSignedOut} />}
    </header>
  )
}

function Redirect({ to }: { to: string }) {
  const { route } = useLocation()
  useEffect(() => route(to, true), [to])
  return null
}

let firstRoute = true

/**
 * After a client-side navigation, focus moves to the new page (not on the first load, which starts at the top
 * anyway), unless the page has already focused a field of its own, as Practice focuses the answer.
 */
function focusMain() {
  if (firstRoute) {
    firstRoute = false
    return
  }
  requestAnimationFrame(() => {
    const main = document.getElementById('main')
    if (main && !main.contains(document.activeElement)) main.focus({ preventScroll: true })
  })
}

function NotFound() {
  return (
    <main id="main" tabIndex={-1} class="page">
      <h1>Page not found</h1>
      <p>
        There is nothing here. <a href="/practice">Go to Practice</a>.
      </p>
    </main>
  )
}

/** Team mode without a session: only the sign-in and sign-up pages. */
function SignedOut({ account, onSignedIn }: { account: Account; onSignedIn: () => Promise<void> }) {
  return (
    <LocationProvider>
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <header class="site-header">
        <span class="brand">
          <span aria-hidden="true">★</span> Starboard
        </span>
      </header>
      <ErrorBoundary>
        <Router onRouteChange={focusMain}>
          <Route path="/login" component={() => <LoginPage account={account} onSignedIn={onSignedIn} />} />
          <Route path="/signup" component={() => <SignupPage account={account} onSignedIn={onSignedIn} />} />
          <Route default component={() => <Redirect to="/login" />} />
        </Router>
      </ErrorBoundary>
    </LocationProvider>
  )
}

/**
 * The app. On a server in team mode (its pages set the starboard_mode cookie) it first asks who is signed in
 * (GET /api/account) and shows sign-in until there is a session; in local mode it starts at once, as it always has.
 */
/** A server in team mode marks its pages with this cookie; without it the app starts at once, in local mode. */
const teamModeHint = () => /(?:^|;\s*)starboard_mode=team(?:;|$)/.test(document.cookie)

export function App({ state }: { state: AppState }) {
  const [account, setAccount] = useState<Account | null | undefined>(teamModeHint() ? undefined : null)
  const readAccount = useCallback(async () => {
    try {
      setAccount(await teamApi.account())
    } catch {
      // A server that cannot be reached: the pages say so as they always have.
      setAccount(null)
    }
  }, [])
  useEffect(() => {
    if (teamModeHint()) void readAccount()
  }, [readAccount])
  if (account === undefined) return null
  if (account !== null && account.user === null)
    return <SignedOut account={account} onSignedIn={readAccount} />
  return <Pages state={state} account={account} onSignedOut={readAccount} />
}

function Pages({
  state,
  account,
  onSignedOut,
}: {
  state: AppState
  account: Account | null
  onSignedOut: () => Promise<void>
}) {
  useEffect(() => {
    void state.loadRubrics()
  }, [state])
  // The list of rubrics every page reads stays in step with the server's.
  useServerEvent('rubrics', () => void state.loadRubrics())
  return (
    <AppStateContext.Provider value={state}>
      <LocationProvider>
        <a class="skip-link" href="#main">
          Skip to content
        </a>
        <Header account={account} onSignedOut={onSignedOut} />
        <ErrorBoundary>
          <Router onRouteChange={focusMain}>
            <Route path="/" component={() => <Redirect to="/practice" />} />
            <Route path="/practice" component={PracticePage} />
            <Route path="/practice/:promptId" component={PracticePage} />
            <Route path="/attempts/:id" component={AttemptPage} />
            <Route path="/loop" component={LoopPage} />
            <Route path="/loop/:id" component={LoopPage} />
            <Route path="/history" component={HistoryPage} />
            <Route path="/compare/:a/:b" component={ComparePage} />
            <Route path="/trends" component={TrendsPage} />
            <Route path="/rubrics" component={RubricsPage} />
            <Route path="/stories" component={StoriesPage} />
            <Route path="/stories/:id" component={StoriesPage} />
            <Route path="/studio" component={StudioPage} />
            {account === null
              ? []
              : [
                  <Route key="cohorts" path="/cohorts" component={() => <CohortsPage account={account} />} />,
                  <Route key="cohort" path="/cohorts/:id" component={CohortPage} />,
                  <Route key="join" path="/signup" component={JoinPage} />,
                  <Route key="login" path="/login" component={() => <Redirect to="/practice" />} />,
                ]}
            <Route default component={NotFound} />
          </Router>
        </ErrorBoundary>
      </LocationProvider>
    </AppStateContext.Provider>
  )
}
