// Why a database could not be opened, as one plain line a start-up can print before exiting.

import { dirname } from 'node:path'

/** The database at `path` cannot be used; `message` says so in one line, naming the path and the reason. */
export class DatabaseOpenError extends Error {
  readonly path: string
  readonly reason: string

  constructor(path: string, reason: string, options?: { cause?: unknown }) {
    super(`Cannot open the database ${path}: ${reason}`, options)
    this.name = 'DatabaseOpenError'
    this.path = path
    this.reason = reason
  }
}

/** SQLite's and the file system's codes for the faults a database path can have at start, in plain words. */
function reasonFor(path: string, code: string | undefined, message: string): string {
  if (code === undefined) return message
  if (code.startsWith('SQLITE_READONLY')) {
    return `it is read-only (the file, or its folder ${dirname(path)}, cannot be written)`
  }
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) {
    return 'the file is not a SQLite database, or it is damaged'
  }
  if (code.startsWith('SQLITE_CANTOPEN')) return 'the file cannot be opened or created there'
  if (code === 'SQLITE_FULL') return 'the disk is full'
  if (code.startsWith('SQLITE_BUSY')) return 'another process kept it locked'
  if (code.startsWith('SQLITE_IOERR')) return `the disk could not be read or written (${code})`
  if (code === 'EACCES' || code === 'EPERM') return `its folder ${dirname(path)} cannot be created or entered`
  if (code === 'EEXIST' || code === 'ENOTDIR')
    return `a file stands where its folder ${dirname(path)} should be`
  if (code === 'ENOSPC') return 'the disk is full'
  if (code === 'EROFS') return 'the file system is read-only'
  return `${message} (${code})`
}

/** The error createDb throws for `cause`, a failure while opening or migrating the database at `path`. */
export function openFailure(path: string, cause: unknown): DatabaseOpenError {
  const { code, message } = cause as { code?: unknown; message?: unknown }
  const text = typeof message === 'string' ? message.split('\n')[0]! : String(cause)
  return new DatabaseOpenError(path, reasonFor(path, typeof code === 'string' ? code : undefined, text), {
    cause,
  })
}
