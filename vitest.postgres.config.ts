// `npm run test:postgres`: the db and server suites on a throw-away PostgreSQL server (test/support/postgres.ts);
// the same suites run on SQLite in `npm test`. Suites about SQLite's own file, locks and query plans stay there.
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/db/**/*.test.ts', 'test/server/**/*.test.ts'],
    exclude: [
      'node_modules/**',
      // SQLite only: its file on disk, its migrations, its write lock and its query planner.
      'test/db/file-state.test.ts',
      'test/db/migrations.test.ts',
      'test/db/open.test.ts',
      'test/db/query-plans-*.test.ts',
      'test/db/write-lock.test.ts',
      'test/db/bulk-and-cache.test.ts',
    ],
    globalSetup: ['test/support/postgres-global.ts'],
    reporters: ['default', ['json', { outputFile: 'test-output/vitest-postgres.json' }]],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
})
