// Following the STAR advice in one sentence pays: a Task said in any of the everyday ways ("My job was to…", "I
// was asked to…", "It was on me to…", "I told my manager I would take it on…"), a Result added at the end, and a
// routine begun after the story ("After that I started checking the numbers every Friday") each raise the total
// by 3 points or more and raise the criterion they aim at, and lower no criterion.

import { describe, expect, it } from 'vitest'
import { analyze } from '../../engine/analyze'
import { countedStars } from '../../engine/checks/star-sections/run'
import { score } from '../../engine/score'
import type { Rubric, ScoreReport } from '../../engine/types'
import { FIXES_DIR, loadFixPairs } from '../fixtures/corpus'
import { rubricFor } from './check-table'
import { starCore } from './helpers'

/** Three stories with a Situation and four steps of Action, and neither a Task nor a Result. */
const STORIES: Record<string, { scene: string; steps: string[] }> = {
  report: {
    scene:
      'Last autumn I was a data analyst at a regional grocery chain, and the weekly stock report for our forty stores took the finance team most of Monday to put together.',
    steps: [
      'I sat with two of the analysts for a morning and wrote down every manual step they took.',
      'I found that most of the time went into copying figures between three spreadsheets by hand.',
      'I built a small script that pulled the figures straight from the stock database and filled in the report template.',
      'I ran it next to the manual process for three weeks and fixed the two columns where the numbers disagreed.',
    ],
  },
  onboarding: {
    scene:
      'In 2021 I was a backend engineer at a payroll startup, and new customers were waiting about three weeks before their first payroll could run.',
    steps: [
      'I mapped the onboarding steps with the customer success lead and timed each one on five recent customers.',
      'I found that most of the wait was spent on a bank account check that we did by email.',
      "I replaced the email check with the bank's verification API and added a screen where customers could see what was still missing.",
      'I rolled it out to new customers in two batches and watched the support inbox for a week after each.',
    ],
  },
  tests: {
    scene:
      'At a travel booking site in 2023 I worked on the search team, and our end-to-end tests failed at random on about one build in four.',
    steps: [
      'I collected the results of the last two hundred builds and sorted the failures by test.',
      'I saw that nine tests caused nearly all of the failures, and all nine waited on a fixed sleep instead of on the page.',
      'I rewrote those nine tests to wait for the elements they needed and moved the slowest two into a nightly run.',
      'I showed the team the before-and-after numbers at our retro and wrote a short guide for new tests.',
    ],
  },
}

/** The Task, in the ways people say it; each goes after the scene. */
const TASKS = [
  'My job was to get that time down before the new financial year.',
  'I was asked to find a way to make it faster without hiring anyone.',
  'It was on me to fix it, since I had built the first version.',
  'Getting that time down was on me, since I had built the first version.',
  'I told my manager I would take it on and have it fixed before the new financial year.',
  'I took it on myself, because nobody else had the time.',
]

/** Results added at the end: with an outcome word, with a number, and in plain words with neither. */
const RESULTS = [
  'In the end the work was done by nine on Monday morning instead of late afternoon.',
  'As a result the time dropped from about six hours a week to twenty minutes.',
  'The finance team stopped staying late on Mondays after that.',
  'Nobody has asked for the old way since.',
]

/** A routine begun once the story was over. */
const ROUTINES = [
  'After that I started checking the numbers every Friday afternoon.',
  'Afterwards we began a short review of the failures each Monday.',
]

const rubric = starCore()

function criterion(report: ScoreReport, id: string): number {
  const c = report.criteria.find((x) => x.id === id)
  if (c === undefined) throw new Error(`no criterion ${id}`)
  return c.score
}

/** The pair pays: the total rises by 3 or more, the target rises, and no criterion falls. */
function expectPays(before: string, after: string, target: string, r: Rubric = rubric) {
  const b = score(before, r)
  const a = score(after, r)
  expect(a.score - b.score, `total ${b.score} → ${a.score}`).toBeGreaterThanOrEqual(3)
  expect(criterion(a, target)).toBeGreaterThan(criterion(b, target))
  for (const c of b.criteria) expect(criterion(a, c.id), c.id).toBeGreaterThanOrEqual(c.score)
}

const join = (...parts: string[]) => parts.join(' ')

describe('a Task added after the scene of an answer that had none', () => {
  for (const [name, { scene, steps }] of Object.entries(STORIES))
    for (const task of TASKS)
      it(`${name}: "${task.slice(0, 40)}…" raises STAR structure`, () => {
        const ending = RESULTS[2]!
        expectPays(join(scene, ...steps, ending), join(scene, task, ...steps, ending), 'star-structure')
      })

  it('in a story told in the present: "getting orders flowing again is on me"', () => {
    const scene =
      "It's a Friday evening in 2023 at a food delivery startup, and orders from one city start failing at checkout."
    const rest = [
      'I open the error dashboard and see that every failed order uses the same new discount code.',
      "I read the code's rules and find that it sets the delivery fee below zero, which the payment service refuses.",
      'I switch the code off, write to the marketing lead, and add a check that refuses any code that makes a fee negative.',
      'Orders from that city are back to normal within half an hour.',
    ]
    const task = "I'm the engineer on call that night, so getting orders flowing again is on me."
    expectPays(join(scene, ...rest), join(scene, task, ...rest), 'star-structure')
  })
})

describe("a stated Task is the speaker's own and not denied", () => {
  const structure = rubricFor('star-sections')
  const noTask = (text: string) =>
    score(text, structure).criteria[0]!.messages.some((m) => m.reason.startsWith('No Task found'))
  const { scene, steps } = STORIES.report!
  const told = (task: string) => join(scene, task, ...steps, RESULTS[2]!)

  it("does not read someone else's duty or a denied one as the Task", () => {
    for (const other of [
      'The support lead, who has to answer every angry customer, asked us to hurry.',
      'Nobody would take it on, because everyone was busy with the year-end close.',
      'No one would take it on, because everyone was busy with the year-end close.',
      "I didn't take it on at first, because I was busy with the year-end close.",
    ]) {
      expect(noTask(told(other)), other).toBe(true)
      expect(score(told(other), structure).score, other).toBe(
        score(join(scene, ...steps, RESULTS[2]!), structure).score,
      )
    }
  })

  it('reads the speaker taking the work on as the Task', () => {
    for (const own of [
      'Nobody else had the time, so I took it on myself.',
      'I was the one on our team who had to get the report out every Monday.',
      'The decision on how to rebuild it was mine, my manager said.',
      'That part is mine, since I had built the first version.',
      'It was on me to fix it before the new financial year.',
    ])
      expect(noTask(told(own)), own).toBe(false)
  })
})

describe('a Result added at the end of an answer that had none', () => {
  for (const [name, { scene, steps }] of Object.entries(STORIES))
    for (const result of RESULTS)
      it(`${name}: "${result.slice(0, 40)}…" raises STAR structure`, () => {
        const told = join(scene, TASKS[0]!, ...steps)
        expectPays(told, join(told, result), 'star-structure')
      })
})

describe('a routine begun after the Result', () => {
  for (const [name, { scene, steps }] of Object.entries(STORIES))
    for (const result of RESULTS.slice(2))
      for (const routine of ROUTINES)
        it(`${name}: "${routine.slice(0, 30)}…" after "${result.slice(0, 30)}…" is a change afterwards, and the Result stays`, () => {
          const told = join(scene, TASKS[0]!, ...steps, result)
          expectPays(told, join(told, routine), 'reflection')
        })

  it('leaves a closing outcome read as Action counted as the Result', () => {
    // Under an Action heading every sentence is read as Action; the outcome and the routine after the last step
    // are what came of it, not more steps.
    const before = [
      'Situation: In 2022 I ran the mobile releases for a bike rental app, and our crash reports kept growing after every release.',
      'Task: I was responsible for getting the crash rate back down before the summer season.',
      'Action: I read through two weeks of crash logs and saw that almost all of them came from one map screen on older Android phones. I rewrote the map screen to load its tiles lazily and tested it on the six oldest phones we supported. The crashes on that screen stopped and the store rating climbed back up.',
    ].join('\n')
    const after = `${before} After that we began testing each release on the oldest phones first.`
    const structure = rubricFor('star-sections')
    for (const text of [before, after]) {
      const messages = score(text, structure).criteria[0]!.messages.map((m) => m.reason)
      expect(messages.some((m) => m.startsWith('No Result found'))).toBe(false)
      const stars = countedStars(analyze(text))
      expect(stars.slice(-(text === after ? 2 : 1)).every((s) => s === 'result')).toBe(true)
    }
    expect(score(after, structure).score).toBeGreaterThanOrEqual(score(before, structure).score)
  })
})

describe('a closing sentence told from after the story', () => {
  it('counts a sentence that ends on "since" as the Result, whatever step it names', () => {
    const text =
      'I coordinated the book orders for a trust of seven schools, and I had promised every school its new reading books by September. I placed the order in June but did not check the delivery addresses. In late August the books for two schools went to empty buildings. I drove to the depot myself and collected the boxes. I went back through every open order that week and confirmed each address with the schools. After that I added an address check to our order form, and there has been no misdirected delivery since.'
    const a = analyze(text)
    expect(a.sentences.at(-1)!.star).toBe('action')
    expect(countedStars(a).at(-1)).toBe('result')
    const messages = score(text, rubricFor('star-sections')).criteria[0]!.messages.map((m) => m.reason)
    expect(messages.some((m) => m.startsWith('No Result found'))).toBe(false)
    // Told between the outcome and that closing sentence, a follow-up step leaves the outcome closing the story.
    const outcome = text.replace(
      'I went back through',
      'The books reached the two schools six days late, in the second week of term. I went back through',
    )
    const measured = score(outcome, rubricFor('quantified-result')).criteria[0]!
    expect(measured.messages.map((m) => m.reason)).toContain('Measured outcome')
    expect(countedStars(analyze(outcome)).at(-3)).toBe('result')
    // Two follow-up steps are still the story followed up.
    const two = outcome.replace(
      'with the schools.',
      'with the schools. I also phoned each school to apologise.',
    )
    expect(countedStars(analyze(two)).at(-4)).toBe('result')
    // An outcome left unsettled is followed by the story going on: the step after it is the Action.
    const unsettled = outcome.replace(
      'six days late, in the second week of term',
      'six days late, but two boxes were still missing',
    )
    expect(countedStars(analyze(unsettled)).at(-2)).toBe('action')
    // "Since" in a step of the story, not told from after it: "an old colleague I had not spoken to since".
    const spoken = text.replace(
      'I drove to the depot myself',
      'I called Tom at the depot, an old colleague I had not spoken to since. I drove there myself',
    )
    expect(countedStars(analyze(`${spoken.split(' After that')[0]}`)).at(-1)).toBe('action')
    // A step that only mentions "since" on the way is still a step.
    const step = text.replace(
      'there has been no misdirected delivery since.',
      'since then I check it myself.',
    )
    expect(countedStars(analyze(`${step} I also called the publisher.`)).at(-1)).toBe('action')
  })
})

describe('details named in a spoken opening', () => {
  it('count, though the opening remarks on the answer ("So, yeah, this was…")', () => {
    const rest =
      ' I turned on tracing for the statement page and saw it fetched every counterparty separately. I rewrote it to fetch them in one batch. The page went from minutes to two seconds.'
    const specificity = (opening: string) =>
      score(opening + rest, starCore()).criteria.find((c) => c.id === 'specificity')!.score
    expect(
      specificity(
        'So, yeah, this was in 2019, I was a Java developer at Harrow & Kent Bank, on the five-person team that looked after Business Online.',
      ),
    ).toBeGreaterThan(
      specificity(
        'So, yeah, this was a few years back, I was a developer at a bank, on the team that looked after online banking.',
      ),
    )
    // A remark on the answer anywhere else names nothing that happened.
    const vague =
      'At my last job a service was slow. I looked into it and fixed the problem. It was faster after that.'
    const closing =
      ' Does that answer your question about the 2019 Stripe, Adyen and PayPal migration in Berlin?'
    const spec = (t: string) => score(t, starCore()).criteria.find((c) => c.id === 'specificity')!.score
    expect(spec(vague + closing)).toBe(spec(vague))
  })
})

describe('a story the labeller reads as scene throughout', () => {
  it('counts the steps the speaker took as its Action, and is not told to add one', () => {
    const pair = loadFixPairs(FIXES_DIR).find((p) => p.id === 'advice10-reflection-01')!
    const a = analyze(pair.after)
    expect(a.sentences.some((s) => s.star === 'action')).toBe(false)
    expect(countedStars(a).filter((s) => s === 'action').length).toBeGreaterThanOrEqual(3)
    const messages = score(pair.after, rubricFor('star-sections')).criteria[0]!.messages.map((m) => m.reason)
    expect(messages.some((m) => m.startsWith('No Action found'))).toBe(false)
    // Ownership reads the same Action: it is told with "I".
    const ownership = score(pair.after, rubricFor('ownership')).criteria[0]!
    expect(ownership.score).toBeGreaterThan(0)
    expect(ownership.messages.map((m) => m.reason)).not.toContain(
      'There is no Action to show what you did yourself',
    )
  })
})

describe('a headline Result read as scene', () => {
  const rest =
    ' I was the digital learning coordinator for Ridgeway School District, eight schools. The plan was one after-school club in the high school. I visited all eight principals with a map of which students had no computer at home and argued for a club in every school. Five principals said yes in the first term and the rest joined the next year.'
  const measured = (opening: string) =>
    score(opening + rest, rubricFor('quantified-result')).criteria[0]!.messages.some(
      (m) => m.reason === 'Measured outcome',
    )

  it('counts a measured outcome tied to what the speaker did, opening the answer, as the Result', () => {
    expect(
      measured(
        'Our school district went from 11% of students in coding clubs to 38% in two years, because I talked the principals out of a small goal.',
      ),
    ).toBe(true)
  })

  it('leaves a measured problem that opens the story in the scene', () => {
    expect(
      measured('Our school district had gone from 38% of students in coding clubs to 11% in two years.'),
    ).toBe(false)
  })
})

describe('an outcome told with the step it came of', () => {
  const structure = rubricFor('star-sections')
  const noResult = (text: string) =>
    score(text, structure).criteria[0]!.messages.some((m) => m.reason.startsWith('No Result found'))
  const story =
    'I was a backend developer at a ticketing company, and my lead asked me to cut our cloud bill. I looked at the cost report per service and found we kept every check-in log forever in the main database. I wrote a job that moved logs older than three months to archive storage and tested it on a copy first.'

  it('closes the story when the step is only in the opening clause', () => {
    const closing = `${story} After we turned it on, the database was much smaller and the bill went down a lot.`
    expect(noResult(closing)).toBe(false)
    expect(countedStars(analyze(closing)).at(-1)).toBe('result')
    // A reply, a request or a setback in the main clause is no outcome.
    for (const close of [
      'When I showed it to the team, Priya suggested caching the prices too.',
      'After I opened the pull request, two reviewers left 30 comments.',
      'When I ran the load test, the cart service fell over at 300 requests per second.',
    ])
      expect(noResult(`${story} ${close}`), close).toBe(true)
    // Told of "we" in the main clause too, it is a step.
    expect(
      countedStars(analyze(`${story} After we turned it on, we watched the dashboards for a week.`)).at(-1),
    ).toBe('action')
  })

  it('closes a story told in the present with measures counted over a period', () => {
    const present =
      'It is 2022 and I am the lead developer at a chain of 22 veterinary clinics, and we are building online booking. I choose to give up strict consistency: the online system holds its own copy of the free slots and confirms straight away. In the first six months we take 41,000 online bookings and have 73 double bookings, about 0.2%.'
    expect(noResult(present)).toBe(false)
    // Work counted over a period is a step: "In the first week I answered 25 questions".
    expect(
      noResult(
        `${story} In the first week I answered 25 questions and paired 6 times with the on-call engineer.`,
      ),
    ).toBe(true)
  })

  it('reads a setback before follow-up steps as the story going on', () => {
    const setback = `${story} When we went live, p99 latency jumped from 200ms to 2 seconds. I rolled back within 10 minutes. I rewrote the cache layer over the next week. The lesson for me was to test with production traffic.`
    expect(countedStars(analyze(setback)).at(-4)).not.toBe('result')
  })
})

describe('what the reflection check reads as a lesson or a change afterwards', () => {
  const reflection = rubricFor('reflection')
  const met = (text: string) => score(text, reflection).criteria[0]!.status === 'met'
  const story =
    'I was the on-call engineer when the nightly import failed three nights in a row. I traced it to a file the supplier had started sending in a new format, and I changed the parser to accept both.'

  it('counts a routine placed after the story', () => {
    expect(met(`${story} After this I started reading the supplier's change notes every month.`)).toBe(true)
    expect(
      met(`${story} Since the outage we have begun a check of each new file before the import runs.`),
    ).toBe(true)
  })

  it('does not count a practice told of a kind of case, offered instead of the story', () => {
    expect(
      met(
        `${story} As a rule I always try to leave the other team able to fix the problem themselves next time, so that is my approach in these situations.`,
      ),
    ).toBe(false)
    expect(met(`${story} Next time I would check the supplier's format first.`)).toBe(true)
    // Framed as a lesson or as told since, a practice of a kind of case is the lesson.
    expect(
      met(`${story} The lesson for me is that in cases like this you should check a sample first.`),
    ).toBe(true)
    expect(met(`${story} Since then, as a rule, I check a sample in cases like this.`)).toBe(true)
  })

  it('does not count "since then" told only of what has not happened again', () => {
    expect(met(`${story} We have not had a failed import since then.`)).toBe(false)
    expect(met(`${story} Since then we've had no failed import.`)).toBe(false)
    expect(met(`${story} Since then I never trust a supplier file without a sample run.`)).toBe(true)
    expect(met(`${story} Since then we run a sample import the day each new file arrives.`)).toBe(true)
  })

  it('counts "since" and "after" only where they place the routine after the story', () => {
    const pool =
      'I was the on-call engineer when the checkout service ran out of database connections. I traced it to a connection pool that three services shared, and I raised its limit.'
    // "Since" as a reason and "after" a moment inside the story: steps, not changes afterwards.
    const reason = 'Since the pool was shared, I started reviewing every service that used it.'
    const inside = 'After the fix, I started checking the dashboard every hour.'
    expect(met(`${pool} ${reason}`)).toBe(false)
    expect(met(`${pool} ${inside}`)).toBe(false)
    for (const step of [reason, inside]) {
      const text = `${pool} ${step}`
      expect(countedStars(analyze(text)).at(-1), step).toBe('action')
    }
    // The same routines placed after the story.
    expect(met(`${pool} Since then I have started reviewing every service that uses a shared pool.`)).toBe(
      true,
    )
    expect(
      met(`${pool} Ever since, I started reviewing every service that used the pool each quarter.`),
    ).toBe(true)
    expect(met(`${pool} Since that incident I started checking the pool dashboard every week.`)).toBe(true)
    expect(met(`${pool} After that incident, I started checking the pool dashboard every week.`)).toBe(true)
    expect(met(`${pool} After which we began a pool review before each release.`)).toBe(true)
  })

  it('counts a rule that lasts as a change, and not an outcome that did not recur', () => {
    const pool =
      'I was the on-call engineer when the checkout service ran out of database connections. I traced it to a connection pool that three services shared, and I raised its limit.'
    for (const rule of [
      'Going forward, no release ships without a pool-usage check.',
      'From then on no migration went out without a dry run.',
      'Since then, no release has shipped without a dry run.',
    ])
      expect(met(`${pool} ${rule}`), rule).toBe(true)
    for (const outcome of [
      'We have not had an outage since then.',
      'There has been no failed import since.',
      'Since then no backup has failed.',
    ])
      expect(met(`${pool} ${outcome}`), outcome).toBe(false)
  })

  it("does not count what a model or a colleague learned as the speaker's lesson", () => {
    expect(met(`${story} The parser now sees different files from the ones it had learned on.`)).toBe(false)
    expect(
      met(`${story} The supplier's engineer said she learned about our parser from the error mails.`),
    ).toBe(false)
    expect(met(`${story} I learned that a supplier's file format is an interface like any other.`)).toBe(true)
  })

  it('does not count a first step or a step that recurs within the story', () => {
    expect(met(`${story} I started by listing every field the import read, and every field it wrote.`)).toBe(
      false,
    )
    expect(met(`${story} For the next week I started checking the import log every morning.`)).toBe(false)
  })
})

describe('a past step beside what kept happening is a real story', () => {
  const realStory = (text: string) => {
    const told = `I was the release manager for our mobile app in 2022. I moved the release checks into one pipeline and wrote a checklist for the team. ${text}`
    return criterion(score(told, rubric), 'real-story')
  }
  const full = rubric.criteria.find((c) => c.id === 'real-story')!
  const max = (100 * full.weight) / rubric.criteria.reduce((sum, c) => sum + c.weight, 0)

  it('"would" told of something else beside the speaker\'s step says what kept happening', () => {
    expect(
      realStory(
        "I logged every time the nightly build broke, and often one team's job would delete the files another team needed.",
      ),
    ).toBeCloseTo(max, 1)
    expect(
      realStory(
        "I tracked every time the import failed, since the supplier's server would drop the connection at midnight.",
      ),
    ).toBeCloseTo(max, 1)
  })

  it('what the speaker would do, or a habit with no step of theirs, is still no story', () => {
    for (const text of [
      'Every time it broke, the team would roll back by hand.',
      'I would usually check the logs first, and then I rolled back.',
      'Whenever a release slipped, I would call the product owner.',
    ])
      expect(realStory(text), text).toBeLessThan(max / 2)
  })
})

describe('a Task told again beside one already read', () => {
  it('is no background: the Situation does not grow past its share', () => {
    const before =
      'In my last company, a small logistics firm, I worked in the team that built the driver app, and drivers in rural areas kept complaining about slow loading. Our app rating was fine, around 4.2, and nobody in management was worried about it. But when I was reading the support tickets one Friday, I noticed that many drivers outside the cities said the route screen is always blank. Nobody asked us to look at it, it was not on the plan. I took the logs for two weeks and grouped the route requests by network type. I made a light version of the route screen that loaded the map after the stop list, and I showed it to my product owner with the numbers. We released it in April. The blank-screen tickets mostly stopped after that.'
    const task =
      'I was responsible for the route screen, so it was my job that drivers could see their stops quickly.'
    const [first, ...rest] = before.split(/(?<=\.) /)
    const after = [first, task, ...rest].join(' ')
    const structure = rubricFor('star-sections')
    const b = score(before, structure).criteria[0]!
    const a = score(after, structure).criteria[0]!
    expect(a.messages.some((m) => m.reason.startsWith('The Situation takes'))).toBe(false)
    expect(a.score).toBeGreaterThanOrEqual(b.score)
  })
})
