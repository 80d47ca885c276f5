// Shared by the candidate browser suites: the weak answer they type, the prompt they practise, and the API calls
// they make beside the browser.

import { expect } from 'vitest'

export const WEAK_ANSWER =
  'We would probably talk to the team about it. We usually try to fix things together and it went fine.'

export interface Prompt {
  id: string
  rubricId: string
}

export async function listPrompts(base: string): Promise<Prompt[]> {
  return ((await (await fetch(`${base}/api/prompts`)).json()) as { prompts: Prompt[] }).prompts
}

/** A prompt of a Leadership Principle rubric: those have strong, developing and weak examples. */
export async function practicePrompt(base: string): Promise<Prompt> {
  const prompts = await listPrompts(base)
  return prompts.find((p) => p.rubricId === 'ownership') ?? prompts[0]!
}

interface Suggestion {
  criterionId: string
  gain: number
  message: string
}

/** The report the server gives `answer` under `rubricId` (POST /api/score). */
export async function scoredBy(base: string, answer: string, rubricId: string) {
  const res = await fetch(`${base}/api/score`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ answer, rubricId }),
  })
  expect(res.status).toBe(200)
  return (await res.json()) as {
    score: number
    suggestions: Suggestion[]
    probes: { id: string; question: string; reason: string }[]
  }
}

/** Stores an attempt through the API (POST /api/attempts), expects 201, and returns its id. */
export async function storeAttempt(base: string, promptId: string, answer: string): Promise<number> {
  const res = await fetch(`${base}/api/attempts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ promptId, answer }),
  })
  expect(res.status).toBe(201)
  return ((await res.json()) as { id: number }).id
}
