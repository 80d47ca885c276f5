// Timing for the in-process benches: medians of batched calls after a warm-up.

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]!
}

/**
 * Median microseconds per call, timing batches so that timer resolution does not dominate: after 100 ms of
 * warm-up calls, at least `minMillis` of batches and at least `minSamples` of them.
 */
export function time(fn: () => void, minMillis = 400, batch = 20, minSamples = 15): number {
  const warm = performance.now() + 100
  while (performance.now() < warm) fn()
  const samples: number[] = []
  const end = performance.now() + minMillis
  while (performance.now() < end || samples.length < minSamples) {
    const t0 = performance.now()
    for (let i = 0; i < batch; i++) fn()
    samples.push(((performance.now() - t0) * 1000) / batch)
  }
  return median(samples)
}
