import { loadCorpus, CORPUS_DIR } from '../test/fixtures/corpus'
import { score } from '../engine/index'
import { shippedRubrics } from '../bench/data'
const rubrics = new Map(shippedRubrics().map((r) => [r.id, r]))
const [story, variant] = process.argv.slice(2)
const a = loadCorpus(CORPUS_DIR).find((x) => x.story === story && x.variant === variant)!
const r = score(a.answer, rubrics.get('star-core')!)
a.sentences.forEach((g, i) => console.log(g.star, r.sentences[i]?.star, r.sentences[i]?.text.slice(0, 100)))
