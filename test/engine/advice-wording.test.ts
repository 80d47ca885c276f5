// Advice a candidate can follow: the real-story advice quotes the sentence it is about, and a sentence that
// divides the work as the ownership advice asks ("…, and I wrote the checklist") counts as the speaker's step.
import { describe, expect, it } from 'vitest'
import { analyze } from '../../engine/analyze'
import { score } from '../../engine/score'
import { shippedRubrics, starCore } from './helpers'

const rubric = starCore()
const criterion = (text: string, id: string) => score(text, rubric).criteria.find((c) => c.id === id)!
const fixOf = (text: string, id: string) =>
  score(text, rubric).suggestions.find((s) => s.criterionId === id)?.message

const STORY =
  'In 2023 I was the backend lead for the top-up service at a prepaid mobile operator. Our app reviews said the top-up screen was slow on weak networks. I grouped a week of top-up requests by network type and found that on 2G the screen loaded five images before the buttons. I built a text-only version of the screen and showed it to the product owner with the numbers. We released it in March, and complaints about the screen fell by half within a month.'

describe('real-story advice', () => {
  it('quotes the opening of the sentence that tells no story, whatever its words', () => {
    const would = `${STORY} In general I would test on a slow network before every release.`
    expect(fixOf(would, 'real-story')).toBe(
      'Replace "In general I would test…" with what you actually did, in the past tense',
    )
    const habit = `${STORY} I usually ask support for the top complaints every Monday.`
    expect(fixOf(habit, 'real-story')).toBe(
      'Replace "I usually ask support for…" with what you actually did, in the past tense',
    )
  })

  it('gives no such advice for a story told as it happened', () => {
    expect(fixOf(STORY, 'real-story')).toBeUndefined()
  })

  it('reads what kept happening in the past as the story, and a habit in the present as no story', () => {
    const kept = `${STORY} After that the product owner came to me first whenever a screen felt slow.`
    expect(fixOf(kept, 'real-story')).toBeUndefined()
    const present = `${STORY} Whenever a screen feels slow, the product owner comes to me first.`
    expect(fixOf(present, 'real-story')).toBe(
      'Replace "Whenever a screen feels slow…" with what you actually did, in the past tense',
    )
  })
})

describe('ownership advice followed by dividing the work', () => {
  const WE =
    'At Ashgrove Learning our team needed an offline mode for the tutoring app before September. We narrowed the scope to lessons and quizzes. We used the database already built into the phones and we wrote the sync for quiz answers. We tested it on cheap Android phones on a train line. We shipped it on 28 August, and 41% of students used it offline in the first term.'
  const DIVIDED = WE.replace(
    'We used the database already built into the phones and we wrote the sync for quiz answers.',
    'We used the database already built into the phones, and I wrote the sync for quiz answers while Dana built the screens.',
  )
  const LEADING = WE.replace(
    'We used the database already built into the phones and we wrote the sync for quiz answers.',
    'I wrote the sync for quiz answers, and we used the database already built into the phones.',
  )

  it('counts an "I" clause after the team\'s as one step the speaker took', () => {
    expect(criterion(WE, 'ownership').score).toBe(0)
    expect(criterion(DIVIDED, 'ownership').score).toBeGreaterThan(criterion(WE, 'ownership').score)
    expect(score(DIVIDED, rubric).score - score(WE, rubric).score).toBeGreaterThanOrEqual(3)
  })

  it('leaves a sentence that opens with "I" and ends with "we" to the share of "I"', () => {
    expect(criterion(LEADING, 'ownership').score).toBeLessThan(criterion(DIVIDED, 'ownership').score)
  })
})

describe('task advice followed in plain words', () => {
  const NO_TASK =
    'At Corvale Logistics the depot managers asked for a CSV export of delivery times in the driver app. When I talked to two of them, it turned out they pasted it into spreadsheets to find which routes ran late. I suggested a late-routes view inside the depot tool instead, built a rough version in three days, and showed it at their weekly call. The view went live in all twelve depots by the end of the quarter, and the managers stopped using the spreadsheets.'
  const WITH_TASK = NO_TASK.replace(
    'in the driver app.',
    'in the driver app. The ticket was assigned to me, and I was supposed to have it done for the next release.',
  )
  const thinkBig = shippedRubrics().get('think-big')!

  it('reads "assigned to me" and "I was supposed to" as the Task, and the Task pays 3 points or more', () => {
    const before = score(NO_TASK, thinkBig)
    const after = score(WITH_TASK, thinkBig)
    expect(before.suggestions.map((s) => s.message)).toContain(
      'Add a Task: say what you were responsible for or asked to achieve',
    )
    expect(after.suggestions.map((s) => s.message)).not.toContain(
      'Add a Task: say what you were responsible for or asked to achieve',
    )
    expect(after.score - before.score).toBeGreaterThanOrEqual(3)
  })
})

describe("task advice followed by naming the work as one's own", () => {
  const NO_TASK =
    "At Marwick Pharmacy, a chain of 60 pharmacies, elderly patients kept ordering the wrong strength of their repeat prescriptions in our app. The product owner wanted the team to finish a loyalty feature first. I went to the pharmacists' monthly call and heard they caught about 40 wrong orders a week by hand. I put those numbers in front of the product owner and proposed we delay loyalty by one sprint. I built the new order screen with the dose and a photo of the pack in that sprint. Wrong-strength orders dropped to about five a week."
  const withSentence = (sentence: string) => NO_TASK.replace('in our app.', `in our app. ${sentence}`)
  const task = (text: string) =>
    score(text, rubric).suggestions.some((s) => s.message.startsWith('Add a Task'))

  it('reads "the order screen was mine / my part of it / my area" as the Task', () => {
    expect(task(NO_TASK)).toBe(true)
    for (const sentence of [
      'I was the lead developer on the app, and the order screen was my part of it.',
      'The order screen was mine.',
      'I was the lead developer, and the order screen was my area.',
      'My manager gave the order screen to me, like, make sure nobody gets the wrong strength again.',
      'The product lead handed the whole order screen over to me.',
    ]) {
      expect(task(withSentence(sentence)), sentence).toBe(false)
      expect(
        score(withSentence(sentence), rubric).score - score(NO_TASK, rubric).score,
        sentence,
      ).toBeGreaterThanOrEqual(3)
    }
  })

  it('does not read an admission, a claim of credit, a possession or a gift as the Task', () => {
    for (const sentence of [
      'I was the lead developer, and the mistake was mine.',
      'The idea was mine.',
      'The bug was mine.',
      'The test phone was mine.',
      'The vendor gave a discount to me.',
      'My manager never gave the order screen to me.',
      'My lead handed the old crash reports back to me.',
      'My manager gave a shout-out to me in the all-hands.',
    ])
      expect(task(withSentence(sentence)), sentence).toBe(true)
    // "Mine to fix" is still the Task, whatever is to be fixed.
    expect(task(withSentence('The error was mine to fix before the release.'))).toBe(false)
    // Told as a step, the work named as one's own owns up to it.
    expect(
      task(
        NO_TASK.replace(
          'Wrong-strength orders',
          'In the review I said plainly that the old screen was mine and I had missed it. Wrong-strength orders',
        ),
      ),
    ).toBe(true)
  })
})

describe('who acted: a team placed after a preposition', () => {
  const weCount = (sentence: string) => analyze(sentence).weCount
  it('is someone else placed on the team, who did the work', () => {
    expect(weCount('I redesigned it while Farah on my team kept running the tests.')).toBe(0)
    expect(weCount('Two people from the platform team reviewed every change.')).toBe(0)
  })
  it('is the team acting when it is part or all of the team', () => {
    expect(weCount('Most of the team rewrote the tests over the weekend.')).toBe(1)
    expect(weCount('Half of our team rewrote the billing service.')).toBe(1)
  })
})

describe('advice edge cases', () => {
  it('keeps a conditional with a negative modal or another person\'s "would" hypothetical', () => {
    for (const extra of [
      "If I had more time, I wouldn't change the images.",
      "If a release failed, you'd roll it back first.",
    ])
      expect(fixOf(`${STORY} ${extra}`, 'real-story'), extra).toMatch(/^Replace "If /)
  })

  it('quotes the words of the sentence without its own quotation marks or list marker', () => {
    expect(fixOf(`${STORY} "Honestly," I would say, "ship it small first."`, 'real-story')).toBe(
      'Replace "Honestly, I would say, ship…" with what you actually did, in the past tense',
    )
    expect(fixOf(`${STORY}\n\n1. I usually test on a slow network first.`, 'real-story')).toBe(
      'Replace "I usually test on a…" with what you actually did, in the past tense',
    )
  })

  it('does not count a state after the team\'s clause ("and I was nervous") as a step', () => {
    const at = (mid: string) =>
      criterion(
        `At Ashgrove our team needed an offline mode before September. We narrowed the scope to lessons and quizzes. ${mid} We shipped it on 28 August, and 41% of students used it offline.`,
        'ownership',
      ).score
    expect(at('We tested it on staging, and I was nervous.')).toBeLessThan(
      at('We tested it on staging, and I wrote the load test.'),
    )
  })
})
