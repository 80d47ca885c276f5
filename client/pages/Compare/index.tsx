// Compare: two attempts side by side, highlighted by section, with the criterion-by-criterion difference.

import type { Attempt } from '../../../contract/attempts'
import { reportDifference } from '../../../engine/difference'
import { DiffTable } from '../../components/DiffTable'
import { ScoreBadge, ShareBar, Stats } from '../../components/Feedback'
import { Highlighted, Legend } from '../../components/Highlighted'
import { ErrorBox, Loading } from '../../components/Status'
import { biggestChangeFirst, criterionMax, dateTime, signed } from '../../format'
import { useLoad, useTitle } from '../../hooks'
import { useAppState } from '../../state'
import { attemptStory } from '../Attempt/story'

export function ComparePage({ a, b }: { a: string; b: string }) {
  useTitle('Compare')
  const state = useAppState()
  const [pair, reload] = useLoad(async () => {
    const [x, y] = await Promise.all([state.api.attempt(a), state.api.attempt(b)])
    // Older on the left, so the difference reads as progress.
    return x.createdAt <= y.createdAt ? [x, y] : [y, x]
  }, [a, b])
  return (
    <main id="main" tabIndex={-1} class="page compare">
      <nav class="crumbs" aria-label="Compare">
        <a href="/history">← History</a>
      </nav>
      <h1>Compare attempts</h1>
      {pair.state === 'loading' && <Loading label="Loading both attempts…" />}
      {pair.state === 'error' && (
        <ErrorBox
          message={pair.status === 404 ? 'One of these attempts does not exist any more.' : pair.message}
          status={pair.status}
          onRetry={pair.status === 404 ? undefined : reload}
        />
      )}
      {pair.state === 'ready' && <CompareView before={pair.data[0]!} after={pair.data[1]!} />}
    </main>
  )
}

function CompareView({ before, after }: { before: Attempt; after: Attempt }) {
  const diff = reportDifference(before.report, after.report)
  const same = before.promptId === after.promptId
  return (
    <>
      {!same && (
        <p class="notice">
          These attempts answer different prompts, so the comparison is only a rough guide.
        </p>
      )}
      {same && <p class="prompt-text small-prompt">{before.promptText ?? before.promptId}</p>}
      <p class="compare-total">
        Score {before.report.score} → {after.report.score}{' '}
        <strong class={diff.score > 0 ? 'up' : diff.score < 0 ? 'down' : ''}>{signed(diff.score)}</strong>
      </p>
      <Legend />
      <div class="side-by-side">
        {[before, after].map((x, i) => (
          <section key={x.id} aria-labelledby={`side-${i}`} class="side">
            <header class="side-head">
              <div>
                <h2 id={`side-${i}`}>
                  <a href={`/attempts/${x.id}`}>
                    {i === 0 ? 'Earlier' : 'Later'}: attempt {x.id}
                  </a>
                </h2>
                <p class="meta">
                  {dateTime(x.createdAt)}
                  {!same && ` · ${x.promptText ?? x.promptId}`}
                </p>
              </div>
              <ScoreBadge report={x.report} />
            </header>
            <Stats report={x.report} />
            <ShareBar report={x.report} />
            <AnswerAsScored attempt={x} />
          </section>
        ))}
      </div>
      <h2>Criterion by criterion</h2>
      <DiffTable
        rows={biggestChangeFirst(diff.criteria)}
        max={criterionMax(before.report, after.report)}
        before={`Attempt ${before.id}`}
        after={`Attempt ${after.id}`}
      />
    </>
  )
}

/** The answer with its follow-ups, as the report read them: the report's offsets point into that text. */
function AnswerAsScored({ attempt }: { attempt: Attempt }) {
  const story = attemptStory(attempt.answer, attempt.followUps, attempt.report)
  return <Highlighted answer={story.text} sentences={story.sentences} />
}
