import { loadCorpus, loadStyled, CORPUS_DIR, STYLES_DIR } from '../test/fixtures/corpus'
import { score } from '../engine/index'
import { shippedRubrics } from '../bench/data'
const rubrics = new Map(shippedRubrics().map((r) => [r.id, r]))
const [set, story] = process.argv.slice(2)
const items = set === 'corpus' ? loadCorpus(CORPUS_DIR) : loadStyled(STYLES_DIR)
for (const a of items.filter((x) => x.story === story && (x.variant === 'strong' || x.variant === 'no-result'))) {
  const rid = (a as { target?: string }).target ?? 'star-core'
  const r = score(a.answer, rubrics.get(rid)!)
  console.log(a.variant, rid, r.score, r.criteria.map((c) => `${c.id}=${Math.round(c.score * 10) / 10}/${c.max}`).join(' '))
}
for (const a of items.filter((x) => x.story === story && (x.variant === 'strong' || x.variant === 'no-result'))) {
  const rid = (a as { target?: string }).target ?? 'star-core'
  const r = score(a.answer, rubrics.get(rid)!)
  const c = r.criteria.find((c) => c.id === 'specificity')!
  console.log(a.variant, r.stats.words, c.messages.map((m) => m.reason).slice(0, 3))
  console.log(r.sentences.map((s) => s.star[0]).join(''))
}
