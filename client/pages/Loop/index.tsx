// /loop: start a mock interview loop or resume one; /loop/:id: answer its questions, then read the debrief.
import { useLocation } from 'preact-iso'
import { ErrorBox, Loading } from '../../components/Status'
import { useLoad, useTitle } from '../../hooks'
import { useAppState } from '../../state'
import { Debrief } from './Debrief'
import { LoopQuestion } from './Question'
import { LoopStart } from './Start'

export function LoopPage({ id }: { id?: string }) {
  return (
    <main id="main" tabIndex={-1} class="page loop">
      {id === undefined ? <LoopStart /> : <LoopRun id={id} />}
    </main>
  )
}

function LoopRun({ id }: { id: string }) {
  const state = useAppState()
  const { route } = useLocation()
  const [loop, reload] = useLoad(() => state.api.loop(id), [id])
  useTitle(`Mock loop ${id}`)
  if (loop.state === 'loading')
    return (
      <>
        <h1>Mock loop {id}</h1>
        <Loading label="Loading the loop…" />
      </>
    )
  if (loop.state === 'error')
    return (
      <>
        <h1>{loop.status === 404 ? 'Loop not found' : `Mock loop ${id}`}</h1>
        <ErrorBox
          message={loop.message}
          status={loop.status}
          onRetry={loop.status === 404 ? undefined : reload}
        />
        <p>
          <a href="/loop">Start a new loop</a>
        </p>
      </>
    )
  const data = loop.data
  if (data.debrief !== null) return <Debrief loop={data} debrief={data.debrief} />
  const index = data.questions.findIndex((q) => q.attemptId === null)
  const question = data.questions[index]!
  return (
    <LoopQuestion
      key={question.promptId}
      loop={data}
      question={question}
      index={index}
      onAnswered={() => {
        reload()
        route(`/loop/${data.id}`, true)
      }}
    />
  )
}
