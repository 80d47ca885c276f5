// Rule tables for the star-sections and ownership checks: valid and invalid answers, with golden one-line messages.
import { FULL_STORY, I_ACTION, MIXED_ACTION, ruleTester, WE_ACTION } from './check-table'

ruleTester('star-sections', {
  valid: [
    { name: 'all four sections, Action the largest', text: FULL_STORY, score: 100 },
    {
      name: 'only the required sections, with lower minimum words',
      text: 'Action: I rewrote the export to read from the replica.\nResult: The Friday timeouts stopped completely.',
      options: { required: ['action', 'result'], minWords: { situation: 1, task: 1, action: 5, result: 3 } },
      score: 100,
    },
  ],
  invalid: [
    {
      name: 'no Task and no Result',
      text: 'Situation: Last March I was the on-call lead for the order service at a grocery delivery company, and every Friday evening the service timed out for twenty minutes.\nAction: I pulled three weeks of traces from Datadog and lined them up against the Postgres slow-query log. I noticed that every timeout started within a minute of a reporting job that someone had moved to six in the evening. I rewrote the export to read from the replica in batches of 5,000 rows and added an index on the orders table.',
      status: 'partial',
      // Presence 2/4 (0.34) + Action share (0.12) + Action largest (0.08) + Situation under 35% (0.12).
      score: 66,
      messages: [
        '- star-sections: No Task found: say what you were responsible for or asked to achieve',
        '- star-sections: No Result found: say what happened because of your actions, with a number if you can',
      ],
    },
    {
      name: 'a long Situation and a thin Action and Result',
      text: 'Situation: Last March I was the on-call lead for the order service at a grocery delivery company. Every Friday evening the service timed out for twenty minutes, and the support team was flooded with complaints from angry customers who could not place orders. The company had just raised a new funding round and the founders were worried about churn during the holiday season.\nTask: My manager asked me to find the cause.\nAction: I rewrote the export to read from the replica.\nResult: The Friday timeouts stopped completely.',
      status: 'partial',
      // The Action earns 0.08 of the points for being the largest part in proportion: 9 of the Situation's 61 words.
      score: 49.7,
      messages: [
        '- star-sections: The Action is 11% of the answer; aim for at least 30%',
        '0-375 star-sections: The Situation takes 74% of the answer; keep background under 35%',
        '- star-sections: The Action is thin (9 words): say step by step what you did yourself, in the past tense',
        '- star-sections: The Result is thin (5 words): say what happened because of your actions, with a number if you can',
      ],
    },
  ],
})

ruleTester('ownership', {
  valid: [
    { name: 'every step of the Action says "I"', text: I_ACTION, score: 100 },
    {
      name: '"us" as an object and "we" in a describing clause do not share the credit',
      text: 'Action: I borrowed the idea of templates from Backstage, which we already ran as our catalogue, and built one template that let us retire four request forms. I wrote the migration guide so that we could move every team in a week.',
      score: 100,
    },
    {
      name: 'a teammate placed on the team ("Farah on my team kept…") names who did it; it hides nobody',
      text: 'Action: I redesigned the slot table so a booking locked only its slot, while Farah on my team kept running the load tests. I added a cache in front of the availability lookup, and two people from the platform team reviewed every change.',
      score: 100,
    },
    {
      name: 'half "I" is enough with minShare 0.5',
      text: MIXED_ACTION,
      options: { minShare: 0.5, zeroShare: 0.1 },
      score: 100,
    },
    {
      name: 'a short Action passes a low minActionWords, with a warning',
      text: 'Action: I rewrote the export.',
      options: { minActionWords: 5 },
      score: 80,
      messages: ['- ownership: The Action is 4 words: too little to show what you did'],
    },
  ],
  invalid: [
    {
      name: 'the Action hides behind "we"',
      text: WE_ACTION,
      status: 'missed',
      score: 0,
      messages: [
        '- ownership: Only 0% of the Action says "I"; interviewers want your part, not the team\'s',
        '8-10 ownership: Say "I" for what you did yourself',
        '99-101 ownership: Say "I" for what you did yourself',
        '172-174 ownership: Say "I" for what you did yourself',
        '235-237 ownership: Say "I" for what you did yourself',
      ],
      highlights: ['We', 'We', 'We', 'we'],
    },
    {
      name: 'naming one\'s own part among the "we"s earns half the points',
      text: `${WE_ACTION} My own part was the index: I wrote it and tested it on a copy of production.`,
      status: 'partial',
      score: 50,
      messages: [
        '- ownership: Only 20% of the Action says "I"; interviewers want your part, not the team\'s',
        '8-10 ownership: Say "I" for what you did yourself',
        '99-101 ownership: Say "I" for what you did yourself',
        '172-174 ownership: Say "I" for what you did yourself',
        '235-237 ownership: Say "I" for what you did yourself',
      ],
    },
    {
      name: 'half "I", half "we"',
      text: MIXED_ACTION,
      status: 'partial',
      // (0.5 - 0.25) / (0.7 - 0.25) of the points.
      score: 55.56,
      messages: [
        '- ownership: Only 50% of the Action says "I"; interviewers want your part, not the team\'s',
        '98-100 ownership: Say "I" for what you did yourself',
        '233-235 ownership: Say "I" for what you did yourself',
      ],
      highlights: ['We', 'we'],
    },
    {
      name: "naming one's own part before the Action (read as the Task) counts as it does inside it",
      text: `Task: My part was the index, and I tested it on a copy of production myself.\n${WE_ACTION}`,
      status: 'partial',
      // "I" and "myself" are 2 of 6 by share, (0.33 - 0.25) / (0.7 - 0.25), plus half for naming one's own part.
      score: 68.52,
      messages: [
        '- ownership: Only 33% of the Action says "I"; interviewers want your part, not the team\'s',
        '85-87 ownership: Say "I" for what you did yourself',
        '176-178 ownership: Say "I" for what you did yourself',
        '249-251 ownership: Say "I" for what you did yourself',
        '312-314 ownership: Say "I" for what you did yourself',
      ],
    },
    {
      name: 'where the share of "I" is worth more than the steps told with "I", the share decides',
      text: WE_ACTION.replace('We found a reporting export', 'I found a reporting export').replace(
        'We pulled three weeks of traces from Datadog and lined',
        'I pulled three weeks of traces from Datadog and I lined',
      ),
      status: 'partial',
      // "I" is 3 of 5 (0.6 by share, 0.78 of the points); two "I" steps earn two thirds, so the share decides here.
      score: 77.78,
      messages: [
        '- ownership: Only 60% of the Action says "I"; interviewers want your part, not the team\'s',
        '172-174 ownership: Say "I" for what you did yourself',
        '235-237 ownership: Say "I" for what you did yourself',
      ],
    },
    {
      name: 'the "we" of a proposal the speaker made ("I suggested we…") hides nothing: it is a step of one\'s own',
      text: `${WE_ACTION} I suggested we add a retry queue.`,
      status: 'missed',
      // "I" is 1 of 5 (no credit by share); the proposal is a step told with "I" and earns its third.
      score: 33.33,
      messages: [
        '- ownership: Only 20% of the Action says "I"; interviewers want your part, not the team\'s',
        '8-10 ownership: Say "I" for what you did yourself',
        '99-101 ownership: Say "I" for what you did yourself',
        '172-174 ownership: Say "I" for what you did yourself',
        '235-237 ownership: Say "I" for what you did yourself',
        '291-293 ownership: Say "I" for what you did yourself',
      ],
    },
    {
      name: 'a "we" that sets the scene around one\'s own step ("while we waited") hides nothing',
      text: `${WE_ACTION} I rewrote the parser while we waited for the vendor.`,
      status: 'missed',
      // "I" is 1 of 5 (no credit by share); the step told with "I" earns its third.
      score: 33.33,
      messages: [
        '- ownership: Only 20% of the Action says "I"; interviewers want your part, not the team\'s',
        '8-10 ownership: Say "I" for what you did yourself',
        '99-101 ownership: Say "I" for what you did yourself',
        '172-174 ownership: Say "I" for what you did yourself',
        '235-237 ownership: Say "I" for what you did yourself',
        '306-308 ownership: Say "I" for what you did yourself',
      ],
    },
    {
      name: 'two steps told with "I" among many "we"s earn two thirds of the points, more than one step does',
      text: `${WE_ACTION} We reviewed it together. We shipped it on Friday. I tested the index on a copy of production. I wrote the runbook for the on-call team.`,
      status: 'partial',
      // "I" is 2 of 8 (no credit by share, which held one step at a quarter); each "I" step earns its third.
      score: 66.67,
      messages: [
        '- ownership: Only 25% of the Action says "I"; interviewers want your part, not the team\'s',
        '8-10 ownership: Say "I" for what you did yourself',
        '99-101 ownership: Say "I" for what you did yourself',
        '172-174 ownership: Say "I" for what you did yourself',
        '235-237 ownership: Say "I" for what you did yourself',
        '279-281 ownership: Say "I" for what you did yourself',
        '304-306 ownership: Say "I" for what you did yourself',
      ],
    },
    {
      name: 'one step told with "I" alone among the "we"s earns a third of the points',
      text: WE_ACTION.replace('We found a reporting export', 'I found a reporting export'),
      status: 'missed',
      // "I" is 1 of 4 (no credit by share); the "I" step sets the floor.
      score: 33.33,
      messages: [
        '- ownership: Only 25% of the Action says "I"; interviewers want your part, not the team\'s',
        '8-10 ownership: Say "I" for what you did yourself',
        '171-173 ownership: Say "I" for what you did yourself',
        '234-236 ownership: Say "I" for what you did yourself',
      ],
    },
    {
      name: '"I decided…" among the "we"s names one\'s own part',
      text: `${WE_ACTION} I decided to add the index after reading the query plan.`,
      status: 'partial',
      score: 50,
      messages: [
        '- ownership: Only 20% of the Action says "I"; interviewers want your part, not the team\'s',
        '8-10 ownership: Say "I" for what you did yourself',
        '99-101 ownership: Say "I" for what you did yourself',
        '172-174 ownership: Say "I" for what you did yourself',
        '235-237 ownership: Say "I" for what you did yourself',
      ],
    },
    {
      name: 'a sentence closing the Action counts even when read as the Task',
      text: `${WE_ACTION} I was responsible for the index, and I was the one who tested it on a copy of production.\nResult: The timeouts stopped.`,
      status: 'partial',
      // "I" is 2 of 6: (0.33 - 0.25) / (0.7 - 0.25) by share, plus half for naming one's own part.
      score: 68.52,
      messages: [
        '- ownership: Only 33% of the Action says "I"; interviewers want your part, not the team\'s',
        '8-10 ownership: Say "I" for what you did yourself',
        '99-101 ownership: Say "I" for what you did yourself',
        '172-174 ownership: Say "I" for what you did yourself',
        '235-237 ownership: Say "I" for what you did yourself',
      ],
    },
    {
      name: "with no Action, a scene sentence that names the speaker's own share is what they did",
      text: 'Situation: The parser was changed to read the unit from each message and the readings were recalculated. I was the one who spotted the unit change, and I rewrote the parser and ran the recalculation myself.\nResult: The usage was right again within three days.',
      status: 'partial',
      // Share 100%, but 19 of the 40 Action words needed.
      score: 47.5,
      messages: ['- ownership: The Action is 19 words: too little to show what you did'],
    },
    {
      name: 'a thin Action earns credit in proportion to its words',
      text: 'Action: I rewrote the export.',
      status: 'missed',
      // 4 of the 40 words needed.
      score: 10,
      messages: ['- ownership: The Action is 4 words: too little to show what you did'],
    },
    {
      name: 'no Action at all',
      text: 'Situation: the export was slow.\nResult: it got faster.',
      status: 'missed',
      score: 0,
      messages: ['- ownership: There is no Action to show what you did yourself'],
    },
    {
      name: 'a passive Action never says who did the work',
      text: 'Action: The export was rewritten to read from the replica in batches, and an index was added on the created_at column so the nightly scan stopped locking the orders table during the dinner rush every evening.',
      status: 'missed',
      score: 30,
      messages: ['- ownership: The Action never says who did the work'],
    },
  ],
})
