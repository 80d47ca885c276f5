// Timing for the in-process benches: medians of batched calls after a warm-up, in this process's processor time.

/**
 * This process's processor time in ms, user and system, over all its threads (the collector's included). Unlike
 * the wall clock, it does not grow while other processes on a shared machine hold the cores.
 */
export function cpuNow(): number {
  const u = process.cpuUsage()
  return (u.user + u.system) / 1000
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]!
}

/**
 * Median microseconds of processor time per call, timing batches so that timer resolution does not dominate: after 100 ms of
 * warm-up calls, at least `minMillis` of batches and at least `minSamples` of them.
 */
export function time(fn: () => void, minMillis = 400, batch = 20, minSamples = 15): number {
  const warm = cpuNow() + 100
  while (cpuNow() < warm) fn()
  const samples: number[] = []
  const end = cpuNow() + minMillis
  while (cpuNow() < end || samples.length < minSamples) {
    const t0 = cpuNow()
    for (let i = 0; i < batch; i++) fn()
    samples.push(((cpuNow() - t0) * 1000) / batch)
  }
  return median(samples)
}
