// A loop's debrief: per question the score, band, STAR balance and probe answers; per principle a verdict; the
// strongest and weakest principles; and story reuse across answers. Pure: stored attempts in, debrief out. Also
// the debrief as Markdown, for the export.

import type { Debrief, DebriefQuestion, Loop, Verdict } from '../contract/loops'
import {
  combineAnswer,
  type Rubric,
  type ScoreReport,
  STORY_REUSE_THRESHOLD,
  storyReuse,
} from '../engine/index'
import { bandFor } from '../engine/score'

/** What an interviewer would say of each band: the verdict follows the band, so the two never disagree. */
const VERDICTS: Readonly<Record<Verdict, string>> = {
  'meets-the-bar': 'Meets the bar',
  'not-yet-at-the-bar': 'Not yet at the bar',
  'below-the-bar': 'Below the bar',
  'no-verdict': 'No verdict: rubric not in service',
}
const BAND_VERDICTS: Readonly<Record<string, Verdict>> = {
  strong: 'meets-the-bar',
  developing: 'not-yet-at-the-bar',
  weak: 'below-the-bar',
}

/**
 * The verdict for a band of the principle's rubric: strong meets the bar, developing is not yet at it, weak is
 * below it. A band a rubric names otherwise is judged by its place among the rubric's bands: the top one meets
 * the bar, the lowest is below it, any between is not yet at it. Such a band with no bands to place it among (its
 * rubric left service, so only the band the answer got is known) has no verdict: what it meant went with the
 * rubric.
 */
export function verdictFor(
  band: { id: string },
  bands: readonly { id: string; min: number }[],
): { verdict: Verdict; verdictLabel: string } {
  const named = BAND_VERDICTS[band.id]
  const byMin = [...bands].sort((a, b) => b.min - a.min)
  const place = byMin.findIndex((b) => b.id === band.id)
  const verdict: Verdict =
    named ??
    (place === -1
      ? 'no-verdict'
      : place === 0
        ? 'meets-the-bar'
        : place === byMin.length - 1
          ? 'below-the-bar'
          : 'not-yet-at-the-bar')
  return { verdict, verdictLabel: VERDICTS[verdict] }
}

const VERDICT_ORDER: readonly Verdict[] = [
  'meets-the-bar',
  'not-yet-at-the-bar',
  'below-the-bar',
  'no-verdict',
]
const VERDICT_WORDS: Readonly<Record<Verdict, string>> = {
  'meets-the-bar': 'meets the bar',
  'not-yet-at-the-bar': 'is not yet at the bar',
  'below-the-bar': 'is below the bar',
  'no-verdict': 'has no verdict (its rubric is no longer in service)',
}

/**
 * How the verdicts follow the bands, in words, for the page and the export: each band of the principles' rubrics
 * (or, for a rubric gone from service, the band its answer got) with its verdict, the best first, and last any
 * band without one.
 */
function verdictRule(
  principles: readonly { band: { id: string; label: string }; rubric: Rubric | undefined }[],
): string {
  const seen = new Map<string, { label: string; verdict: Verdict; min: number }>()
  for (const p of principles) {
    const bands: readonly { id: string; label: string; min?: number }[] = p.rubric?.bands ?? [p.band]
    for (const b of bands) {
      if (seen.has(b.label)) continue
      const verdict = verdictFor(b, p.rubric?.bands ?? []).verdict
      seen.set(b.label, { label: b.label, verdict, min: b.min ?? 0 })
    }
  }
  const parts = [...seen.values()]
    .sort((a, b) => VERDICT_ORDER.indexOf(a.verdict) - VERDICT_ORDER.indexOf(b.verdict) || b.min - a.min)
    .map((b) => `${b.label} ${VERDICT_WORDS[b.verdict]}`)
  return `Each verdict follows the band of the principle’s score under its rubric: ${parts.join(', ')}.`
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
  /** The principle's rubric as it is now, for its bands; undefined when it left service after the loop. */
  rubric: Rubric | undefined
  followUps: DebriefQuestion['followUps']
  /** The report of the answer alone, when follow-ups replaced it. */
  beforeFollowUps: ScoreReport | undefined
}

/**
 * The STAR balance: each section's share of the words, with the words in no section as `other`, in hundredths
 * that add up to exactly 1 (the largest remainders get the rounding), so the shares shown sum to 100%.
 */
export function starBalance(report: Pick<ScoreReport, 'sections' | 'stats'>): DebriefQuestion['star'] {
  const { situation: s, task: t, action: a, result: r } = report.sections
  const inSections = s.words + t.words + a.words + r.words
  const total = Math.max(report.stats.words, inSections)
  const words = [s.words, t.words, a.words, r.words, total - inSections]
  const exact = words.map((w) => (total === 0 ? 0 : (w * 100) / total))
  const hundredths = exact.map(Math.floor)
  const short = total === 0 ? 0 : 100 - hundredths.reduce((x, y) => x + y, 0)
  const byRemainder = exact
    .map((e, i) => ({ i, rest: e - Math.floor(e) }))
    .sort((x, y) => y.rest - x.rest || x.i - y.i)
  for (const { i } of byRemainder.slice(0, short)) hundredths[i]! += 1
  const [situation, task, action, result, other] = hundredths.map((h) => h / 100) as [
    number,
    number,
    number,
    number,
    number,
  ]
  return { situation, task, action, result, other }
}

export function buildDebrief(answered: readonly AnsweredQuestion[]): Debrief {
  const questions: DebriefQuestion[] = answered.map((q) => ({
    promptId: q.promptId,
    rubricId: q.rubricId,
    principle: q.principle,
    text: q.text,
    attemptId: q.attemptId,
    score: q.report.score,
    band: q.report.band,
    star: starBalance(q.report),
    speakingSeconds: q.report.stats.speakingSeconds,
    durationMs: q.durationMs,
    followUps: q.followUps,
    followUpGain:
      q.followUps.length === 0 || q.beforeFollowUps === undefined
        ? null
        : q.report.score - q.beforeFollowUps.score,
  }))
  // One verdict per principle: a principle asked twice (not in a planned loop) is judged by its mean. The band is
  // the rubric's for that score; without the rubric (it left service), the band its first answer got.
  const byPrinciple = new Map<
    string,
    { principle: string; scores: number[]; rubric: Rubric | undefined; first: ScoreReport }
  >()
  for (const q of answered) {
    const p = byPrinciple.get(q.rubricId) ?? {
      principle: q.principle,
      scores: [],
      rubric: q.rubric,
      first: q.report,
    }
    p.scores.push(q.report.score)
    byPrinciple.set(q.rubricId, p)
  }
  const principles = [...byPrinciple].map(([rubricId, p]) => {
    const score = Math.round(p.scores.reduce((a, b) => a + b, 0) / p.scores.length)
    const band = p.rubric === undefined ? p.first.band : bandFor(p.rubric, score)
    return { rubricId, principle: p.principle, score, band, ...verdictFor(band, p.rubric?.bands ?? []) }
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
    verdictRule: verdictRule(
      principles.map((p) => ({ band: p.band, rubric: byPrinciple.get(p.rubricId)!.rubric })),
    ),
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
  lines.push('', '## Principles', '', '| principle | score | band | verdict |', '| --- | ---: | --- | --- |')
  for (const p of debrief.principles)
    lines.push(`| ${cell(p.principle)} | ${p.score} | ${cell(p.band.label)} | ${p.verdictLabel} |`)
  lines.push(
    '',
    debrief.verdictRule,
    '',
    '## Questions',
    '',
    '| # | principle | score | band | S / T / A / R / other | spoken |',
    '| ---: | --- | ---: | --- | --- | ---: |',
  )
  debrief.questions.forEach((q, i) => {
    const star = [q.star.situation, q.star.task, q.star.action, q.star.result, q.star.other]
      .map(percent)
      .join(' / ')
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
