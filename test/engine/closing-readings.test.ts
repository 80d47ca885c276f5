// How the closing and framing sentences candidates write when they follow the advice are read: a future reported
// from the past, a lesson told as what one does differently since, a responsibility named in the opening, a
// measure that opens a closing sentence, and a lasting habit told in the present among the closing sentences.
import { describe, expect, it } from 'vitest'
import { analyze } from '../../engine/analyze'
import { score } from '../../engine/score'
import { shippedRubrics, starCore } from './helpers'

const core = starCore()
const rubrics = shippedRubrics()
const criterion = (text: string, id: string, rubric = core) =>
  score(text, rubric).criteria.find((c) => c.id === id)!
const hypothetical = (sentence: string) => analyze(sentence).sentences[0]!.features.hypothetical

const STORY =
  'In 2023 I was a backend engineer at Norrland Bank. Card disputes took nine days to reach a decision. I mapped every step of the dispute flow and found that four days went on a manual hand-off between two teams. I wrote a small service that routes each dispute straight to the right queue and rolled it out to one region first.'
const RESULT = 'Disputes now reach a decision in four days instead of nine.'

describe('a future told from the past', () => {
  it.each([
    "The trade-off I accepted: we would be tied to one vendor's template format.",
    'It meant we would need to build two delivery flows.',
    'I warned the product lead that the launch would slip by a week.',
  ])('"%s" reports what was foreseen, not what the speaker would do', (sentence) => {
    expect(hypothetical(sentence)).toBe(false)
  })

  it.each([
    'I would be tied to one vendor if we chose them.',
    'In that case we would need two delivery flows.',
  ])('"%s" stays a hypothetical', (sentence) => {
    expect(hypothetical(sentence)).toBe(true)
  })
})

describe('a lesson told as what one does differently since', () => {
  const lesson = 'What I do differently since is test a change at our real scale before I propose it.'

  it('counts as reflection and as part of the story', () => {
    const before = `${STORY} ${RESULT}`
    const after = `${before} ${lesson}`
    expect(criterion(before, 'reflection').score).toBe(0)
    expect(criterion(after, 'reflection').score).toBeGreaterThan(0)
    expect(criterion(after, 'real-story').score).toBe(criterion(before, 'real-story').score)
  })

  it('is no lesson without a word that looks back', () => {
    const claim = `${STORY} ${RESULT} What I do differently from other engineers is test at real scale.`
    expect(criterion(claim, 'reflection').score).toBe(0)
  })
})

describe('a responsibility named in the opening sentence', () => {
  const body =
    'Card disputes took nine days to reach a decision. I mapped every step of the dispute flow and found that four days went on a manual hand-off. I wrote a small service that routes each dispute to the right queue. Disputes now reach a decision in four days instead of nine.'

  it('is the Task the advice asks for', () => {
    const role = `In 2023 I was a backend engineer at Norrland Bank. ${body}`
    const answered = `At Norrland Bank I was the engineer responsible for the dispute service in 2023. ${body}`
    const structure = (text: string) => criterion(text, 'star-structure')
    expect(structure(answered).score).toBeGreaterThan(structure(role).score)
    expect(score(answered, core).suggestions.some((s) => /Add a Task/.test(s.message))).toBe(false)
  })

  it('is the Task when told later as work the speaker owned, and no Task when it is an admission', () => {
    const addTask = (text: string) => score(text, core).suggestions.some((s) => /Add a Task/.test(s.message))
    const role = `In 2023 I was a backend engineer at Norrland Bank. ${body}`
    const owned = role.replace('I mapped', 'I owned getting disputes decided faster. I mapped')
    const admitted = role.replace(
      'I wrote a small service',
      'I owned up to the delay, and I wrote a small service',
    )
    expect(addTask(role)).toBe(true)
    expect(addTask(owned)).toBe(false)
    expect(addTask(admitted)).toBe(true)
  })

  it("is not the speaker's when it belongs to someone else in a relative clause", () => {
    const other = `In 2023 I worked with Anna, who was responsible for the dispute service at Norrland Bank. ${body}`
    expect(score(other, core).suggestions.some((s) => /Add a Task/.test(s.message))).toBe(true)
  })
})

describe('a closing sentence that opens on its measure', () => {
  it('counts the measure though the sentence goes on to a check the speaker ran', () => {
    const unmeasured = `${STORY} The feature launched in September and the complaints stopped.`
    const measured = `${unmeasured} About 18% of active users switched it on in the first three months, and when I ran my check again after launch, disputes took four days.`
    expect(criterion(measured, 'measurable-result').score).toBeGreaterThan(
      criterion(unmeasured, 'measurable-result').score,
    )
  })

  it('still reads a closing step whose figures describe the step as no outcome', () => {
    const step = `${STORY} ${RESULT} I then moved 40 more jobs to the new queue.`
    const measures = score(step, core)
      .criteria.find((c) => c.id === 'measurable-result')!
      .messages.filter((m) => m.reason === 'Measured outcome')
      .map((m) => step.slice(m.place!.start, m.place!.end))
    expect(measures.some((m) => m.includes('40'))).toBe(false)
  })
})

describe('a lasting habit told in the present among the closing sentences', () => {
  const conflict = rubrics.get('handling-conflict')!
  const ANSWER =
    'In 2021 I was a senior engineer on the tenant portal at Holt & Pike. My manager, Rafael, had promised online rent payments by the 1st of September. I was leading the payments work, so getting it delivered was my job. I asked Rafael for half an hour alone instead of raising it in the stand-up. I brought a timeline with the provider onboarding times and showed that the date could not hold for bank transfers. I listened to why the date mattered to him, and I suggested we ship card payments first and bank transfers four weeks later. Rafael took that to sales, and the customer agreed. Card payments went live on the 30th of August, and about 60% of tenants paid online in the first month.'
  const LASTING =
    'Rafael and I still have one-to-ones where I bring risks like this early, and he asks me to review timelines before he commits to them.'

  it('is evidence in the Result, wherever the labeller puts it', () => {
    const text = `${ANSWER} ${LASTING}`
    const last = analyze(text).sentences.at(-1)!
    const c = criterion(text, 'conflict-resolution', conflict)
    const outside = c.messages.filter((m) => /outside the story/.test(m.reason))
    expect(outside).toEqual([])
    // Whatever its label, the sentence is read: the working relationship afterwards is shown.
    expect(['result', 'other']).toContain(last.star)
    expect(c.messages.some((m) => /Shows the working relationship afterwards$/.test(m.reason))).toBe(true)
  })
})

describe('a step of a story told in the present that opens like a habit', () => {
  const STORY_NOW =
    "It's early 2022, and I'm a senior frontend engineer at Lumen Ledger, an accounting web app. Almost every release has a small visual bug that a customer reports. I take it on myself to find out where they come from. I go through three months of these tickets and group them by cause. I set up visual snapshot tests with Playwright for our twenty most used screens. I present the results at our retro, and the team agrees to add the tests to every pull request. Visual bug tickets go from about fifteen a month to three."
  const STEP = 'I also stop approving pull requests that change a screen without a small-screen screenshot.'
  const withStep = STORY_NOW.replace('I present the results', `${STEP} I present the results`)

  it('is part of the real story, as the evidence checks read it', () => {
    expect(criterion(withStep, 'real-story').score).toBe(criterion(STORY_NOW, 'real-story').score)
    expect(score(withStep, core).suggestions.some((s) => s.criterionId === 'real-story')).toBe(false)
  })

  it('still counts against the story with a habit word in it', () => {
    const habit = STORY_NOW.replace(
      'I present the results',
      'I usually stop approving such pull requests. I present the results',
    )
    expect(criterion(habit, 'real-story').score).toBeLessThan(criterion(STORY_NOW, 'real-story').score)
  })
})

describe('what these readings leave alone', () => {
  const BODY =
    'Card disputes took nine days to reach a decision. I mapped every step of the dispute flow and found that four days went on a manual hand-off. I wrote a small service that routes each dispute to the right queue. Disputes now reach a decision in four days instead of nine.'
  const addTask = (text: string) => score(text, core).suggestions.some((s) => /Add a Task/.test(s.message))

  it('a report inside a supposition is still a hypothetical', () => {
    expect(
      hypothetical('If a manager suggested skipping the tests, I would push back and show the risk.'),
    ).toBe(true)
    expect(hypothetical('If the client insisted on the date, I would offer a smaller first release.')).toBe(
      true,
    )
  })

  it('a step that opens on a time span is no measured outcome', () => {
    const step = `${STORY} The new flow went live in May. Over the next 3 weeks I moved 40 more jobs to the new queue.`
    const without = `${STORY} The new flow went live in May.`
    expect(criterion(step, 'measurable-result').score).toBe(criterion(without, 'measurable-result').score)
  })

  it.each([
    'In 2023 I joined the team responsible for the billing service at Norrland Bank.',
    'In 2023 I reported to the manager in charge of payments at Norrland Bank.',
    'In 2023 I was a backend engineer at Norrland Bank, and I worked on a service owned by the payments team.',
    'In 2023 I was a backend engineer at Norrland Bank, and I joined a team that owned the card platform.',
    'In 2023 I was a backend engineer at Norrland Bank, and I owned a small flat near the office.',
  ])('"%s" names no Task of the speaker', (opening) => {
    expect(addTask(`${opening} ${BODY}`)).toBe(true)
  })

  it('owning a mistake is an admission, not the Task', () => {
    expect(
      addTask(
        `In 2023 I was a backend engineer at Norrland Bank. ${BODY} I later owned the mistake in the retro.`,
      ),
    ).toBe(true)
  })

  it('a claim after the Result that tells nothing lasting stays outside the story', () => {
    const trust = rubrics.get('earn-trust')!
    const HOLT =
      'In 2021 I was a senior engineer on the tenant portal at Holt & Pike. My manager had promised online rent payments by September. I asked him for half an hour alone and showed that the date could not hold for bank transfers. I suggested we ship card payments first. Card payments went live on the 30th of August.'
    const opinion = criterion(
      `${HOLT} For me, trust is a relationship you build one promise at a time.`,
      'trust-result',
      trust,
    )
    expect(opinion.messages.some((m) => /outside the story/.test(m.reason))).toBe(true)
  })

  it('a preference told in a present-tense answer still counts against the story', () => {
    const playbook =
      'When a release is at risk on my team, I go straight to the data. I open the burndown and the bug list. I like to give the team one clear plan by the end of the day. I post the new plan in the channel. I check in with each person the next morning.'
    const flagged = criterion(playbook, 'real-story')
      .messages.filter((m) => m.place !== undefined)
      .map((m) => playbook.slice(m.place!.start, m.place!.end))
    expect(flagged.some((t) => t.startsWith('I like to give'))).toBe(true)
  })

  it('a date someone else moved is no time gained', () => {
    const bias = rubrics.get('bias-for-action')!
    const base =
      'In 2022 I was the on-call engineer at a payments startup when checkout started failing for one bank. I rolled back the release within ten minutes without waiting for the vendor.'
    const moved = `${base} On Monday the vendor made us move the launch date by a month.`
    expect(criterion(moved, 'time-bought', bias).score).toBe(criterion(base, 'time-bought', bias).score)
  })
})

describe('what a partly met criterion still lacks', () => {
  const solving = rubrics.get('problem-solving')!
  const fix = (text: string) =>
    score(text, solving).suggestions.find((s) => s.criterionId === 'diagnosis-method')?.message ?? ''

  it('says how many more are needed when one is not enough', () => {
    const logs =
      'I joined the data team at Grünwald Energy in 2023. I read logs from the pipeline for a week. The pipeline went live in July.'
    expect(fix(logs)).toMatch(/Still missing: two of /)
  })
})

describe('"I\'d" that means "I had", and an outcome that has lasted', () => {
  it('reads "I\'d even written…" as what happened, and "I\'d rather…" as what the speaker would do', () => {
    const base = criterion(`${STORY} ${RESULT}`, 'real-story').score
    const had = `${STORY} I'd even written a migration script for the old tables the year before. ${RESULT}`
    const would = `${STORY} I'd rather rewrite everything from scratch. ${RESULT}`
    expect(criterion(had, 'real-story').score).toBe(base)
    expect(criterion(would, 'real-story').score).toBeLessThan(base)
  })

  it('counts a lasting outcome told in the present after the Result, though it reads like a habit', () => {
    const trust = rubrics.get('earn-trust')!
    const HOLT =
      'In 2021 I was a senior engineer on the tenant portal at Holt & Pike. My manager had promised online rent payments by September. I asked him for half an hour alone and showed that the date could not hold for bank transfers. I suggested we ship card payments first. Card payments went live on the 30th of August, and about 60% of tenants paid online in the first month.'
    const lasting = `${HOLT} Rafael still comes to me first whenever a date looks tight.`
    const future = `${HOLT} Rafael will come to me first whenever a date looks tight.`
    expect(criterion(lasting, 'trust-result', trust).score).toBeGreaterThan(
      criterion(HOLT, 'trust-result', trust).score,
    )
    expect(criterion(lasting, 'real-story', trust).score).toBe(criterion(HOLT, 'real-story', trust).score)
    expect(criterion(future, 'trust-result', trust).score).toBe(criterion(HOLT, 'trust-result', trust).score)
  })
})
