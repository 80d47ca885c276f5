// Rule tables for the reflection and hedging checks: valid and invalid answers, with golden one-line messages.
import { CLEAN_75, FIVE_ACTIONS, ruleTester } from './check-table'

ruleTester('reflection', {
  valid: [
    {
      name: 'closes with what was learned',
      text: `${FIVE_ACTIONS} I learned to check the calendar before profiling code.`,
      score: 100,
      messages: ['111-165 reflection: Reflection on what you learned'],
      highlights: ['I learned to check the calendar before profiling code.'],
    },
    {
      name: 'a lesson still closes the story when Result sentences follow it',
      text: `${FIVE_ACTIONS} I learned to check the calendar before profiling code. As a result, the export time fell from forty minutes to four. Support tickets about it fell from 30 a week to 2. Finance closed the month two days early.`,
      score: 100,
      messages: ['111-165 reflection: Reflection on what you learned'],
    },
    {
      name: 'a lesson at the start counts in full: a reflection need not be moved to earn its points',
      text: `I learned a lot from my manager early on. ${FIVE_ACTIONS}`,
      score: 100,
      messages: ['0-41 reflection: Reflection on what you learned'],
    },
    {
      name: 'what is done now, told with "now" first, is a change afterwards',
      text: `${FIVE_ACTIONS} Now, before I propose a new tool, I test it with one team for a month.`,
      score: 100,
      messages: ['111-181 reflection: Reflection on what you learned'],
    },
    {
      name: '"the main thing I take from this" is a lesson without "what"',
      text: `${FIVE_ACTIONS} The main thing I take from this is that I should measure before I optimise.`,
      score: 100,
      messages: ['111-186 reflection: Reflection on what you learned'],
    },
    {
      name: '"what I took from it" is a lesson in other words',
      text: `${FIVE_ACTIONS} What I took from it is to check the calendar before profiling code.`,
      score: 100,
      messages: ['111-178 reflection: Reflection on what you learned'],
    },
    {
      name: '"the main thing I take away is" is a lesson in other words',
      text: `${FIVE_ACTIONS} The main thing I take away is that the calendar comes before profiling.`,
      score: 100,
      messages: ['111-182 reflection: Reflection on what you learned'],
    },
    {
      name: '"Looking back, I would have…" is a reflection, not a hypothetical',
      text: `${FIVE_ACTIONS} Looking back, I would have asked for help sooner.`,
      score: 100,
      messages: ['111-160 reflection: Reflection on what you learned'],
    },
    {
      name: 'a line under a lesson heading is the lesson',
      text: `${FIVE_ACTIONS}\nLesson: validating at the moment of entry is cheaper than any fix afterwards.`,
      score: 100,
      messages: ['111-188 reflection: Reflection on what you learned'],
    },
    {
      name: '"if I started again I would…" looks back on the story: a lesson, not a hypothetical',
      text: `${FIVE_ACTIONS} If I started again I would run the side-by-side comparison from the first week.`,
      score: 100,
      messages: ['111-190 reflection: Reflection on what you learned'],
    },
    {
      name: '"what I\'d do differently is…" looks back on the story: a lesson, not a hypothetical',
      text: `${FIVE_ACTIONS} What I'd do differently is involve support from day one.`,
      score: 100,
      messages: ['111-167 reflection: Reflection on what you learned'],
    },
    {
      name: '"it made me more careful" is a lesson',
      text: `${FIVE_ACTIONS} It made me much more careful about assumptions.`,
      score: 100,
      messages: ['111-158 reflection: Reflection on what you learned'],
    },
  ],
  invalid: [
    {
      name: 'the lessons of a course are no lesson learnt',
      text: `${FIVE_ACTIONS} I found that most learners left at long video lessons over 20 minutes.`,
      status: 'missed',
      score: 0,
      messages: ['- reflection: No lesson or change afterwards'],
    },
    {
      name: 'finding something out in the Action is no lesson',
      text: `${FIVE_ACTIONS} I asked the network engineers what changed at 3 am and learned that a valve had been rescheduled.`,
      status: 'missed',
      score: 0,
      messages: ['- reflection: No lesson or change afterwards'],
    },
    {
      name: 'another team doing it differently is no lesson',
      text: `${FIVE_ACTIONS} The other team handled it differently.`,
      status: 'missed',
      score: 0,
      messages: ['- reflection: No lesson or change afterwards'],
    },
    {
      name: 'taking away a thing is no lesson',
      text: `${FIVE_ACTIONS} I took away the old cron job.`,
      status: 'missed',
      score: 0,
      messages: ['- reflection: No lesson or change afterwards'],
    },
    {
      name: 'taking away without a lesson word after it is no lesson, even spoken of later',
      text: `${FIVE_ACTIONS} In the end we took away the retry loop.`,
      status: 'missed',
      score: 0,
      messages: ['- reflection: No lesson or change afterwards'],
    },
    {
      name: 'no lesson',
      text: `${FIVE_ACTIONS} The export ran faster.`,
      status: 'missed',
      score: 0,
      messages: ['- reflection: No lesson or change afterwards'],
    },
    {
      name: 'a status told with "now" first is no change afterwards',
      text: `${FIVE_ACTIONS} Now, after the merger, I lead a team of eight on the same product.`,
      status: 'missed',
      score: 0,
      messages: ['- reflection: No lesson or change afterwards'],
    },
    {
      name: 'taking the load away is no lesson',
      text: `${FIVE_ACTIONS} We took the load away from the primary database.`,
      status: 'missed',
      score: 0,
      messages: ['- reflection: No lesson or change afterwards'],
    },
  ],
})

ruleTester('hedging', {
  valid: [
    {
      name: 'no hedges in 75 words (credit grows to 80 words)',
      text: CLEAN_75,
      score: 93.75,
      messages: ['- hedging: Only 75 words: too little to show confident delivery'],
    },
    {
      name: 'one hedge in 80 words with maxPer100 1',
      text: `${CLEAN_75} I basically rewrote the export.`,
      options: { maxPer100: 1, zeroPer100: 5 },
      score: 93.75,
      messages: ['398-407 hedging: Hedge or filler word'],
      highlights: ['basically'],
    },
    {
      name: 'a looser maxPer100 allows three hedges',
      text: `${CLEAN_75} I basically rewrote the export and it was kind of faster, I guess.`,
      options: { maxPer100: 5, zeroPer100: 10 },
      score: 100,
      messages: [
        '398-407 hedging: Hedge or filler word',
        '438-445 hedging: Hedge or filler word',
        '454-461 hedging: Hedge or filler word',
      ],
      highlights: ['basically', 'kind of', 'I guess'],
    },
  ],
  invalid: [
    {
      name: 'hedges everywhere',
      text: 'I basically rewrote the export, and it was kind of faster, I think. Maybe it helped.',
      status: 'missed',
      score: 0,
      messages: [
        '2-11 hedging: Hedge or filler word',
        '43-50 hedging: Hedge or filler word',
        '59-66 hedging: Hedge or filler word',
        '68-73 hedging: Hedge or filler word',
      ],
      highlights: ['basically', 'kind of', 'I think', 'Maybe'],
    },
    {
      name: 'one hedge in 80 words costs a third',
      text: `${CLEAN_75} I basically rewrote the export.`,
      status: 'partial',
      score: 62.5,
      messages: ['398-407 hedging: Hedge or filler word'],
    },
    {
      name: 'three hedges in 87 words',
      text: `${CLEAN_75} I basically rewrote the export and it was kind of faster, I guess.`,
      status: 'missed',
      score: 0,
      messages: [
        '398-407 hedging: Hedge or filler word',
        '438-445 hedging: Hedge or filler word',
        '454-461 hedging: Hedge or filler word',
      ],
    },
    {
      name: 'a four-word answer shows no confidence yet',
      text: 'I rewrote the export.',
      status: 'missed',
      score: 5,
      messages: ['- hedging: Only 4 words: too little to show confident delivery'],
    },
  ],
})
