// A story told in the present: its steps are the Action however they are told, and what follows the last step
// (an outcome in the past, a lesson in the present) closes it as the Result.
import { describe, expect, it } from 'vitest'
import { analyze } from '../../engine/analyze'
import { countedStars } from '../../engine/checks/star-sections/run'
import { score } from '../../engine/score'
import { FIXES_DIR, loadFixPairs } from '../fixtures/corpus'
import { shippedRubrics } from './helpers'

const rubrics = shippedRubrics()
const star = (answer: string, rubric: string) =>
  score(answer, rubrics.get(rubric)!).criteria.find((c) => c.id === 'star-structure')!

describe('the STAR structure of a story told in the present', () => {
  it('finds the Result told after the last step, before a closing lesson in the present', () => {
    const answer =
      "It's 2022 and I'm an IT officer at Hollin Valley School District, which runs 14 schools. There's a shared calendar that every school uses to book the district's two minibuses and the sports halls, and nobody owns it. It was set up years ago by a teacher who left, and now it's a mess: double bookings every week, a bus booked for a trip to the coast while another school thinks it's theirs. Heads complain to the district office, the district office says it's a school thing, and the schools say it's a district thing. I decide to take it on, even though it isn't in my job description. I export two years of bookings and find 130 double bookings, most from people editing each other's entries. I move the calendar to a booking tool the district already licenses, where each bus and hall is a resource that can only be booked once. I write a one-page guide and I run three 20-minute sessions for the school office managers. I also get the transport manager to agree to approve bus bookings, so there's a named person. In the first term after the switch, there are no double bookings at all, and the heads' complaints stop. I learn that the things nobody owns are usually the ones everyone depends on."
    const c = star(answer, 'ownership')
    expect(c.status).toBe('met')
    expect(c.messages.map((m) => m.reason).join('\n')).not.toMatch(/No Result found/)
  })

  it('measures the Result the STAR structure counts, though the labeller read it as an Action', () => {
    // "… there were no double bookings at all, against about five a month before, and the heads' complaints
    // stopped", after the steps of a story told in the present.
    const pair = loadFixPairs(FIXES_DIR).find((p) => p.id === 'advice6-result-01')!
    const report = score(pair.after, rubrics.get(pair.rubric)!)
    expect(report.criteria.find((c) => c.id === 'measurable-result')!.status).toBe('met')
  })

  it('keeps a step that says what it changed ("which cuts the extra staffing…") in the Action', () => {
    const answer =
      "It's 2021, I'm a process engineer at Kvist Furniture in Jönköping, and the plant manager decides to move our edge-banding line from a U-shape into one straight line, to make room for a new CNC machine. I think it's a mistake. In the U-shape one operator can watch two machines; in a straight line we'll need an extra operator per shift. I put my numbers in a short memo and go through them with him and the production lead in his office: about 1.4 extra full-time people, roughly 600,000 kronor a year. He listens, and he agrees the cost is real, but he says the CNC machine brings in more than that, and the floor space is the only place it fits. He decides to go ahead.\n\nFrom that point I stop arguing. I take the re-layout project on myself. I draw the new line with the operators, and we move the glue station so one person can still cover the first two machines, which cuts the extra staffing to about half a person per shift. I plan the move over two weekends so we lose no production days, and I'm on the floor both weekends when the machines are moved and recalibrated.\n\nThe line restarts on the Monday on schedule, and after three months output per shift is back to where it was, with 0.6 extra operators instead of 1.4. The CNC machine pays back in fourteen months. I learned that once the decision is made, my job is to make it as good as it can be, and that my memo was still useful — just for the new layout instead of against it."
    const c = star(answer, 'have-backbone-disagree-and-commit')
    expect(c.messages.map((m) => m.reason).join('\n')).not.toMatch(/The Action is 1\d% of the answer/)
    expect(c.score / c.max).toBeGreaterThan(0.95)
  })

  it('does not take a lasting outcome after the Result for the last step', () => {
    // "New engineers were shipping code in their first week…" closes the story though "I still keep the script
    // up to date" follows it: a lasting outcome is no step.
    const pair = loadFixPairs(FIXES_DIR).find((p) => p.id === 'specificity-fresh2-03')!
    const analysis = analyze(pair.before)
    const closing = analysis.sentences.findIndex((s) => s.text.startsWith('New engineers were shipping'))
    expect(closing).toBeGreaterThan(0)
    expect(countedStars(analysis)[closing]).toBe('result')
  })

  it('reads a step told with "Now," in a story told in the present as a step, not a lesson', () => {
    const answer =
      "It's 2023 and I run purchasing for a chain of three vet clinics. Our drug orders cost more every month and nobody compares suppliers. I pull a year of invoices and list our forty most used items. Now, two days before the order closes, I call every supplier and compare prices. I move twelve items to a cheaper wholesaler. Our monthly drug bill falls by 14%."
    const report = score(answer, rubrics.get('star-core')!)
    expect(report.criteria.find((x) => x.id === 'reflection')!.status).not.toBe('met')
  })
})
