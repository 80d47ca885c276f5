// The question being answered: why it was suggested, its areas and its tips.
import type { ServedPrompt } from '../../../contract/rubrics'
import { TagChips } from '../../components/TagChips'

export function PromptHeader({ prompt, why }: { prompt: ServedPrompt; why?: string }) {
  return (
    <header class="prompt-head">
      {why && (
        <p class="notice" role="status">
          Suggested by “Next: weakest area”: {why}
        </p>
      )}
      <p class="eyebrow">Interview question</p>
      <h1 class="prompt-text">{prompt.text}</h1>
      {/* Plain chips, not links: nothing to tab through between the question and the answer. */}
      <TagChips tags={prompt.tags} block />
      {prompt.tips.length > 0 && (
        <details class="tips" open>
          <summary>Tips for this question</summary>
          <ul>
            {prompt.tips.map((t) => (
              <li key={t}>{t}</li>
            ))}
          </ul>
        </details>
      )}
    </header>
  )
}
