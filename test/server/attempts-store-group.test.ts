// Attempts posted at once: stored together (group commit), each under its own report, whichever thread scored it.

import { afterEach, describe, expect, test } from 'vitest'
import { GOOD_ANSWER, postJson, sqlRows, startApp, type TestApp, WEAK_ANSWER } from './helpers'

let t: TestApp
afterEach(async () => t?.close())

/** Over 4,000 characters: scored on the worker thread, whose reply carries the report as JSON. */
const LONG_ANSWER = Array.from({ length: 9 }, () => GOOD_ANSWER).join('\n')

describe('POST /api/attempts, many at once', () => {
  test('each attempt is stored with its own report, criteria, tags and area scores', async () => {
    t = await startApp()
    const posts = [
      { promptId: 'ownership-outside-scope', answer: LONG_ANSWER },
      { promptId: 'ownership-outside-scope', answer: GOOD_ANSWER },
      { promptId: 'conflict-disagreement', answer: WEAK_ANSWER },
      { promptId: 'pressure-deadline', answer: LONG_ANSWER },
      { promptId: 'ownership-outside-scope', answer: WEAK_ANSWER },
    ]
    expect(LONG_ANSWER.length).toBeGreaterThan(4000)
    const answered = await Promise.all(posts.map((p) => postJson(t.app, '/api/attempts', p)))
    expect(answered.map((r) => r.statusCode)).toEqual([201, 201, 201, 201, 201])
    const ids = answered.map((r) => r.json().id as number)
    expect(new Set(ids).size).toBe(posts.length)

    for (const [i, p] of posts.entries()) {
      const id = ids[i]!
      const expected = (await postJson(t.app, '/api/score', p)).json()
      // The answer, the stored report and the stored figures all come from this attempt's own scoring.
      expect(answered[i]!.json().report).toEqual(expected)
      const stored = (await t.app.inject(`/api/attempts/${id}`)).json()
      expect(stored).toMatchObject({
        promptId: p.promptId,
        answer: p.answer,
        rubricId: expected.rubricId,
        rubricHash: expected.rubricHash,
        score: expected.score,
        band: expected.band,
        report: expected,
      })
      expect(
        await sqlRows(
          t.app,
          'SELECT criterion_id AS id, score, max, status FROM attempt_criteria WHERE attempt_id = ? ORDER BY criterion_id',
          id,
        ),
      ).toEqual(
        expected.criteria
          .map((c: { id: string; score: number; max: number; status: string }) => ({
            id: c.id,
            score: c.score,
            max: c.max,
            status: c.status,
          }))
          .sort((a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id)),
      )
      const [area] = await sqlRows(
        t.app,
        'SELECT score FROM attempt_area_scores WHERE attempt_id = ? AND rubric_id = ?',
        id,
        expected.rubricId,
      )
      expect(area?.score).toBe(expected.score)
    }
    // The ownership prompt also trains conflict: its attempts count there, with a score under conflict's rubric.
    const [tags] = await sqlRows(t.app, "SELECT count(*) AS n FROM attempt_tags WHERE tag = 'conflict'")
    expect(tags?.n).toBe(4)
  })
})
