// One prompt's practice page: loads the prompt, then hands it to the editor.
import { ApiError } from '../../api'
import { ErrorBox, Loading } from '../../components/Status'
import { useLoad, useTitle } from '../../hooks'
import { useAppState } from '../../state'
import { Editor } from './Editor'
import { Page } from './Page'

export function Session({ promptId }: { promptId: string }) {
  const state = useAppState()
  const [prompt, reload] = useLoad(async () => {
    try {
      return await state.api.prompt(promptId)
    } catch (e) {
      if ((e as ApiError).status === 404)
        throw new ApiError(404, `There is no prompt "${promptId}". It may have been removed from its rubric.`)
      throw e
    }
  }, [promptId])
  useTitle('Practice')
  if (prompt.state === 'loading')
    return (
      <Page>
        <h1>Practice</h1>
        <Loading label="Loading the prompt…" />
      </Page>
    )
  if (prompt.state === 'error')
    return (
      <Page>
        <h1>{prompt.status === 404 ? 'Prompt not found' : 'Practice'}</h1>
        <ErrorBox
          title={prompt.status === 404 ? 'No such question.' : undefined}
          message={prompt.message}
          status={prompt.status}
          onRetry={prompt.status === 404 ? undefined : reload}
        />
        <p>
          <a href="/practice">Choose another prompt</a>
        </p>
      </Page>
    )
  return <Editor prompt={prompt.data} />
}
