// The plan: two distinct stories per Leadership Principle, the principles still short of stories, and the stories
// stretched across too many principles.

import type { StoryPlanBody } from '../../../contract/stories'
import { percent } from '../../format'

export function Plan({ plan, titleOf }: { plan: StoryPlanBody; titleOf(id: string): string }) {
  const { limits } = plan
  const ready = plan.principles.length - plan.gaps.length
  return (
    <section class="card" aria-labelledby="plan-heading" data-testid="story-plan">
      <h2 id="plan-heading">Plan: {limits.storiesPerPrinciple} stories per principle</h2>
      <p>
        <strong>
          {ready} of {plan.principles.length}
        </strong>{' '}
        Leadership Principles have {limits.storiesPerPrinciple} distinct stories. A story counts for a
        principle when it meets {percent(limits.fitFrom)} of the principle's own criteria; the plan spreads
        stories so each is told as few times as it can be.
      </p>
      {plan.stretched.length > 0 && (
        <div class="notice" data-testid="story-stretched">
          <h3>Stretched stories</h3>
          <p>
            These stories carry more than {limits.stretchLimit} principles. In a loop of four or five
            interviewers the same story would be heard twice: prepare another story for some of them.
          </p>
          <ul>
            {plan.stretched.map((s) => (
              <li key={s.id}>
                <a href={`/stories/${s.id}`}>{s.title}</a>: {s.principles.map(titleOf).join(', ')}
              </li>
            ))}
          </ul>
        </div>
      )}
      <ul class="plan-list">
        {plan.principles.map((p) => {
          const missing = limits.storiesPerPrinciple - p.stories.length
          return (
            <li key={p.rubricId} class={missing > 0 ? 'plan-gap' : 'plan-ok'} data-area={p.rubricId}>
              <span class="plan-title">{titleOf(p.rubricId)}</span>
              {p.stories.length > 0 && (
                <span class="plan-stories">
                  {p.stories.map((s, i) => (
                    <span key={s.id}>
                      {i > 0 ? ', ' : ''}
                      <a href={`/stories/${s.id}`}>{s.title}</a> ({percent(s.share)})
                    </span>
                  ))}
                </span>
              )}
              {missing > 0 && (
                <span class="plan-missing">
                  Gap: {missing === limits.storiesPerPrinciple ? 'no story yet' : `needs ${missing} more`}
                </span>
              )}
            </li>
          )
        })}
      </ul>
    </section>
  )
}
