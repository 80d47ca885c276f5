// Invite tokens: random, shown once, kept only as their SHA-256.

import { createHash, randomBytes } from 'node:crypto'

/** A new invite token: 32 random bytes, URL-safe. */
export function newToken(): string {
  return randomBytes(32).toString('base64url')
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}
