// The app shell: state context, header navigation, and the routes to each page.

import { useEffect } from 'preact/hooks'
import { ErrorBoundary, LocationProvider, lazy, Route, Router, useLocation } from 'preact-iso'
import { useServerEvent } from './events'
import { AttemptPage } from './pages/Attempt/index'
import { ComparePage } from './pages/Compare/index'
import { HistoryPage } from './pages/History/index'
import { LoopPage } from './pages/Loop/index'
import { PracticePage } from './pages/Practice/index'
import { RubricsPage } from './pages/Rubrics/index'
import { type AppState, AppStateContext } from './state'

// uPlot is the biggest dependency and only Trends draws charts, so it loads with that page.
const TrendsPage = lazy(() => import('./pages/Trends/index').then((m) => m.TrendsPage))
const StoriesPage = lazy(() => import('./pages/Stories/index').then((m) => m.StoriesPage))
// Only instructors open the studio: it loads when they do.
const StudioPage = lazy(() => import('./pages/Studio/index').then((m) => m.StudioPage))

const NAV = [
  { href: '/practice', label: 'Practice' },
  { href: '/loop', label: 'Mock loop' },
  { href: '/history', label: 'History' },
  { href: '/trends', label: 'Trends' },
  { href: '/stories', label: 'Stories' },
  // The studio is reached from Rubrics, and counts as part of it.
  { href: '/rubrics', label: 'Rubrics', also: '/studio' },
]

function Header() {
  const { path } = useLocation()
  return (
    <header class="site-header">
      <a class="brand" href="/practice">
        <span aria-hidden="true">★</span> Starboard
      </a>
      <nav aria-label="Main">
        <ul>
          {NAV.map((n) => (
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

export function App({ state }: { state: AppState }) {
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
        <Header />
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
            <Route default component={NotFound} />
          </Router>
        </ErrorBoundary>
      </LocationProvider>
    </AppStateContext.Provider>
  )
}
