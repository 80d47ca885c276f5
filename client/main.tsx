// Browser entry point: creates the app state and mounts the app into #app.
import { render } from 'preact'
import { App } from './app'
import { createAppState } from './state'
// The styles, in cascade order: theme, the shell and controls, shared marks, then the pages; narrow screens after
// the pages they adjust, and the pages added later after those.
import './styles/theme.css'
import './styles/shell.css'
import './styles/marks.css'
import './styles/practice.css'
import './styles/report.css'
import './styles/pages.css'
import './styles/narrow.css'
import './styles/loop.css'
import './styles/studio.css'
import './styles/team.css'

const state = createAppState()
render(<App state={state} />, document.getElementById('app')!)
