// The JSON last sent for a trends answer, so a repeat is sent as bytes without being assembled again.

import type { Trends } from '../contract/progress'
import type { Trends as TrendRows } from '../db/index'
import type { Rubric } from '../engine/index'

/**
 * Per trend rows, the bytes last sent with the rubrics they were labelled from. The db layer hands out the same
 * rows object until the data changes (its aggregate cache), and a rubric reload replaces the Rubric objects, so
 * the same rows with the same rubrics are the same answer: ~1,000 points are not re-assembled and serialized.
 */
const sentTrends = new WeakMap<TrendRows, { rubrics: readonly Rubric[]; json: Buffer }>()

const sameRubrics = (a: readonly Rubric[], b: readonly Rubric[]) =>
  a.length === b.length && a.every((r, i) => r === b[i])

/** The answer's JSON as UTF-8 bytes: cached when `rows` and `rubrics` are unchanged, else made by `view`. */
export function trendsJson(rows: TrendRows, rubrics: readonly Rubric[], view: () => Trends): Buffer {
  const sent = sentTrends.get(rows)
  if (sent !== undefined && sameRubrics(sent.rubrics, rubrics)) return sent.json
  const json = Buffer.from(JSON.stringify(view()))
  sentTrends.set(rows, { rubrics, json })
  return json
}
