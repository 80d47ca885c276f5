// Holds the engine to the levels it reaches on the hand-labelled corpus: label accuracy and strong-vs-weak ordering.

import { describe, expect, it } from 'vitest'
import { score } from '../../engine/score'
import {
  CORPUS_DIR,
  type CorpusAnswer,
  EVIDENCE_DIR,
  evidenceCheck,
  FIX_ECHOES_DIR,
  FIXES_DIR,
  FIXTURE_SETS,
  FRESH_DIR,
  HOLDOUT_DIR,
  HOLDOUT_FIX_ECHOES_DIR,
  HOLDOUT_FIXES_DIR,
  HOLDOUT_STYLES_DIR,
  HOLDOUT8_STYLES_DIR,
  loadCorpus,
  loadFixEchoes,
  loadFixPairs,
  loadStyled,
  STYLES_DIR,
  type StyledAnswer,
} from '../fixtures/corpus'
import {
  degradedWins,
  echoFigures,
  fixFigures,
  groupKey,
  labelFigures,
  principleFit,
  separation,
} from '../fixtures/measure'
import { shippedRubrics, starCore } from './helpers'

const rubric = starCore()

function measure(corpus: CorpusAnswer[]) {
  const scored = corpus.map((item) => ({ item, report: score(item.answer, rubric) }))
  const labels = labelFigures(scored)
  const wins = degradedWins(scored)
  return { accuracy: labels.accuracy, total: labels.total, perLabel: labels.perLabel, ...wins }
}

describe('development corpus', () => {
  const corpus = loadCorpus(CORPUS_DIR)
  const m = measure(corpus)

  it('has at least 60 labelled answers over every weak kind', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(60)
    const variants = new Set(corpus.map((c) => c.variant))
    for (const v of [
      'strong',
      'no-result',
      'we',
      'hypothetical',
      'no-numbers',
      'buzzword',
      'ramble',
      'short',
    ]) {
      expect(variants).toContain(v)
    }
  })

  it('labels sentences as a careful human does at least 90% of the time', () => {
    expect(m.total).toBeGreaterThan(1000)
    // 95% while the ramble variants labelled their background asides situation and the labeller trained on two
    // sets; with those asides other (as label-corpus labels them) and training on all five development sets,
    // 91.2%, most misses being asides read as situation. Sets it never saw gained more: 83.3% → 87.6% on the
    // third held-out corpus.
    expect(m.accuracy).toBeGreaterThanOrEqual(0.9)
  })

  it('labels each STAR section with at least 91% recall', () => {
    for (const star of ['situation', 'task', 'action', 'result'] as const) {
      const l = m.perLabel.get(star)!
      expect(l.right / l.total, star).toBeGreaterThanOrEqual(0.91)
    }
  })

  it('scores every strong answer above each of its degraded versions', () => {
    expect(m.pairs).toBeGreaterThanOrEqual(100)
    expect(m.losses).toEqual([])
  })

  /**
   * Degraded answers that reach the top band only because the sentence labeller misreads one sentence. Since the
   * labeller was retrained with fresh/own-words-7.yaml among its training answers, the no-result version of
   * privacy-deletion-deadline has its last-but-one Action ("Two weeks before launch, our dry run … failed at 3 a.m.
   * because…") read as a Result, so the answer seems to have one; the cause is only the retraining (the same scoring
   * with the earlier weights keeps it below the top band). This list may only shrink.
   */
  const TOP_BAND_BY_LABELS = ['privacy-deletion-deadline no-result']

  it('puts strong answers in the top band and hypothetical, buzzword and short ones in the bottom band', () => {
    for (const item of corpus) {
      const report = score(item.answer, rubric)
      if (item.variant === 'strong') expect(report.band.id, item.story).toBe('strong')
      if (['hypothetical', 'buzzword'].includes(item.variant))
        expect(report.band.id, `${item.story} ${item.variant}`).toBe('weak')
      const name = `${item.story} ${item.variant}`
      if (['no-result', 'we', 'no-numbers'].includes(item.variant) && !TOP_BAND_BY_LABELS.includes(name))
        expect(report.band.id, name).not.toBe('strong')
    }
    // Each listed answer is still read that way: once the labeller reads it right, it leaves the list.
    for (const name of TOP_BAND_BY_LABELS) {
      const item = corpus.find((c) => `${c.story} ${c.variant}` === name)!
      expect(score(item.answer, rubric).band.id, name).toBe('strong')
    }
  })
})

describe('held-out corpus (never tuned against)', () => {
  const corpus = loadCorpus(HOLDOUT_DIR)
  const m = measure(corpus)

  it('labels at least 80% of sentences as a careful human does', () => {
    expect(m.total).toBeGreaterThan(500)
    expect(m.accuracy).toBeGreaterThanOrEqual(0.8)
  })

  it('scores a strong story above its degraded version at least 95% of the time', () => {
    expect((m.pairs - m.losses.length) / m.pairs).toBeGreaterThanOrEqual(0.95)
  })

  it('scores every answer the guides call good above every answer they call weak', () => {
    const guide = corpus.filter((c) => c.variant.startsWith('guide-'))
    const good = guide.filter((c) => c.variant === 'guide-good').map((c) => score(c.answer, rubric).score)
    const weak = guide.filter((c) => c.variant === 'guide-weak').map((c) => score(c.answer, rubric).score)
    expect(good.length).toBeGreaterThanOrEqual(5)
    expect(weak.length).toBeGreaterThanOrEqual(5)
    expect(Math.min(...good)).toBeGreaterThan(Math.max(...weak))
  })
})

/** Styled answers scored against the rubric each was written for, with label figures per writing style. */
function measureStyled(items: StyledAnswer[]) {
  const rubrics = shippedRubrics()
  const scored = items.map((item) => ({ item, report: score(item.answer, rubrics.get(item.target)!) }))
  const byStyle = new Map<string, typeof scored>()
  for (const s of scored) byStyle.set(s.item.style, [...(byStyle.get(s.item.style) ?? []), s])
  return {
    labels: labelFigures(scored),
    styles: new Map([...byStyle].map(([style, rows]) => [style, labelFigures(rows).accuracy])),
    wins: degradedWins(scored),
  }
}

const STYLES = ['bullets', 'historic-present', 'non-native', 'result-first', 'tidy', 'transcript']

describe('development styles set', () => {
  const m = measureStyled(loadStyled(STYLES_DIR))

  it('covers every writing style', () => {
    expect([...m.styles.keys()].sort()).toEqual(STYLES)
    expect(m.labels.total).toBeGreaterThan(1500)
  })

  it('labels sentences as a careful human does at least 95% of the time, and each style at least 92%', () => {
    // 96.1% (each style 93.6% or more) when this set and the corpus were the whole of training; 95.9% (each
    // 92.9% or more, historic present the lowest) trained on five sets, whose fresh and label-styles answers
    // vary the styles far more.
    expect(m.labels.accuracy).toBeGreaterThanOrEqual(0.95)
    for (const style of STYLES) expect(m.styles.get(style), style).toBeGreaterThanOrEqual(0.92)
  })

  it('labels each STAR section with at least 88% recall', () => {
    for (const star of ['situation', 'task', 'action', 'result'] as const) {
      const l = m.labels.perLabel.get(star)!
      expect(l.right / l.total, star).toBeGreaterThanOrEqual(0.88)
    }
  })

  it('scores every strong answer above each of its degraded versions', () => {
    expect(m.wins.pairs).toBeGreaterThanOrEqual(100)
    expect(m.wins.losses).toEqual([])
  })
})

describe('sentence-label sets', () => {
  it('label-styles, trained on: at least 95% of sentences, and each style at least 88%', () => {
    const m = measureStyled(loadStyled(FIXTURE_SETS['label-styles'].dir))
    expect(m.labels.total).toBeGreaterThan(250)
    expect(m.labels.accuracy).toBeGreaterThanOrEqual(0.95)
    for (const style of STYLES) expect(m.styles.get(style), style).toBeGreaterThanOrEqual(0.88)
  })

  it('label-corpus and fresh, trained on since they joined training: at least 85% and 93% of sentences', () => {
    // Before they joined training, unseen: 80.1% and 90.0%; trained on, 88.6% and 94.7%; in four-fold
    // cross-validation by file (each fold labelled by weights that never saw it), 86.8% and 91.5%.
    const rows = measure(loadCorpus(FIXTURE_SETS['label-corpus'].dir))
    expect(rows.total).toBeGreaterThan(600)
    expect(rows.accuracy).toBeGreaterThanOrEqual(0.85)
    const fresh = measureStyled(loadStyled(FRESH_DIR))
    expect(fresh.labels.total).toBeGreaterThan(1200)
    expect(fresh.labels.accuracy).toBeGreaterThanOrEqual(0.93)
  })

  it('answers written as notes in many bullet and heading formats, never trained on: at least 80% of sentences', () => {
    // 24 answers in Markdown headings, section names that are not S/T/A/R ("Numbers", "Timeline", "Root cause"),
    // every bullet marker, nested bullets and fragments: 81.4%, against 92–97% for the bullets of the other sets.
    // Reading those section names as headings reaches 84.2% once the labeller is retrained, but moves other sets
    // both ways (label-corpus 87.6% to 87.1%) and lowers the own-criteria share of these answers (50.0% to 45.8%).
    // Reading headings in the candidate's own words ("What I picked up:", "How:") by their verb: 80.9% here, with
    // the evidence set's bullets from 90.9% to 93.2% and the fifth held-out set's from 67.3% to 89.1%.
    const m = measureStyled(loadStyled(FIXTURE_SETS['bullet-formats'].dir))
    expect(m.labels.total).toBeGreaterThan(350)
    expect(m.labels.accuracy).toBeGreaterThanOrEqual(0.8)
  })
})

describe('held-out styles set (never tuned against)', () => {
  const m = measureStyled(loadStyled(HOLDOUT_STYLES_DIR))

  it('labels at least 88% of sentences as a careful human does, and each style at least 84%', () => {
    expect(m.labels.total).toBeGreaterThan(500)
    expect(m.labels.accuracy).toBeGreaterThanOrEqual(0.88)
    for (const style of STYLES) expect(m.styles.get(style), style).toBeGreaterThanOrEqual(0.84)
  })

  it('scores a strong story above its degraded version at least 90% of the time', () => {
    expect((m.wins.pairs - m.wins.losses.length) / m.wins.pairs).toBeGreaterThanOrEqual(0.9)
  })
})

describe('long vague answers against short precise ones', () => {
  it('development styles and fresh sets: good answers outscore weak ones where their lengths overlap (AUC at least 0.95)', () => {
    const rubrics = shippedRubrics()
    const items = [...loadStyled(STYLES_DIR), ...loadStyled(FRESH_DIR)]
    const s = separation(
      items.map((item) => ({ item, report: score(item.answer, rubrics.get(item.target)!) })),
    )
    expect(s.overlap.good).toBeGreaterThanOrEqual(60)
    expect(s.overlap.weak).toBeGreaterThanOrEqual(30)
    expect(s.overlap.auc).toBeGreaterThanOrEqual(0.95)
  })

  it('fresh length-overlap set: no long vague answer earns specificity or a measured result by its length', () => {
    const rubrics = shippedRubrics()
    const vague = loadStyled(FRESH_DIR).filter(
      (a) => a.file === 'length-overlap.yaml' && a.variant !== 'strong',
    )
    expect(vague.length).toBeGreaterThanOrEqual(10)
    for (const a of vague) {
      const report = score(a.answer, rubrics.get(a.target)!)
      expect(report.stats.words, a.story).toBeGreaterThanOrEqual(300)
      for (const id of ['specificity', 'measurable-result']) {
        const c = report.criteria.find((x) => x.id === id)!
        expect(c.score / c.max, `${a.story} ${id}`).toBeLessThan(0.35)
      }
    }
  })
})

describe('principle evidence in candidates’ own words', () => {
  const rubrics = shippedRubrics()

  it('development styles set: strong answers earn most of their own rubric’s evidence, and their principle ranks in the top 3', () => {
    const fit = principleFit(loadStyled(STYLES_DIR), rubrics, score)
    expect(fit.answers).toBeGreaterThanOrEqual(80)
    // Without phrases taken from these stories' own words (94.0% met, top-3 100%, MRR 0.854): the goal is 90%.
    // With synonyms, number slots, section tolerance and fewer ambiguous single words: 94.6%, 100%, 0.899.
    // With the phrases written from the tagged evidence/ answers: 95.8%, 100%, 0.878 (more principles tie at 100%
    // of their own criteria); without those of them found to credit ordinary sentences: 95.8%, 100%, 0.892.
    // With commitment read as the candidate's own step after a decision that went another way: 0.885, since
    // vat-rules-engine-not-hardcode (an Ownership story) opens "Saying no to a quick hardcode…" and later tells
    // "once we agreed… I designed the tax-rules schema", which reads as Backbone's commitment.
    expect(fit.meanMetShare).toBeGreaterThanOrEqual(0.94)
    expect(fit.top3).toBeGreaterThanOrEqual(0.99)
    expect(fit.mrr).toBeGreaterThanOrEqual(0.88)
  })

  it('fresh set: strong answers in the candidate’s own words, two per principle, earn their own evidence and rank their principle in the top 3', () => {
    const fit = principleFit(loadStyled(FRESH_DIR), rubrics, score)
    expect(fit.answers).toBeGreaterThanOrEqual(100)
    expect(fit.principleAnswers).toBeGreaterThanOrEqual(75)
    // The set also holds the short precise answers of length-overlap.yaml, which show less of each principle.
    // Without phrases taken from these stories' own words: 91.3% met, top-3 100%, MRR 0.911; with own-words-3.yaml
    // added, 87.9%, 100%, 0.896 before the concepts were revised on it and 94.1%, 100%, 0.934 after; with
    // own-words-4.yaml added, 92.4%, 100%, 0.916 before its revision and 94.4%, 100%, 0.931 after; with
    // own-words-5.yaml added, 92.0%, 97.9%, 0.910 before its revision and 94.3%, 100%, 0.931 after; with
    // own-words-6.yaml added, 92.1%, 98.1%, 0.913 before its revision and 95.4%, 100%, 0.937 after; with
    // own-words-7.yaml added, 93.0%, 97.1%, 0.909 before its revision and 96.3%, 100%, 0.939 after; with
    // own-words-8.yaml and own-words-9.yaml added, 90.2%, 97.0%, 0.884 (top-1 80.2%); with the misses of the ninth
    // set and of the eighth set's second half read for classes, 95.6%, 100%, 0.931 (top-1 86.9%). With the
    // phrases written from the tagged evidence/ answers, 96.2%, 100%, 0.912 (top-1 83.5%): stories that show a
    // second principle fully now tie with their own more often. Without those phrases found to credit ordinary
    // sentences: 95.8%, 100%, 0.919 (top-1 84.8%).
    expect(fit.meanMetShare).toBeGreaterThanOrEqual(0.95)
    expect(fit.top3).toBeGreaterThanOrEqual(0.99)
    expect(fit.mrr).toBeGreaterThanOrEqual(0.91)
  })

  /**
   * Each own-words file, written before the phrases it is scored by were read: its size and the floors it holds
   * after the revision made on it. The figures before each revision are the estimate for unseen text.
   */
  const OWN_WORDS = [
    // Before the concepts were revised on it: 73.9% met, top-3 84.4%, MRR 0.707; after: 92.0%, 100%, 0.870; after
    // the third file's revision (synonyms, number slots, section tolerance): 94.3%, 100%, 0.917.
    { file: 'own-words-2.yaml', answers: 44, principles: undefined, met: 0.93, mrr: 0.9 },
    // Before the concepts were revised on it: 76.6% met, top-3 100%, MRR 0.859; after: 95.3%, 100%, 0.938.
    { file: 'own-words-3.yaml', answers: 32, principles: 32, met: 0.93, mrr: 0.92 },
    // Before the concepts were revised on it: 78.1% met, top-1 62.5%, top-3 100%, MRR 0.792; after: 96.9%,
    // 81.3%, 100%, 0.906; 0.875 once a counterfactual of the story ("we would have…") was no longer read as a
    // hypothetical: ow4-warehouse-slotting-minority ties at 100% with strive-to-be-earths-best-employer, whose
    // total is now the higher.
    { file: 'own-words-4.yaml', answers: 16, principles: 16, met: 0.94, mrr: 0.87 },
    // Before the concepts were revised on it: 68.8% met, top-1 62.5%, top-3 81.3%, MRR 0.750; after: 93.8%,
    // 87.5%, 100%, 0.938; with the sixth file's phrasings and the labeller trained on it, 100%, 87.5%, 100%, 0.938.
    { file: 'own-words-5.yaml', answers: 16, principles: 16, met: 0.9, mrr: 0.9 },
    // Before the concepts were revised on it, with the label weights it was not trained on: 59.4% met, top-1 62.5%,
    // top-3 81.3%, MRR 0.721 (56.3%, 56.3%, 75.0%, 0.685 once the labeller had been retrained with it); after:
    // 93.8%, 87.5%, 100%, 0.927. The answers still short of their evidence tell the cause they fixed without naming
    // it as one, and how the fix lasted only as what it allowed since. With the phrases written from the tagged
    // evidence/ answers, MRR 0.833: four stories tie at 100% with a second principle they also show and rank 2nd;
    // 0.802 once the labeller was retrained to read headings in the candidate's own words ("What I picked up:").
    { file: 'own-words-6.yaml', answers: 16, principles: 16, met: 0.9, mrr: 0.8 },
    // Before the concepts were revised on it: 65.6% met, top-1 50.0%, top-3 68.8%, MRR 0.626 (the same with the
    // labeller retrained with it); after (word classes: verbs of putting work off × planned work, contact volume ×
    // falling, counted faults gone, restoring the previous version, a check put into the build or release process,
    // running beside the old way, borrowing how someone else does it; a modal inside an embedded question no longer
    // making a present-tense step hypothetical): 100%, 87.5%, 100%, 0.927.
    { file: 'own-words-7.yaml', answers: 16, principles: 16, met: 0.97, mrr: 0.9 },
    // Before any revision, with the label weights it was not trained on: 67.2% met, top-1 59.4%, top-3 78.1%, MRR
    // 0.725. After the phrases of its first half (16 answers): 79.7%, 75.0%, 93.8%, 0.856, while its second half,
    // not read, stayed at 65.6% met: phrases taken from some stories barely reach others told in new words. With
    // the round's other revisions, 81.3%, 75.0%, 93.8%, 0.852; with the misses of its second half read for
    // classes as well: 95.3%, 87.5%, 100%, 0.932 (the second half from 65.6% met, top-1 56.3%, top-3 87.5%, MRR
    // 0.743 to 93.8%, 81.3%, 100%, 0.896).
    { file: 'own-words-8.yaml', answers: 32, principles: 32, met: 0.94, mrr: 0.92 },
    // Before any revision: 54.7% met, top-1 43.8%, top-3 81.3%, MRR 0.621; with the phrases of the eighth set's
    // first half and of a pass over ten principles' criteria made without reading any answer, 59.4%, 50.0%,
    // 84.4%, 0.659. With its misses read for classes (the other side's view taken seriously, a setting that can be
    // changed in minutes, a measure taken from the customer's side, work put first by what the audit needs, a person
    // who is the lead now, a pass before every release): 90.6%, 87.5%, 100%, 0.938. What it still misses is mostly
    // evidence told in the wrong section, and one sentence the labeller puts outside the story.
    { file: 'own-words-9.yaml', answers: 32, principles: 32, met: 0.9, mrr: 0.92 },
  ]

  it.each(OWN_WORDS)('fresh set, $file: written before its phrases were read, it holds its levels', (o) => {
    const fit = principleFit(
      loadStyled(FRESH_DIR).filter((a) => a.file === o.file),
      rubrics,
      score,
    )
    expect(fit.answers).toBe(o.answers)
    if (o.principles !== undefined) expect(fit.principleAnswers).toBe(o.principles)
    expect(fit.meanMetShare).toBeGreaterThanOrEqual(o.met)
    expect(fit.top3).toBeGreaterThanOrEqual(0.99)
    expect(fit.mrr).toBeGreaterThanOrEqual(o.mrr)
  })

  it('label-styles set: strong answers written for the sentence labeller earn their own principle and rank it in the top 3', () => {
    const fit = principleFit(loadStyled(FIXTURE_SETS['label-styles'].dir), rubrics, score)
    expect(fit.answers).toBeGreaterThanOrEqual(64)
    // Before the class-level revision (synonyms, number slots, section tolerance, fewer ambiguous single words),
    // written without sight of the rubrics' phrases: 75.0% met, top-3 81.3%, MRR 0.754. After, with its misses
    // read to find the classes: 87.5%, 100%, 0.938; with its remaining misses read the same way (evidence
    // gathered from the people affected, a step split off to ship the rest, a draft reviewed with each team): 96.4%.
    // The 36 answers of the z-*.yaml files, written later in the styles read worst, bring the set to 88.3%,
    // top-3 94.4%, MRR 0.866; with their misses read for classes (listening told as working a shift with the people
    // or asking which of their problems mattered most, a loss avoided as "instead of all of them", two features cut
    // out of a release in one breath): 91.4%, 100%, 0.926; with word classes and the misses read again (a first
    // idea ruled out, a fair comparison on the same data, working well together afterwards): 93.8%, 100%, 0.926.
    expect(fit.meanMetShare).toBeGreaterThanOrEqual(0.9)
    expect(fit.top3).toBeGreaterThanOrEqual(0.99)
    expect(fit.mrr).toBeGreaterThanOrEqual(0.9)
  })

  it('fresh set: vague "we" answers on the same topics earn little of their principle, so evidence is not found in everything', () => {
    const items = loadStyled(FRESH_DIR).filter((a) => a.file === 'own-words-2.yaml')
    const weak = principleFit(items, rubrics, score, 'we')
    expect(weak.answers).toBe(16)
    // 21.9% of own criteria met, against 92.0% for the strong answers of the same file.
    expect(weak.meanMetShare).toBeLessThanOrEqual(0.3)
  })

  it('evidence set: every tag names a keyword group of the answer’s own rubric, so no tag can go uncounted', () => {
    const keysOf = (id: string) =>
      new Set(
        rubrics
          .get(id)!
          .criteria.filter((c) => c.check === 'keywords')
          .flatMap((c) =>
            (c.options as { groups: { label: string }[] }).groups.map((g) => groupKey(g.label)),
          ),
      )
    const items = loadStyled(EVIDENCE_DIR)
    for (const i of items) {
      const keys = keysOf(i.target)
      for (const s of i.sentences)
        for (const k of s.shows ?? []) expect(keys, `${i.story}: ${k}`).toContain(k)
    }
    expect(items.filter((i) => i.sentences.some((s) => (s.shows ?? []).length > 0)).length).toBe(items.length)
  })

  it('evidence set: strong answers whose sentences are tagged with the behaviours they show earn those behaviours', () => {
    const fit = principleFit(loadStyled(EVIDENCE_DIR), rubrics, score)
    expect(fit.answers).toBe(1200)
    expect(fit.tagged).toBeGreaterThanOrEqual(4500)
    // Before any phrase was written from these answers: 55.0% of own criteria met and 58.3% of tagged behaviours
    // credited on the 160 answers of the first files, 52.5% met on the 240 of the second, 52.6% on the 400 of
    // the third and 48.0% (56.1% credited, top-3 69.0%) on the 400 of the fourth, written after the third round.
    // With the phrases of three rounds of reading the first and second files (a review having removed those that
    // credit ordinary sentences): 81.4% met on those 400; 70.3% met, top-3 87.0%, MRR 0.755 and 74.3% of tagged
    // behaviours credited on the first 800; 62.8%, 81.0%, 0.698 and 68.3% on all 1200.
    expect(fit.meanMetShare).toBeGreaterThanOrEqual(0.62)
    expect(fit.top3).toBeGreaterThanOrEqual(0.8)
    expect(fit.found / fit.tagged).toBeGreaterThanOrEqual(0.68)
  })

  it('evidence set, the answers never read to write phrases: phrases taken from some stories reach others', () => {
    const fit = principleFit(evidenceCheck(loadStyled(EVIDENCE_DIR)), rubrics, score)
    expect(fit.answers).toBe(480)
    // The last five answers of each second file (80) and every answer of the third files (400), written after the
    // phrases. With none of this round's phrases: 51.0% met, top-3 75.9%, MRR 0.634, 58.0% of tagged behaviours
    // credited; now 58.0%, 81.0%, 0.670, 64.8% (on the 400 of the third files alone: 52.6% to 59.1% met, 59.2% to
    // 65.8% credited). Far from the goal of 90%: what a story told in new words shows is still mostly missed.
    // Read by structure rather than by phrase (what a figure in the Result measures, a step of the candidate's own
    // after a decision that went the other way, whom the work was for carried into a measured Result, a check told
    // with what it showed), each kept to what an interviewer would credit (no step that resists the decision, a
    // figure beside the measured phrase): 59.2% to 60.2% met, top-3 80.6% to 81.5%, MRR 0.675 to 0.679.
    expect(fit.meanMetShare).toBeGreaterThanOrEqual(0.6)
    expect(fit.top3).toBeGreaterThanOrEqual(0.81)
    expect(fit.found / fit.tagged).toBeGreaterThanOrEqual(0.65)
  })

  it('eighth held-out set: written after the structural readings, never tuned against', () => {
    const fit = principleFit(loadStyled(HOLDOUT8_STYLES_DIR), rubrics, score)
    expect(fit.answers).toBe(32)
    // Measured once when written: 76.6% met, top-3 93.8%, MRR 0.747 (the engine before the structural readings:
    // 76.6%, 93.8%, 0.767). These floors only hold that level.
    expect(fit.meanMetShare).toBeGreaterThanOrEqual(0.76)
    expect(fit.top3).toBeGreaterThanOrEqual(0.93)
  })

  it('held-out styles set: the same, never tuned against', () => {
    const fit = principleFit(loadStyled(HOLDOUT_STYLES_DIR), rubrics, score)
    expect(fit.answers).toBeGreaterThanOrEqual(28)
    expect(fit.meanMetShare).toBeGreaterThanOrEqual(0.8)
    expect(fit.top3).toBeGreaterThanOrEqual(0.93)
  })
})

describe('advice that pays when followed', () => {
  const rubrics = shippedRubrics()

  /**
   * Pairs whose fix lowers the total only because the sentence labeller re-reads the sentences around the added
   * one. specificity-new-03 was one (its Task and first Action read as scene once "This was at Quaystone … in
   * 2021" follows the Task) until "landed on me" counted as a Task phrase and "So what I did was…" as an
   * Action opener. This list may only shrink.
   */
  const LOWERED_BY_LABELS: string[] = []

  /** The files of pairs written by following the engine's own suggestions: advice-*.yaml to advice4-*.yaml. */
  const ADVICE = /^advice\d*-/

  /**
   * The development pairs these floors were set on; the pairs scored under principle and theme rubrics
   * (rubric-*.yaml) and those written by following the engine's own first suggestions (ADVICE) have
   * floors of their own below.
   */
  const devPairs = () =>
    loadFixPairs(FIXES_DIR).filter((p) => !p.file.startsWith('rubric-') && !ADVICE.test(p.file))

  it('development fix pairs: one natural sentence that follows the advice raises the total by 3 or more and the targeted criterion', () => {
    const f = fixFigures(devPairs(), rubrics, score)
    expect(f.pairs).toBeGreaterThanOrEqual(320)
    // 320 pairs: 62 in fresh writing styles and 20 written from each criterion's advice. 317 of 330 (96.1%)
    // pay, with a Task told in the historic present counted (316 before); 318 (96.4%) with the seventh own-words
    // set's phrasings; 316 (95.8%) once the labeller read headings in the candidate's own words: result-07's
    // answer now has its Result read before the fix, so the advice is no longer given, and
    // advice-principle-evidence-14 gains one point where it gained four.
    expect(f.both).toBeGreaterThanOrEqual(0.955)
    expect(f.lowered.map((r) => r.id).filter((id) => !LOWERED_BY_LABELS.includes(id))).toEqual([])
    expect(f.lowered.length).toBeLessThanOrEqual(LOWERED_BY_LABELS.length)
  })

  it("development fix pairs: every kind of advice except the area's own evidence pays in at least 93% of its pairs", () => {
    const f = fixFigures(devPairs(), rubrics, score)
    for (const [kind, k] of f.byKind) {
      if (kind === 'principle-evidence') continue
      // task-fresh-01 and task-fresh-06, once missed because the labeller misread their Task, pay as well now.
      expect(k.pairs, kind).toBeGreaterThanOrEqual(16)
      // 95% or more for every kind, but result (28 of 30, 93.3%): result-07 is counted although its answer now
      // has a Result before the fix and is no longer advised to add one.
      expect(k.both / k.pairs, kind).toBeGreaterThanOrEqual(0.93)
    }
    // The area's own evidence, found by the rubrics' concepts, in four pairs of five (55/74 before the
    // class-level revision, 62/74 after); the pairs written from each criterion's advice, in 19 of 20.
    const evidence = f.byKind.get('principle-evidence')!
    expect(evidence.pairs).toBeGreaterThanOrEqual(74)
    expect(evidence.both / evidence.pairs).toBeGreaterThanOrEqual(0.8)
    const fresh = fixFigures(
      loadFixPairs(FIXES_DIR).filter((p) => p.file === 'fresh-principle-evidence.yaml'),
      rubrics,
      score,
    )
    expect(fresh.pairs).toBe(20)
    expect(fresh.both).toBeGreaterThanOrEqual(0.9)
    expect(fresh.lowered).toEqual([])
    // Specificity and ownership, where one sentence used to change too little, in every pair but the one the
    // labeller re-reads (specificity-new-03); result, measured result, reflection and real story in every pair.
    for (const kind of ['specificity', 'ownership']) {
      const k = f.byKind.get(kind)!
      expect(k.pairs, kind).toBeGreaterThanOrEqual(42)
      expect(k.both, kind).toBeGreaterThanOrEqual(k.pairs - (kind === 'specificity' ? 1 : 0))
    }
    // result-06's answer without a Result already reads as having one: a finding after the actions, with a
    // number and "so the model was effectively…", is read as the outcome, so the added Result changes nothing;
    // result-07's likewise, since the labeller reads headings in the candidate's own words.
    for (const kind of ['result', 'measurable-result', 'reflection', 'real-story']) {
      const k = f.byKind.get(kind)!
      expect(k.both, kind).toBeGreaterThanOrEqual(k.pairs - (kind === 'result' ? 2 : 0))
    }
  })

  it('fix pairs under principle and theme rubrics, where star-core criteria weigh less: at least 90% pay, none but one lower the score', () => {
    // Before the revision: ownership 12/14, specificity 13/14, task 2/4, with one
    // step told with "I" worth a quarter of ownership, a team that agreed with the speaker's step read as hiding
    // it, and a Task sentence read as scene not counted. The pairs that still miss: ownership-rubric-08, written
    // all in lower case, is read as one or two sentences; specificity-rubric-14 was one detail short of full
    // credit, worth under 2 points. task-rubric-01, which states its Task as a commitment ("I told my manager I
    // would take it"), pays since such a commitment counts as the Task.
    const pairs = loadFixPairs(FIXES_DIR).filter((p) => p.file.startsWith('rubric-'))
    expect(pairs.filter((p) => p.rubric === 'star-core')).toEqual([])
    const f = fixFigures(pairs, rubrics, score)
    // With the labeller trained on five sets, specificity pays in 12 of 14: specificity-rubric-13 inserts its
    // details as a scene sentence after the first step, and the step before it is then read as scene too (the
    // decoder's section order), so it lowers the total by 3; specificity-rubric-08 gains 2 points, its details
    // counted but a neighbouring sentence relabelled.
    for (const kind of ['ownership', 'specificity']) {
      const k = f.byKind.get(kind)!
      expect(k.pairs, kind).toBeGreaterThanOrEqual(14)
      expect(k.both / k.pairs, kind).toBeGreaterThanOrEqual(kind === 'specificity' ? 0.85 : 0.9)
    }
    for (const kind of ['reflection', 'result', 'task']) {
      const k = f.byKind.get(kind)!
      expect(k.pairs, kind).toBeGreaterThanOrEqual(4)
      expect(k.both, kind).toBe(k.pairs)
    }
    // 37 of 40: ownership-rubric-08 and the two specificity pairs above (36 before task-rubric-01 paid).
    expect(f.both).toBeGreaterThanOrEqual(0.925)
    // task-rubric-01 no longer lowers the total since a missing section costs 0.17 of STAR structure, not 0.15.
    expect(f.lowered.map((r) => r.id).sort()).toEqual(['specificity-rubric-13'])
    for (const r of f.lowered) expect(r.before - r.after, r.id).toBeLessThanOrEqual(3)
  })

  it("fix pairs written by following the engine's own first suggestions: at least 90% pay, two lower the score by labels", () => {
    // Each answer was written first, scored, and its first (or second, third) suggestion followed in one sentence
    // without seeing the result: 38 of 55 paid when written. With the labeller trained on five sets, 34: several
    // answers now read as having the Task the advice asked for, so the pair adds a second one. With a step told
    // in a clause of its own after the team's ("We used…, and I wrote the sync") counted as the speaker's, 36.
    // The Task pairs paid least (2 of 9): a Task told in plain words ("the ticket was assigned to me") was not
    // read, and one worth 2.8 points of STAR structure under a principle rubric paid under 3 in total. With those
    // words read and each section worth 0.17 of STAR structure, 40 (5 of 9 Task pairs: the four that fail are
    // answers the engine no longer tells to add a Task). With a routine begun after the Result no longer read as a
    // step that pulls the Result back to the Action, and "since then" told only of what has not happened again no
    // longer read as a lesson, 42 (76.4%). None lowers the total since a Task read as scene beside one already
    // read (advice-task-02) no longer pushes the Situation past its share. With the seventh own-words set's
    // phrasings (word classes, everyday phrasings of the principles' evidence), 45 (81.8%). The second set
    // (advice2-*.yaml, 40 pairs) paid in 32 when written, and 3 lowered the total. The third (advice3-*.yaml, 43
    // pairs) paid in 33 when written, 3 lowering the total; with what its pairs showed read (a counterfactual loss,
    // a standard held, where the faults came from, growth given, a step of a present-tense story that opens like a
    // habit), 37; with a written-out dialogue's "A:" no longer read as an Action heading, 38, and none lowers it
    // (advice3-principle-evidence-05 did, by a point, with its Q/A answer read as one Action). The fourth
    // (advice4-*.yaml, 40 pairs), written against the engine of these revisions, paid in 35 when written; its
    // failing pairs were not read for changes. 34 pay since a lasting outcome told in the present counts ("I still
    // apply the same rule whenever I build anything visual"): one answer no longer gets the advice its pair followed.
    // With the phrases written from the tagged evidence/ answers, 152 of 178 (85.4%): three more answers already
    // show, before their fix, the evidence the fix adds (two no longer get that advice at all). The fifth and sixth
    // (advice5-*.yaml, 40 pairs, and advice6-*.yaml, 45), written against the engine of the fourth round of
    // phrases: 75 of 85 paid (88.2%), 76 (89.4%) once a Result after the last step of a story told in the present was
    // read (advice6-result-01's answer had one); advice6-principle-evidence-07 lowered the total (91 to 89) until "how it
    // worked" no longer read as asking questions. Of the ten that do not pay, seven add the principle's evidence in
    // words no phrase reads. All 263: 228 (86.7%). Once the last step of a story told in the present was found,
    // advice5-principle-evidence-10 lowers the total by a point: its answer before the fix gains its Action share
    // (an Action with an outcome clause no longer counts as Result), and the fix, told in a new first sentence,
    // leads the labeller to read the memo sentence after it as Action rather than Task. It is the one pair allowed
    // to lower the total, and only by labels. The seventh and eighth (advice7-*.yaml and advice8-*.yaml, 48 pairs
    // each, every kind), written against the engine of the fifth round: 92 of 96 paid when written; two of the four
    // that do not followed a suggestion that promised 2 points; 94 once a teammate placed on the team ("Farah on
    // my team kept…") no longer hid the speaker and "the order screen was my part of it" stated the Task. The ninth
    // (advice9-*.yaml, 36 pairs: real-story, task and result, the slips varied), written against that engine: 33
    // paid when written, and one lowered the total by 16 (a closing "I should always…" rewritten into a follow-up
    // step left the outcome before it in the Action). With future-in-past read as the story, a closing that ends on
    // "since" told from after the story, a follow-up step between the outcome and that closing, and work handed to
    // the speaker read as the Task, 32 pay and none lowers; the four that do not gain 2 points where the Task
    // advice promises 3. All 395: 353 (89.4%). The tenth and eleventh (advice10-*.yaml, 42 pairs, and
    // advice11-*.yaml, 40), written against the engine of this round's first changes in the hardest forms (long
    // transcripts, notes under headings of the candidate's own, present-tense stories): 68 of 82 paid when written,
    // and three lowered the total. With their readings (an outcome told with its step, steps read as scene, a
    // practice that is no lesson, a spoken opening's details) and their evidence written as frames, 75 (91.5%).
    // advice10-specificity-03 still lowers the total by 3: its added bullet of tools leads the labeller to read the
    // notes under "Requirements" and "What I designed" as scene, and a heading in the candidate's own words on a
    // line of its own, read, is a feature the labeller would have to be retrained on (which read the development
    // and untrained sets worse when tried). All 477: 433 (90.8%).
    const LOWERED_BY_LABELS_HERE: Record<string, number> = {
      'advice5-principle-evidence-10': 1,
      'advice10-specificity-03': 3,
    }
    const f = fixFigures(
      loadFixPairs(FIXES_DIR).filter((p) => ADVICE.test(p.file)),
      rubrics,
      score,
    )
    expect(f.pairs).toBeGreaterThanOrEqual(477)
    expect(f.both).toBeGreaterThanOrEqual(0.9)
    for (const r of f.lowered)
      expect(r.before - r.after, r.id).toBeLessThanOrEqual(LOWERED_BY_LABELS_HERE[r.id] ?? 0)
  })

  it('held-out fix pairs: the same, never tuned against', () => {
    const f = fixFigures(loadFixPairs(HOLDOUT_FIXES_DIR), rubrics, score)
    expect(f.pairs).toBeGreaterThanOrEqual(30)
    expect(f.both).toBeGreaterThanOrEqual(0.8)
    expect(f.lowered.length).toBeLessThanOrEqual(2)
  })
})

describe('sentences that follow the advice of a keyword criterion', () => {
  const rubrics = shippedRubrics()
  /** Every keyword group of the shipped rubrics' files, as rubric/criterion/group: 125 groups in 51 criteria. */
  const groups = new Set(
    [...rubrics.values()].flatMap((r) =>
      r.criteria
        .filter((c) => c.check === 'keywords')
        .flatMap((c) =>
          (c.compiled as { groups: { label: string }[] }).groups.map((g) => `${r.id}/${c.id}/${g.label}`),
        ),
    ),
  )

  it.each([
    ['development', FIX_ECHOES_DIR, ['echo', 'own', 'own', 'own']],
    ['held-out', HOLDOUT_FIX_ECHOES_DIR, ['echo', 'own']],
  ])(
    '%s set: sentences that echo the advice and sentences in everyday words for every group',
    (_, dir, kinds) => {
      const seen = new Map<string, string[]>()
      for (const e of loadFixEchoes(dir)) {
        const key = `${e.rubric}/${e.criterion}/${e.group}`
        expect(groups.has(key), key).toBe(true)
        seen.set(key, [...(seen.get(key) ?? []), e.kind])
      }
      expect(seen.size).toBe(groups.size)
      for (const [key, found] of seen) expect(found.sort(), key).toEqual(kinds)
    },
  )

  it('development set: the group the advice asked for is credited for 94% of the sentences', () => {
    const f = echoFigures(loadFixEchoes(FIX_ECHOES_DIR), rubrics, score)
    expect(f.sentences).toBe(500)
    expect(f.found).toBeGreaterThanOrEqual(0.94)
    // When written: 69.6%, the advice's own words 112 of 125 and everyday words 62. With the advice's words read
    // in every rubric, 124; with the everyday frames of the missed sentences written in (a sentence's idea, not its
    // words: "in case it went wrong", "let them sleep", "the exact minute"), 113. The held-out set, not read, went
    // from 75.6% to 77.6% and then 80.0%: its everyday sentences from 72 to 78. A second file (echoes-2.yaml, two
    // more everyday sentences per group by another writer, half of them in the present or spoken) was credited for
    // 127 of 250 when written; with its frames written in, 237, and the held-out set 82.0% (everyday 82 of 125).
    expect(f.byKind.get('echo')!.found).toBeGreaterThanOrEqual(124)
  })

  it('held-out set: the same, never tuned against', () => {
    const f = echoFigures(loadFixEchoes(HOLDOUT_FIX_ECHOES_DIR), rubrics, score)
    expect(f.sentences).toBe(250)
    expect(f.found).toBeGreaterThanOrEqual(0.82)
  })
})
