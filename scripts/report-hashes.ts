// Hashes of the reports the engine gives for every labelled answer (both held-out sets too), fix pair, fresh
// answer, adversarial unit (at 2,000 and 20,000 characters) and a seeded set of mixed texts, under star-core and
// a few other rubrics; of each text's analysis as JSON; and of the reports of answers with follow-ups: a change
// meant to leave scoring alone (a speed-up) must leave every line of the output as it was.
// Usage: npx tsx scripts/report-hashes.ts [--list]   (--list prints one hash per text and rubric, for a diff)

import { createHash } from 'node:crypto'
import { shippedRubrics } from '../bench/data'
import { analyze } from '../engine/analyze'
import { scoreWithFollowUps } from '../engine/follow-up-score'
import { score } from '../engine/score'
import { ADVERSARIAL_UNITS } from '../test/fixtures/adversarial-units'
import { loadCorpus, loadFixPairs, loadStyled, setsOf } from '../test/fixtures/corpus'

const RUBRIC_IDS = ['star-core', 'ownership', 'dive-deep', 'system-design', 'deliver-results']

/** A small seeded generator (mulberry32), so that the mixed texts are the same at every run. */
function random(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const ATOMS = [
  ...ADVERSARIAL_UNITS,
  'I ',
  'we ',
  'the team ',
  'led ',
  'reduced latency by 40% ',
  'from 900 to 120 ms. ',
  'Situation: ',
  '**Result** – ',
  'In March 2023, ',
  'e.g. ',
  'U.S. ',
  'I would ',
  'usually ',
  'I learned ',
  'because ',
  'Kafka ',
  'PagerDuty ',
  'like, ',
  'you know ',
  'doubled ',
  'half ',
  '"',
  ')',
  '。',
  'Ünïcödé ',
  '\t',
]

function texts(): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = []
  for (const [set, dir] of setsOf('labelled'))
    for (const a of loadCorpus(dir)) out.push({ name: `${set}/${a.file}/${a.variant}`, text: a.answer })
  for (const [set, dir] of setsOf('styled'))
    for (const a of loadStyled(dir))
      out.push({ name: `${set}/${a.file}/${a.story}/${a.style}`, text: a.answer })
  for (const [set, dir] of setsOf('fixes'))
    for (const p of loadFixPairs(dir)) {
      out.push({ name: `${set}/${p.id}/before`, text: p.before })
      out.push({ name: `${set}/${p.id}/after`, text: p.after })
    }
  for (const unit of ADVERSARIAL_UNITS)
    for (const n of [2_000, 20_000])
      out.push({
        name: `unit/${JSON.stringify(unit)}/${n}`,
        text: unit.repeat(Math.ceil(n / unit.length)).slice(0, n),
      })
  const next = random(20261128)
  for (let i = 0; i < 300; i++) {
    let text = ''
    const length = Math.floor(next() * 3000)
    while (text.length < length) text += ATOMS[Math.floor(next() * ATOMS.length)]!
    out.push({ name: `mixed/${i}`, text })
  }
  return out
}

const list = process.argv.includes('--list')
const all = shippedRubrics()
const rubrics = RUBRIC_IDS.map((id) => all.find((r) => r.id === id)!)
const total = createHash('sha256')
let count = 0
function add(json: string, what: string, name: string): void {
  total.update(json)
  count++
  if (list) console.log(`${createHash('sha256').update(json).digest('hex').slice(0, 16)}  ${what}  ${name}`)
}

/** Follow-up answers: each text is answered by the next two texts' openings, so every stage has words. */
const FOLLOW_UP_EVERY = 7
const allTexts = texts()
for (const [k, { name, text }] of allTexts.entries()) {
  for (const r of rubrics) add(JSON.stringify(score(text, r)), r.id, name)
  // The analysis itself must stay plain data that serialises the same way.
  add(JSON.stringify(analyze(text)), 'analysis', name)
  if (k % FOLLOW_UP_EVERY === 0) {
    const followUps = [1, 2].map((d) => ({ answer: allTexts[(k + d) % allTexts.length]!.text.slice(0, 400) }))
    for (const r of rubrics)
      add(JSON.stringify(scoreWithFollowUps(text, followUps, r)), `follow-ups/${r.id}`, name)
  }
}
console.log(`${total.digest('hex')}  ${count} reports`)
