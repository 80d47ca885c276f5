// Aggregates over every attempt are read far more often than attempts are written: keep them until the data changes.

import type { Db } from './client'

interface AggregateCache {
  version: string
  results: Map<string, unknown>
}

const aggregateCaches = new WeakMap<Db, AggregateCache>()
/** Distinct aggregate queries kept per database: filters vary, but not by much in one session. */
const MAX_CACHED_AGGREGATES = 64

/**
 * Aggregates over every attempt (trends, coverage) cost hundreds of milliseconds at 100,000 attempts and are
 * read far more often than attempts are written. Their results are kept until the data changes: this
 * connection's total_changes() moves with every row it writes, and PRAGMA data_version moves when another
 * connection (another process, the CLI) commits. Either one changing drops every cached result.
 */
export function cachedAggregate<T>(db: Db, key: string, compute: () => T): T {
  const client = db.$client
  const version = `${client.prepare('SELECT total_changes() AS n').pluck().get()}:${client.pragma('data_version', { simple: true })}`
  let cache = aggregateCaches.get(db)
  if (cache === undefined || cache.version !== version) {
    cache = { version, results: new Map() }
    aggregateCaches.set(db, cache)
  }
  if (cache.results.has(key)) return cache.results.get(key) as T
  const value = compute()
  if (cache.results.size >= MAX_CACHED_AGGREGATES) cache.results.clear()
  cache.results.set(key, value)
  return value
}
