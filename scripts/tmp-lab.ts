import { loadStyled, STYLES_DIR } from '../test/fixtures/corpus'
import { score } from '../engine/index'
import { shippedRubrics } from '../bench/data'
const rubrics = new Map(shippedRubrics().map((r) => [r.id, r]))
const [story, variant] = process.argv.slice(2)
const a = loadStyled(STYLES_DIR).find((x) => x.story === story && x.variant === variant)!
const r = score(a.answer, rubrics.get(a.target)!)
for (const s of r.sentences) console.log(s.star, s.text.slice(0, 90))
console.log(r.criteria.find((c) => c.id === 'measurable-result')!.messages.map((m) => m.reason + ' ' + a.answer.slice(m.place?.start, m.place?.end)))
