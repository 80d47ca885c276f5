// The answer as typed, each sentence marked with its STAR section.
import { Highlighted, Legend } from '../../components/Highlighted'
import type { PracticeSession } from '../../state'

export function LivePreview({ session }: { session: PracticeSession }) {
  const report = session.report.value
  const answer = session.answer.value
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: beside the answer this region scrolls on its own, and a keyboard user must be able to reach and scroll it (WCAG 2.1.1; axe scrollable-region-focusable)
    <section class="preview" aria-labelledby="preview-title" tabIndex={0} data-testid="live-preview">
      <h2 id="preview-title">Your answer by STAR section</h2>
      <Legend />
      {answer.trim() === '' ? (
        <p class="muted">
          Start typing: each sentence is labelled Situation, Task, Action or Result as you write.
        </p>
      ) : report ? (
        <Highlighted answer={answer} sentences={report.sentences} />
      ) : (
        <p class="muted">Loading the rubric…</p>
      )}
    </section>
  )
}
