// A new rubric file to start a draft from in the studio: a theme extending star-core with one prompt, one
// criterion of its own and an example at each end, so it passes as it is and shows every part of a file.

export const RUBRIC_SCAFFOLD = `# yaml-language-server: $schema=./rubric.schema.json
id: my-new-theme
title: My new theme
kind: theme
extends: star-core
summary: >-
  In your own words: what a strong story in this area shows, and what an interviewer listens for.
prompts:
  - id: my-new-theme-first-question
    text: Tell me about a time you had to learn a new technology quickly to deliver a project.
    tips:
      - Say what you had to learn, and why it could not wait.
      - End with what you delivered and what you would do differently.
criteria:
  - id: learning-steps
    label: How you learned
    check: keywords
    weight: 15
    section: action
    groups:
      - label: the steps you took to learn
        any: [read the docs, built a prototype, paired with, asked an expert, took a course, studied]
    fix: In your Action, say how you learned it, for example by building a prototype or pairing with an expert.
examples:
  - name: strong - learned a new stack for a launch
    prompt: my-new-theme-first-question
    answer: |
      In 2023 I was the only backend engineer on a four-person team at a travel start-up, and our partner asked for a GraphQL API within six weeks. I had never used GraphQL, and my task was to deliver the API on time without slowing down the mobile team.

      I read the docs for two evenings, then built a prototype of the three main queries in one day and paired with an engineer from another team who had run GraphQL in production. I asked an expert in our partner's team to review my schema before I wrote the resolvers, and I wrote load tests for the slowest query. Each morning I shared a short note with the mobile team on what was ready, so they could build against the real schema instead of waiting, and I kept a list of open questions that I cleared with the partner twice a week.

      We shipped the API four days early. Partner bookings grew by 18% in the first month, and p95 latency stayed under 250 ms. The mobile team released on the same day as the API, and the partner asked us to extend the API for two more markets the next quarter. I learned that a prototype in the first week answers more questions than a week of reading, and I now start every new technology that way.
    expect:
      band: strong
      met: [learning-steps]
  - name: weak - hypothetical, no steps
    prompt: my-new-theme-first-question
    answer: |
      I think I would probably just figure it out as I go. Usually things work out in the end.
    expect:
      band: weak
      missed: [learning-steps]
`
