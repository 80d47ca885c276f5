// Reliability suites (crash safety, load, bad input, rubric faults, engine properties), with a JSON report .ci/run counts.
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/reliability/**/*.test.ts'],
    reporters: ['default', ['json', { outputFile: 'test-output/vitest-reliability.json' }]],
    // One suite at a time: the load and crash suites each need the machine's cores for their server.
    fileParallelism: false,
    // Bounds, not expectations: a loaded 2-core machine must not fail a suite that is merely slow.
    testTimeout: 240_000,
    hookTimeout: 60_000,
  },
})
