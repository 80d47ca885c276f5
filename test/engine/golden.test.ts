// Golden reports: the full report for a few answers, so any change in scoring shows up as a reviewable diff.
// After an intended change, regenerate with `npx vitest run test/engine/golden.test.ts -u` and read the diff.

import { describe, expect, it } from 'vitest'
import { score } from '../../engine/score'
import { CORPUS_DIR, loadCorpus } from '../fixtures/corpus'
import { shippedRubrics } from './helpers'

const corpus = loadCorpus(CORPUS_DIR)
const rubrics = shippedRubrics()

const cases = [
  {
    name: 'strong-with-headings',
    story: 'deploy-pipeline-ownership',
    variant: 'strong',
    rubric: 'ownership',
  },
  { name: 'we-instead-of-i', story: 'clock-skew-logouts', variant: 'we', rubric: 'problem-solving' },
  {
    name: 'hypothetical',
    story: 'billing-api-disagreement',
    variant: 'hypothetical',
    rubric: 'handling-conflict',
  },
  { name: 'no-numbers', story: 'pricing-latency', variant: 'no-numbers', rubric: 'code-optimization' },
]

describe('golden reports', () => {
  it.each(cases)('$name', async ({ name, story, variant, rubric }) => {
    const item = corpus.find((c) => c.story === story && c.variant === variant)
    expect(item, `${story}/${variant}`).toBeDefined()
    const r = rubrics.get(rubric)
    expect(r, rubric).toBeDefined()
    const report = score(item!.answer, r!)
    // One line per sentence and per message keeps the diff readable.
    const lines = [
      `score ${report.score} ${report.band.id} (${report.rubricId})`,
      ...report.sentences.map(
        (s) => `${s.start}-${s.end} ${s.star} [${s.cues.join(', ')}] ${s.text.slice(0, 60)}`,
      ),
      ...report.criteria.flatMap((c) => [
        `${c.id} ${c.status} ${c.score}/${c.max}`,
        // A check's note is the same on each of its messages, so it is shown once per criterion.
        ...[...new Set(c.messages.map((m) => m.note))].map((note) => `  note: ${note ?? '-'}`),
        ...c.messages.map(
          (m) => `  ${m.place ? `${m.place.start}-${m.place.end}` : '-'} ${m.ruleId}: ${m.reason}`,
        ),
      ]),
      ...report.suggestions.map((s) => `+${s.gain} ${s.criterionId}: ${s.message}`),
      ...report.probes.map((p) => `? ${p.id} (${p.reason}): ${p.question}`),
    ]
    await expect(`${lines.join('\n')}\n`).toMatchFileSnapshot(`./__golden__/${name}.txt`)
  })
})
