// Practice: pick a prompt, or answer one against a timer with live STAR feedback from the in-browser engine.
import { PromptPicker } from './PromptPicker'
import { Session } from './Session'

export function PracticePage({ promptId }: { promptId?: string }) {
  return promptId ? <Session key={promptId} promptId={promptId} /> : <PromptPicker />
}
