// Answers the browser suites type and store: a strong story, a second one, one with markup, and a long one.

export const STRONG_ANSWER = `Situation: Last spring I was the on-call lead for the checkout service at a mid-size online retailer, and our error rate doubled two weeks before the holiday sale.
Task: My manager asked me to find the cause and get checkout failures under one percent before the sale started.
Action: I pulled a week of traces and found that a retry storm in the payment queue caused most failures. I wrote a proposal to add jittered backoff and a circuit breaker, and I reviewed it with the payments team the next morning. I implemented the change behind a feature flag, load-tested it with three times the expected traffic, and rolled it out region by region.
Result: Checkout failures fell from 2.1% to 0.3% within ten days, and we processed 40% more orders during the sale without a single incident. I learned to look at retries first when errors cluster, and I now add backoff to every client I write.`

export const SECOND_ANSWER = `Situation: In 2023 our team missed two release dates because code reviews sat for days.
Task: I was responsible for getting our median review time under one day.
Action: I measured review delays for a month, I set up a rotating reviewer schedule, and I split large pull requests into smaller ones myself.
Result: Median review time dropped from 3 days to 6 hours and we shipped the next four releases on time.`

export const XSS_ANSWER = `Situation: I tested <img src=x onerror=alert(1)> in our form and <script>alert(1)</script> in the title.
Action: I escaped both inputs and I added a test for each.
Result: The page showed 0 alerts after the fix.`

/** A 400-word answer for the keystroke timing: the strong answer repeated and cut to 400 words. */
export function longAnswer(words: number): string {
  const pool = STRONG_ANSWER.split(/\s+/)
  const out: string[] = []
  for (let i = 0; out.length < words; i++) out.push(pool[i % pool.length]!)
  return out.join(' ')
}

/**
 * An Ownership story whose Result has no number: its report probes for the measure, the specifics and the length.
 * `MEASURED_ANSWER` is the same story with a measured result: the probe for the measure goes, the others stay.
 */
export const UNMEASURED_ANSWER = `Situation: Last spring our checkout service failed during peak sales, and the team that owned it was on leave.
Task: Although it was outside my area, I volunteered to restore it because customers could not pay.
Action: I took ownership of the incident, traced the errors to a connection pool limit, raised the limit, and added an alert. I wrote a runbook and walked the on-call rotation through it.
Result: Checkout worked again and the team was relieved. I learned to check pool limits first, and next time I would add the alert before peak season.`

export const MEASURED_ANSWER = UNMEASURED_ANSWER.replace(
  'Checkout worked again',
  'Checkout errors fell from 9% to 0.2% within an hour',
)
