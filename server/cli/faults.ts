// The two kinds of fault the `star` command reports in words, and how an exception or a file-system error reads.

/** The command line was used wrongly: said with the usage text, exit code 2. */
export class UsageError extends Error {}
/** A fault of the input (a file, a folder, an answer): said in one line, exit code 1. */
export class InputError extends Error {}

/** The first line of an exception's message, for one-line reports. */
export function firstLine(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e)
  const name = e instanceof Error && e.name !== 'Error' ? `${e.name}: ` : ''
  return `${name}${message.split('\n')[0]}`
}

/** A file-system fault on `name` (as the user gave it) in words, or undefined when `e` is not one. */
export function fileFault(e: unknown, name: string): InputError | undefined {
  const code = (e as NodeJS.ErrnoException | undefined)?.code
  if (typeof code !== 'string') return undefined
  if (code === 'ENOENT' || code === 'ENOTDIR') return new InputError(`${name} does not exist`)
  if (code === 'EISDIR') return new InputError(`${name} is a directory; give a file`)
  if (code === 'EACCES' || code === 'EPERM')
    return new InputError(`${name} cannot be read (permission denied)`)
  return new InputError(`${name} cannot be read (${code})`)
}
