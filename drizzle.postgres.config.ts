// drizzle-kit configuration for PostgreSQL: `npm run db:generate` also writes SQL migrations for db/postgres/schema.ts
// into db/postgres/migrations.
import { defineConfig } from 'drizzle-kit'

export default defineConfig({
  dialect: 'postgresql',
  schema: './db/postgres/schema.ts',
  out: './db/postgres/migrations',
})
