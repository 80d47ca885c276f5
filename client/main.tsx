// Browser entry point: creates the app state and mounts the app into #app.
import { render } from 'preact'
import { App } from './app'
import { createAppState } from './state'
import './styles.css'

const state = createAppState()
render(<App state={state} />, document.getElementById('app')!)
