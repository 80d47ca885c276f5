// Rule table for the quantified-result check: valid and invalid answers, with golden one-line messages.
import { describe, expect, it } from 'vitest'
import { analyze } from '../../engine/analyze'
import { score } from '../../engine/score'
import { rubricFor, ruleTester } from './check-table'

ruleTester('quantified-result', {
  valid: [
    {
      name: 'a rate in number words, from one end to the other',
      text: 'Result: pages went down from about thirty a week to five a week.',
      score: 100,
      messages: ['35-48 quantified-result: Measured outcome', '52-63 quantified-result: Measured outcome'],
      highlights: ['thirty a week', 'five a week'],
    },
    {
      name: 'a change told in number words, from one number to another',
      text: 'Result: revision rounds went from four to two.',
      score: 100,
      messages: ['34-45 quantified-result: Measured outcome'],
      highlights: ['four to two'],
    },
    {
      name: 'a change in number words with what it counts between',
      text: 'Result: we went from twelve complaints a week to none.',
      score: 100,
      messages: ['21-53 quantified-result: Measured outcome'],
      highlights: ['twelve complaints a week to none'],
    },
    {
      name: 'a softened end of a change',
      text: 'Result: timeouts fell to about 3 on a bad day.',
      score: 100,
      messages: ['31-32 quantified-result: Measured outcome'],
      highlights: ['3'],
    },
    {
      name: 'a multiplier in words',
      text: 'Result: we handled twice the usual volume.',
      score: 100,
      messages: ['19-24 quantified-result: Measured outcome'],
      highlights: ['twice'],
    },
    {
      name: 'a fraction in words',
      text: 'Result: support tickets dropped by a third.',
      score: 100,
      messages: ['37-42 quantified-result: Measured outcome'],
      highlights: ['third'],
    },
    {
      name: 'a percentage',
      text: 'Result: latency fell by 40%.',
      score: 100,
      messages: ['24-27 quantified-result: Measured outcome'],
      highlights: ['40%'],
    },
    {
      name: 'a percentage in words',
      text: 'Result: latency fell by 40 percent.',
      score: 100,
      messages: ['24-34 quantified-result: Measured outcome'],
      highlights: ['40 percent'],
    },
    {
      name: 'money with a k suffix',
      text: 'Result: we saved $40k a year.',
      score: 100,
      messages: ['17-21 quantified-result: Measured outcome'],
      highlights: ['$40k'],
    },
    {
      name: 'a duration in number words',
      text: 'Result: the migration finished in three weeks.',
      score: 100,
      messages: ['34-45 quantified-result: Measured outcome'],
      highlights: ['three weeks'],
    },
    {
      name: 'a change from one figure to another',
      text: 'Result: page loads dropped from 900 to 120 ms.',
      score: 100,
      messages: ['32-35 quantified-result: Measured outcome', '39-45 quantified-result: Measured outcome'],
      highlights: ['900', '120 ms'],
    },
    {
      name: 'a count with its unit',
      text: 'Result: we served 10,000 users.',
      score: 100,
      messages: ['18-30 quantified-result: Measured outcome'],
      highlights: ['10,000 users'],
    },
    {
      name: 'a multiplier word',
      text: 'Result: the error rate halved.',
      score: 100,
      messages: ['23-29 quantified-result: Measured outcome'],
      highlights: ['halved'],
    },
    {
      name: 'zero as a number word',
      text: 'Result: we handled the Easter weekend with zero incidents.',
      score: 100,
      messages: ['43-57 quantified-result: Measured outcome'],
      highlights: ['zero incidents'],
    },
    {
      name: 'min 2 with two measures',
      text: 'Result: latency fell by 40% and costs by $3k a month.',
      options: { min: 2 },
      score: 100,
      messages: ['24-27 quantified-result: Measured outcome', '41-44 quantified-result: Measured outcome'],
      highlights: ['40%', '$3k'],
    },
    {
      name: 'section: action reads the Action instead of the Result',
      text: 'Action: I migrated 12 services.\nResult: the team was relieved.',
      options: { section: 'action' },
      score: 100,
      messages: ['19-30 quantified-result: Measured outcome'],
      highlights: ['12 services'],
    },
  ],
  invalid: [
    {
      name: 'a lesson with a figure is no outcome, and "one day" tells when, not how much',
      text: 'Result: the failures went away almost completely. I learned that it will one day happen again, so I now keep a 5% canary.',
      status: 'missed',
      score: 10,
      messages: ['- quantified-result: Result has no measurable outcome'],
    },
    {
      name: 'a span of the day in number words is no change of a measure',
      text: 'Result: from three in the morning to noon the team was busy.',
      status: 'missed',
      score: 10,
      messages: ['- quantified-result: Result has no measurable outcome'],
    },
    {
      name: 'years are dates, not measures',
      text: 'In 2021 I rewrote the billing job. Result: it shipped in 2022.',
      status: 'missed',
      score: 10,
      messages: ['- quantified-result: Result has no measurable outcome'],
    },
    {
      name: 'versions are names, not measures',
      text: 'I upgraded the client to v2.3 and rewrote the retry logic. Result: we shipped v2.3 to everyone.',
      status: 'missed',
      score: 10,
      messages: ['- quantified-result: Result has no measurable outcome'],
    },
    {
      name: 'a vague outcome is pointed at',
      text: 'I rewrote the job. Result: the team was happy.',
      status: 'missed',
      score: 15,
      messages: ['19-46 quantified-result: Result says how it went but not by how much'],
      highlights: ['Result: the team was happy.'],
    },
    {
      name: 'a latency percentile name is not a measure',
      text: 'Result: we started tracking p99 latency.',
      status: 'missed',
      score: 10,
      messages: ['- quantified-result: Result has no measurable outcome'],
    },
    {
      name: 'a version number is not a measure',
      text: 'Result: we upgraded every service to Node 18 and Python 3.12.',
      status: 'missed',
      score: 10,
      messages: ['- quantified-result: Result has no measurable outcome'],
    },
    {
      name: 'a quarter is a date, not a measure',
      text: 'Result: we shipped in Q3 2021.',
      status: 'missed',
      score: 10,
      messages: ['- quantified-result: Result has no measurable outcome'],
    },
    {
      name: 'a number outside the Result earns a little',
      text: 'Situation: our checkout page took 9 seconds to load.\nAction: I rewrote the image pipeline.\nResult: it went fine.',
      status: 'missed',
      score: 25,
      messages: [
        '34-43 quantified-result: Your numbers are in the Situation, not the Result: say what they changed',
        '- quantified-result: Result has no measurable outcome',
      ],
    },
    {
      name: 'no Result at all',
      text: 'I rewrote the job.',
      status: 'missed',
      score: 0,
      messages: ['- quantified-result: There is no Result to measure'],
    },
    {
      name: 'min 3 with one measure',
      text: 'Result: latency fell by 40%.',
      options: { min: 3 },
      status: 'partial',
      // 0.4 + 0.35 × 1/3 of the points.
      score: 51.67,
      messages: ['24-27 quantified-result: Measured outcome'],
    },
    {
      name: 'min 2 with one measure is not yet met',
      text: 'Result: latency fell by 40%.',
      options: { min: 2 },
      status: 'partial',
      score: 57.5,
      messages: ['24-27 quantified-result: Measured outcome'],
    },
  ],
})

describe('quantified-result sections', () => {
  it("a measured outcome read as Action after the last step counts, under that sentence's own section", () => {
    const text =
      'Action: I rewrote the export job and added an index. The export time fell from 40 minutes to 4 minutes.'
    expect(analyze(text).sentences.map((s) => s.star)).toEqual(['action', 'action'])
    const [criterion] = score(text, rubricFor('quantified-result')).criteria
    expect(criterion!.status).toBe('met')
    expect(criterion!.messages.map((m) => [m.reason, m.section])).toEqual([
      ['Measured outcome', 'action'],
      ['Measured outcome', 'action'],
    ])
  })

  it('a closing sentence about what the work became counts though "I" describes in it, and a lesson after it is no step', () => {
    const text =
      'Action: I built the first version with one other engineer. The platform took about two years to reach the end state I described. I learned that a vision needs a first step people can see.'
    expect(analyze(text).sentences.map((s) => s.star)).toEqual(['action', 'action', 'action'])
    const [criterion] = score(text, rubricFor('quantified-result')).criteria
    expect(criterion!.messages.map((m) => [m.reason, m.section])).toEqual([['Measured outcome', 'action']])
  })

  it('a step told without its subject is the Action going on: its count is no measured result', () => {
    const text =
      'Action: I profiled the jobs and found the spot prices. Result: Moved batch jobs to spot instances, deleted 40 orphaned jobs.'
    expect(analyze(text).sentences.map((s) => s.star)).toEqual(['action', 'result'])
    const [criterion] = score(text, rubricFor('quantified-result')).criteria
    expect(criterion!.messages.filter((m) => m.reason === 'Measured outcome')).toEqual([])
  })
})
