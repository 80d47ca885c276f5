// A prompt's tags as chips, each named and coloured by the kind of area its rubric trains.

import { useAppState } from '../state'

/**
 * One chip per tag (tags are rubric ids). With `href`, each chip is a link there; without, plain text,
 * for chips inside a link. `block` wraps them in a paragraph instead of a span.
 */
export function TagChips({ tags, href, block }: { tags: readonly string[]; href?: string; block?: boolean }) {
  const index = useAppState().rubricIndex.value
  const chips = tags.map((t) => {
    const cls = `tag kind-${index.get(t)?.kind ?? 'general'}`
    const label = index.get(t)?.title ?? t
    return href === undefined ? (
      <span key={t} class={cls}>
        {label}
      </span>
    ) : (
      <a key={t} class={cls} href={href}>
        {label}
      </a>
    )
  })
  return block ? <p class="tags">{chips}</p> : <span class="tags">{chips}</span>
}
