// A loop's debrief: per question the score, band, STAR balance and probe answers; per principle a verdict; the
// strongest and weakest principles; and story reuse across answers. Pure: stored attempts in, debrief out. Also
// the debrief as Markdown, for the export.

import type { Debrief, DebriefQuestion, Loop, Verdict } from '../contract/loops'
import { combineAnswer, type ScoreReport, STORY_REUSE_THRESHOLD, storyReuse } from '../engine/index'

/** A verdict from the score under the principle's rubric: the bar an interviewer would hold it to. */
const VERDICTS: readonly { verdict: Verdict; label: string; min: number }[] = [
  { verdict: 'raises-the-bar', label: 'Raises the bar', min: 85 },
  { verdict: 'meets-the-bar', label: 'Meets the bar', min: 60 },
  { verdict: 'below-the-bar', label: 'Below the bar', min: 0 },
]

function verdictFor(score: number): { verdict: Verdict; verdictLabel: string } {
  const v = VERDICTS.find((x) => score >= x.min) ?? VERDICTS[VERDICTS.length - 1]!
  return { verdict: v.verdict, verdictLabel: v.label }
}

export interface AnsweredQuestion {
  promptId: string
  rubricId: string
  principle: string
  text: string
  attemptId: number
  answer: string
  durationMs: number | null
  report: ScoreReport
  followUps: DebriefQuestion['followUps']
  /** The report of the answer alone, when follow-ups replaced it. */
  beforeFollowUps: ScoreReport | undefined
}

const share = (r: ScoreReport, s: keyof ScoreReport['sections']) => r.sections[s].share

export function buildDebrief(answered: readonly AnsweredQuestion[]): Debrief {
  const questions: DebriefQuestion[] = answered.map((q) => ({
    promptId: q.promptId,
    rubricId: q.rubricId,
    principle: q.principle,
    text: q.text,
    attemptId: q.attemptId,
    score: q.report.score,
    band: q.report.band,
    star: {
      situation: share(q.report, 'situation'),
      task: share(q.report, 'task'),
      action: share(q.report, 'action'),
      result: share(q.report, 'result'),
    },
    speakingSeconds: q.report.stats.speakingSeconds,
    durationMs: q.durationMs,
    followUps: q.followUps,
    followUpGain:
      q.followUps.length === 0 || q.beforeFollowUps === undefined
        ? null
        : q.report.score - q.beforeFollowUps.score,
  }))
  // One verdict per principle: a principle asked twice (not in a planned loop) is judged by its mean.
  const byPrinciple = new Map<string, { principle: string; scores: number[] }>()
  for (const q of questions) {
    const p = byPrinciple.get(q.rubricId) ?? { principle: q.principle, scores: [] }
    p.scores.push(q.score)
    byPrinciple.set(q.rubricId, p)
  }
  const principles = [...byPrinciple].map(([rubricId, p]) => {
    const score = Math.round(p.scores.reduce((a, b) => a + b, 0) / p.scores.length)
    return { rubricId, principle: p.principle, score, ...verdictFor(score) }
  })
  // Strongest: highest score, ties to the earlier question; weakest: lowest, ties likewise.
  const pick = (better: (a: number, b: number) => boolean) =>
    principles.reduce<(typeof principles)[number] | null>(
      (best, p) => (best === null || better(p.score, best.score) ? p : best),
      null,
    )
  const brief = (p: (typeof principles)[number] | null) =>
    p === null ? null : { rubricId: p.rubricId, principle: p.principle, score: p.score }
  const strongest = pick((a, b) => a > b)
  const weakest = pick((a, b) => a < b)
  return {
    questions,
    principles,
    strongest: brief(strongest),
    // With one principle, it is its own strongest; it is only called weakest when there is a choice.
    weakest: principles.length < 2 ? null : brief(weakest),
    averageScore:
      questions.length === 0 ? 0 : Math.round(questions.reduce((s, q) => s + q.score, 0) / questions.length),
    warnings: storyReuse(
      answered.map((q) => ({ promptId: q.promptId, text: combineAnswer(q.answer, q.followUps) })),
      STORY_REUSE_THRESHOLD,
    ),
    threshold: STORY_REUSE_THRESHOLD,
  }
}

/** How a follow-up is scored, said where its difference is shown. */
const ONLY_ADDS = 'A follow-up only adds: what the first answer earned stays.'

const points = (n: number) => `${n} point${n === 1 ? '' : 's'}`
const percent = (n: number) => `${Math.round(n * 100)}%`
const minutes = (seconds: number) =>
  `${Math.floor(seconds / 60)}:${String(Math.round(seconds % 60)).padStart(2, '0')}`
/** Markdown table cells: pipes escaped, line breaks as spaces. */
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ')
const quote = (text: string) =>
  text
    .trim()
    .split('\n')
    .map((l) => `> ${l}`.trimEnd())
    .join('\n')

/** The debrief as a Markdown document: a summary, a table per question and principle, probe answers, warnings. */
export function debriefMarkdown(loop: Loop, debrief: Debrief): string {
  const lines: string[] = [
    `# Mock loop ${loop.id} — debrief`,
    '',
    `Started ${loop.createdAt.slice(0, 16).replace('T', ' ')} UTC · seed \`${loop.seed}\` · ${debrief.questions.length} questions · average score ${debrief.averageScore}`,
    '',
  ]
  if (debrief.strongest !== null)
    lines.push(`- **Strongest:** ${debrief.strongest.principle} (${debrief.strongest.score})`)
  if (debrief.weakest !== null)
    lines.push(`- **Weakest:** ${debrief.weakest.principle} (${debrief.weakest.score})`)
  lines.push('', '## Principles', '', '| principle | score | verdict |', '| --- | ---: | --- |')
  for (const p of debrief.principles) lines.push(`| ${cell(p.principle)} | ${p.score} | ${p.verdictLabel} |`)
  lines.push(
    '',
    '## Questions',
    '',
    '| # | principle | score | band | S / T / A / R | spoken |',
    '| ---: | --- | ---: | --- | --- | ---: |',
  )
  debrief.questions.forEach((q, i) => {
    const star = [q.star.situation, q.star.task, q.star.action, q.star.result].map(percent).join(' / ')
    lines.push(
      `| ${i + 1} | ${cell(q.principle)} | ${q.score} | ${cell(q.band.label)} | ${star} | ${minutes(q.speakingSeconds)} |`,
    )
  })
  debrief.questions.forEach((q, i) => {
    lines.push('', `### ${i + 1}. ${q.principle}: ${q.text}`, '', `Score ${q.score} (${q.band.label}).`)
    for (const f of q.followUps) {
      lines.push('', `**Probe:** ${f.question}`, '', quote(f.answer))
    }
    if (q.followUpGain !== null) {
      const gain = q.followUpGain
      lines.push(
        '',
        `The follow-up ${gain > 0 ? `added ${points(gain)}` : gain < 0 ? `cost ${points(-gain)}` : 'changed no points'}. ${ONLY_ADDS}`,
      )
    }
  })
  lines.push('', '## Story reuse', '')
  if (debrief.warnings.length === 0) {
    lines.push(`No two answers tell the same story (threshold ${debrief.threshold}).`)
  } else {
    const title = new Map(debrief.questions.map((q) => [q.promptId, q.principle]))
    for (const w of debrief.warnings) {
      lines.push(
        `- **Story reused:** the answers for ${title.get(w.promptIds[0]) ?? w.promptIds[0]} and ${title.get(w.promptIds[1]) ?? w.promptIds[1]} tell the same story (similarity ${w.similarity}, threshold ${w.threshold}). Interviewers in one loop compare notes: bring a different story to one of them.`,
      )
    }
  }
  return `${lines.join('\n')}\n`
}
