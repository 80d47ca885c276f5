// Practice per area and attempt counts per prompt.

import { describe, expect, test } from 'vitest'
import { postgresStore } from '../../db/postgres/store'
import { freshPostgresUrl, onPostgres } from '../support/postgres'
import { DAY, MON, report, sameScoreEveryArea, scoredAttempt } from './helpers'
import { collateByLocale } from './locale-collation'
import { useTestStore } from './store-helpers'

const temp = useTestStore()
const add = temp.add

/** Stores an attempt of one account, scoring `score` in each of `tags` (rubric `tags[0]`); returns its id. */
function addOf(ownerId: string, score: number, createdAt: number, promptId: string, tags: string[]) {
  return temp.store.insertAttempt({ ...scoredAttempt(score, createdAt, promptId, tags), ownerId })
}

describe('aggregates', () => {
  test('practice per area: attempts, best (earliest wins a tie), average of the latest five', async () => {
    const scores = [50, 80, 80, 10, 20, 30, 40, 60]
    const ids: number[] = []
    for (const [i, s] of scores.entries())
      ids.push(await add(s, MON + i * 1000, 'ownership-outside-scope', ['ownership', 'conflict']))
    await add(95, MON, 'conflict-disagreement', ['conflict'])
    const practice = await temp.store.practiceByArea()
    expect(practice).toEqual([
      {
        tag: 'conflict',
        attempts: 9,
        best: 95,
        bestAttemptId: ids.length + 1,
        bestBandId: 'strong',
        bestBandLabel: 'Strong',
        bestAttempt: { promptId: 'conflict-disagreement', rubricId: 'conflict', score: 95, createdAt: MON },
        recentAverage: 32, // 10, 20, 30, 40, 60
        lastPractisedAt: MON + 7000,
      },
      {
        tag: 'ownership',
        attempts: 8,
        best: 80,
        bestAttemptId: ids[1],
        bestBandId: 'strong',
        bestBandLabel: 'Strong',
        bestAttempt: {
          promptId: 'ownership-outside-scope',
          rubricId: 'ownership',
          score: 80,
          createdAt: MON + 1000,
        },
        recentAverage: 32,
        lastPractisedAt: MON + 7000,
      },
    ])
    expect(await temp.store.attemptCountsByPrompt()).toEqual(
      new Map([
        ['conflict-disagreement', 1],
        ['ownership-outside-scope', 8],
      ]),
    )
  })

  test('the average of the latest attempts is rounded to two decimals as SQLite rounds', async () => {
    // The latest three: 10, 20 and 22 average 17.333…
    await add(10, MON)
    await add(20, MON + 1000)
    await add(22, MON + 2000)
    const [first] = await temp.store.practiceByArea(3)
    expect(first?.recentAverage).toBe(17.33)
    await add(25, MON + 3000) // the latest three: 20, 22, 25
    const [second] = await temp.store.practiceByArea(3)
    expect(second?.recentAverage).toBe(22.33)
    // The latest eight of 0, 0, 0, 0, 0, 0, 0, 1 average exactly 0.125: a tie, rounded up.
    for (let i = 0; i < 7; i++) await add(0, MON + 10_000 + i, 'p', ['tie'])
    await add(1, MON + 20_000, 'p', ['tie'])
    const tie = (await temp.store.practiceByArea(8)).find((p) => p.tag === 'tie')
    expect(tie?.recentAverage).toBe(0.13)
  })
})

describe('one account', () => {
  test("practice and counts read only the account's attempts", async () => {
    await addOf('other', 90, MON, 'ownership-outside-scope', ['ownership'])
    const first = await addOf('me', 70, MON + 1000, 'ownership-outside-scope', ['ownership'])
    await addOf('me', 70, MON + 2000, 'ownership-outside-scope', ['ownership'])
    await addOf('me', 40, MON + 3000, 'ownership-bias', ['ownership'])
    await addOf('other', 99, MON + 4000, 'ownership-bias', ['ownership'])
    expect(await temp.store.practiceByAreaOf('me')).toEqual([
      {
        tag: 'ownership',
        attempts: 3,
        best: 70,
        bestAttemptId: first,
        bestBandId: 'weak',
        bestBandLabel: 'Needs work',
        bestAttempt: {
          promptId: 'ownership-outside-scope',
          rubricId: 'ownership',
          score: 70,
          createdAt: MON + 1000,
        },
        recentAverage: 60,
        lastPractisedAt: MON + 3000,
      },
    ])
    expect(await temp.store.practiceByAreaOf('me', 2)).toMatchObject([{ recentAverage: 55 }])
    expect(await temp.store.practiceByAreaOf('nobody')).toEqual([])
    expect(await temp.store.attemptCountsByPromptOf('me')).toEqual(
      new Map([
        ['ownership-bias', 1],
        ['ownership-outside-scope', 2],
      ]),
    )
    expect(await temp.store.attemptCountsByPromptOf('nobody')).toEqual(new Map())
    expect((await temp.store.practiceByArea())[0]).toMatchObject({ attempts: 5, best: 99 })
  })
})

describe('text order', () => {
  test('areas and prompts come in bytewise order, capitals before small letters', async () => {
    await collateByLocale(temp.store)
    for (const [i, tag] of ['beta', 'Zeta', 'alpha'].entries()) {
      await add(50 + i, MON + i * DAY, `${tag}-prompt`, [tag])
      await addOf('me', 10, MON + i * DAY, `${tag}-prompt`, [tag])
    }
    const bytewise = ['Zeta', 'alpha', 'beta']
    expect((await temp.store.practiceByArea()).map((p) => p.tag)).toEqual(bytewise)
    expect((await temp.store.practiceByAreaOf('me')).map((p) => p.tag)).toEqual(bytewise)
    expect([...(await temp.store.attemptCountsByPrompt()).keys()]).toEqual(bytewise.map((t) => `${t}-prompt`))
    expect([...(await temp.store.attemptCountsByPromptOf('me')).keys()]).toEqual(
      bytewise.map((t) => `${t}-prompt`),
    )
  })
})

describe("judged by each area's own rubric", () => {
  test("an attempt counts for each area at its score there, not at its own report's score", async () => {
    // A Deliver Results answer: 90 under its own rubric, 35 under Ownership's, which its prompt is tagged with.
    const delivered = await temp.store.insertAttempt({
      promptId: 'deliver-results-tight-deadline',
      answer: 'We shipped on time.',
      tags: ['deliver-results', 'ownership'],
      report: report(90, 'deliver-results'),
      areaScores: [
        { rubricId: 'deliver-results', score: 90, band: { id: 'strong', label: 'Strong' } },
        { rubricId: 'ownership', score: 35, band: { id: 'weak', label: 'Needs work' } },
      ],
      createdAt: MON,
    })
    const owned = await add(60, MON + DAY, 'ownership-outside-scope', ['ownership'])
    const byArea = new Map((await temp.store.practiceByArea()).map((p) => [p.tag, p]))
    expect(byArea.get('deliver-results')).toMatchObject({ attempts: 1, best: 90, bestAttemptId: delivered })
    expect(byArea.get('ownership')).toMatchObject({
      attempts: 2,
      best: 60,
      bestAttemptId: owned,
      bestBandLabel: 'Needs work',
      recentAverage: 47.5, // 35 and 60
      bestAttempt: { promptId: 'ownership-outside-scope', rubricId: 'ownership', score: 60 },
    })
  })

  test('an attempt stored without per-area scores counts for no area', async () => {
    await temp.store.insertAttempt({
      promptId: 'p',
      answer: 'a',
      tags: ['ownership'],
      report: report(80),
      createdAt: MON,
    })
    expect(await temp.store.practiceByArea()).toEqual([])
  })
})

describe.skipIf(!onPostgres())('two processes on one PostgreSQL database', () => {
  test("each reads the other's writes at once: no answer is kept in memory", async () => {
    const url = await freshPostgresUrl()
    const [writer, reader] = [await postgresStore(url), await postgresStore(url)]
    try {
      const write = (score: number, createdAt: number) => {
        const r = report(score)
        return writer.insertAttempt({
          promptId: 'ownership-outside-scope',
          answer: 'a',
          tags: ['ownership'],
          report: r,
          areaScores: sameScoreEveryArea(r, ['ownership']),
          createdAt,
        })
      }
      await write(40, MON)
      expect(await reader.practiceByArea()).toMatchObject([{ tag: 'ownership', attempts: 1, best: 40 }])
      expect((await reader.trends({}, 'day')).overall).toEqual([
        { period: '2025-03-03', attempts: 1, average: 40 },
      ])
      const second = await write(90, MON + 1000)
      expect(await reader.practiceByArea()).toMatchObject([{ attempts: 2, best: 90, bestAttemptId: second }])
      expect(await reader.attemptCountsByPrompt()).toEqual(new Map([['ownership-outside-scope', 2]]))
      expect((await reader.trends({}, 'day')).overall).toEqual([
        { period: '2025-03-03', attempts: 2, average: 65 },
      ])
      expect((await reader.listAttempts({}, { limit: 1 })).attempts.map((a) => a.id)).toEqual([second])
    } finally {
      await writer.close()
      await reader.close()
    }
  })
})
