// `npm run bench`: speed and size figures measured in one run, each beside its reference, as ratios. Reports; never fails.
// `npm run bench -- --only engine,story` runs only the named groups: engine (the engine and adversarial rows),
// story, rubrics, api, scale, client.

import { benchApi } from './api'
import { benchClient } from './client'
import { benchAdversarial, benchEngine } from './engine'
import { benchRubricCheck } from './rubrics'
import { benchScale } from './scale'
import { benchStory } from './story'

function fmt(n: number, digits = 1): string {
  return n.toFixed(digits)
}

/** A goal column: the goal, and whether this run met it. */
function goal(text: string, met: boolean): string {
  return `${text} ${met ? 'met' : 'MISSED'}`
}

const GROUPS = ['engine', 'story', 'rubrics', 'api', 'scale', 'client'] as const
type Group = (typeof GROUPS)[number]
const onlyAt = process.argv.indexOf('--only')
const only = onlyAt === -1 ? [...GROUPS] : (process.argv[onlyAt + 1] ?? '').split(',').filter((g) => g !== '')
const unknown = only.filter((g) => !(GROUPS as readonly string[]).includes(g))
if (unknown.length > 0 || only.length === 0) {
  console.error(`--only takes a comma-separated list of: ${GROUPS.join(', ')}`)
  process.exit(2)
}
const runs = (g: Group) => only.includes(g)
/** The figures of the closing `bench: …` line, in the order measured. */
const summary: string[] = []

const started = performance.now()
const rows: [string, string, string, string][] = [['measure', 'figure', 'reference / ratio', 'goal']]

// 1. Engine, in this process, before anything else runs.
if (runs('engine')) {
  const engine = benchEngine()
  rows.push(
    [
      'engine: tokenizer pass (reference)',
      `${fmt(engine.tokenizerMicros, 2)} µs`,
      `${engine.words} words`,
      '',
    ],
    [
      'engine: score with star-core',
      `${fmt(engine.starCoreMicros)} µs`,
      `${fmt(engine.engineRatio)}× tokenizer`,
      goal('≤ 20×', engine.engineRatio <= 20),
    ],
    [
      `engine: score with ${engine.largestRubricId} (largest)`,
      `${fmt(engine.largestMicros)} µs`,
      `${fmt(engine.largestRatio)}× tokenizer`,
      '',
    ],
    [
      `engine: ${engine.longWords}-word answer`,
      `${fmt(engine.longMicros)} µs`,
      `${fmt(engine.engineScaling)}× the ~330-word time`,
      goal('≤ 12×', engine.engineScaling <= 12),
    ],
  )

  // 1b. Adversarial input: one unit repeated to the character limit; time for 10× the text, and the worst case.
  const adv = benchAdversarial()
  const ms2 = (n: number) => (n < 10 ? fmt(n, 2) : fmt(n, 1))
  for (const u of adv.units) {
    rows.push([
      `engine: ${JSON.stringify(u.unit)} × ${adv.chars.toLocaleString('en-US')} chars`,
      `${ms2(u.largeMillis)} ms`,
      `${fmt(u.scaling)}× the ${(adv.chars / 10).toLocaleString('en-US')}-char time (${ms2(u.smallMillis)} ms)`,
      goal('≤ 12×', u.scaling <= 12),
    ])
  }
  rows.push(
    [
      `engine: normal ${adv.chars.toLocaleString('en-US')}-char answer (reference)`,
      `${ms2(adv.normalMillis)} ms`,
      '',
      '',
    ],
    [
      'engine: worst adversarial answer',
      `${ms2(adv.worst.millis)} ms`,
      `${fmt(adv.worst.ratio)}× the normal answer (${JSON.stringify(adv.worst.unit)})`,
      goal('≤ 3×', adv.worst.ratio <= 3),
    ],
  )
  const worstScaling = Math.max(...adv.units.map((u) => u.scaling))
  summary.push(
    `engine_ratio=${fmt(engine.engineRatio)}`,
    `engine_scaling=${fmt(engine.engineScaling)}`,
    `adversarial_scaling=${fmt(worstScaling)}`,
    `adversarial_ratio=${fmt(adv.worst.ratio)}`,
  )
}

// 1c. Story fit: one story against every area rubric, from one analysis.
if (runs('story')) {
  const story = benchStory()
  rows.push([
    `engine: story fit, ${story.words}-word story × ${story.areaRubrics} area rubrics`,
    `${fmt(story.fitMicros)} µs`,
    `${fmt(story.ratio)}× one score() with ${story.referenceRubricId} (${fmt(story.scoreMicros)} µs)`,
    goal(`≤ ${fmt(story.goal)}× (${story.areaRubrics} × 0.7)`, story.ratio <= story.goal),
  ])
  summary.push(`story_fit_ratio=${fmt(story.ratio)}`)
}

// 1d. Checking rubrics: the shipped folder, and the same with a rubric of 500 prompts (the size limit).
if (runs('rubrics')) {
  const rubricCheck = benchRubricCheck()
  rows.push(
    [
      'rubrics: check the shipped folder (reference)',
      `${fmt(rubricCheck.shippedMillis)} ms`,
      'compile and check',
      '',
    ],
    [
      'rubrics: check it with a 500-prompt rubric added',
      `${fmt(rubricCheck.largeMillis)} ms`,
      `${fmt(rubricCheck.ratio)}× the shipped folder`,
      goal('≤ 2× (under 10 s where the shipped folder takes 5)', rubricCheck.ratio <= 2),
    ],
  )
  summary.push(`rubric_check_ratio=${fmt(rubricCheck.ratio)}`)
}

// 2. API throughput: autocannon here, the server in a child process on a temp database.
if (runs('api')) {
  const api = await benchApi(5)
  rows.push(
    [
      'api: GET /api/health (reference)',
      `${fmt(api.health.requestsPerSecond, 0)} req/s`,
      `p50 ${api.health.p50} ms, p99 ${api.health.p99} ms`,
      '10 connections, 5 s',
    ],
    [
      'api: POST /api/attempts',
      `${fmt(api.attempts.requestsPerSecond, 0)} req/s`,
      `${fmt(api.apiRatio, 2)}× health; p50 ${api.attempts.p50} ms, p99 ${api.attempts.p99} ms`,
      goal('≥ 0.5×', api.apiRatio >= 0.5),
    ],
  )
  if (api.health.errors + api.health.non2xx + api.attempts.errors + api.attempts.non2xx > 0) {
    rows.push([
      'api: failed requests',
      `${api.health.errors + api.health.non2xx} health, ${api.attempts.errors + api.attempts.non2xx} attempts`,
      '',
      '',
    ])
  }
  summary.push(`api_ratio=${fmt(api.apiRatio, 2)}`)
}

// 3. Scale: 100,000 seeded attempts, one request at a time, interleaved with health.
if (runs('scale')) {
  const scale = await benchScale(100_000, 20)
  const ms = (n: number) => (n < 10 ? fmt(n, 2) : fmt(n, 0))
  const latency = (f: { p50: number; p95: number; first: number }) =>
    `p50 ${ms(f.p50)} ms, p95 ${ms(f.p95)} ms, first ${ms(f.first)} ms`
  rows.push(
    [
      `scale: seed ${scale.attempts.toLocaleString('en-US')} attempts`,
      `${fmt(scale.seedSeconds)} s`,
      'batches of 10,000, one transaction each',
      '',
    ],
    ['scale: GET /api/health (reference)', latency(scale.health), `${scale.health.samples} samples`, ''],
  )
  for (const [label, f, ratio] of [
    ['GET /api/attempts?limit=50', scale.list, scale.listRatio],
    ['same, tag + minScore + from filters', scale.listFiltered, scale.listFilteredRatio],
    ['GET /api/trends', scale.trends, scale.trendsRatio],
    ['GET /api/coverage', scale.coverage, scale.coverageRatio],
  ] as const) {
    rows.push([`scale: ${label}`, latency(f), `${fmt(ratio)}× health p50`, goal('≤ 5×', ratio <= 5)])
  }
  summary.push(
    `list_ratio=${fmt(scale.listRatio)}`,
    `trends_ratio=${fmt(scale.trendsRatio)}`,
    `coverage_ratio=${fmt(scale.coverageRatio)}`,
  )
}

// 4. Client: a production build of whatever client/ holds now.
if (runs('client')) {
  const client = await benchClient()
  rows.push(
    [
      'client: JS, gzipped',
      `${fmt(client.jsGzipKb)} KB`,
      `${fmt(client.jsKb)} KB raw; ${client.jsFiles.map((f) => `${f.name} ${fmt(f.gzipKb)}`).join(', ')}`,
      goal('≤ 60 KB', client.jsGzipKb <= 60),
    ],
    ['client: CSS, gzipped', `${fmt(client.cssGzipKb)} KB`, `${fmt(client.cssKb)} KB raw`, ''],
  )
  summary.push(`js_gzip_kb=${fmt(client.jsGzipKb)}`)
}

rows.push(['total bench time', `${fmt((performance.now() - started) / 1000)} s`, '', ''])
const width = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => r[i]!.length)))
for (const r of rows)
  console.log(
    r
      .map((c, i) => c.padEnd(width[i]!))
      .join('  ')
      .trimEnd(),
  )
console.log(`bench: ${summary.join(' ')}`)
