// The `star` command's arguments: flags with and without values, positional arguments, --max-chars.

import { MAX_ANSWER_CHARACTERS } from '../../engine/answer-rules'
import { UsageError } from './faults'

export interface ParsedArgs {
  flags: Set<string>
  values: Map<string, string>
  positional: string[]
}

export function parseArgs(argv: string[], valueFlags: string[], boolFlags: string[]): ParsedArgs {
  const flags = new Set<string>()
  const values = new Map<string, string>()
  const positional: string[] = []
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!
    if (a.startsWith('--')) {
      const [name, inline] = a.slice(2).split('=', 2) as [string, string | undefined]
      if (valueFlags.includes(name)) {
        const v = inline ?? argv[++i]
        if (v === undefined || v === '') throw new UsageError(`--${name} needs a value`)
        values.set(name, v)
      } else if (boolFlags.includes(name)) flags.add(name)
      else throw new UsageError(`Unknown option --${name}`)
    } else positional.push(a)
  }
  return { flags, values, positional }
}

/** The answer limit from --max-chars: a positive whole number, else the server's limit. */
export function maxCharsOption(value: string | undefined): number {
  if (value === undefined) return MAX_ANSWER_CHARACTERS
  const n = Number(value)
  if (!/^[1-9]\d*$/.test(value) || !Number.isSafeInteger(n)) {
    throw new UsageError(
      `--max-chars must be a positive whole number of characters, e.g. 50000; got '${value}'`,
    )
  }
  return n
}
