// The client takes only types from contract/: bundled, neither client/api.ts nor the whole client holds zod code.

import { type BuildOptions, build } from 'esbuild'
import { describe, expect, it } from 'vitest'

const ROOT = new URL('../..', import.meta.url).pathname

async function bundle(entry: Pick<BuildOptions, 'entryPoints' | 'stdin'>) {
  const result = await build({
    ...entry,
    absWorkingDir: ROOT,
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    metafile: true,
    tsconfig: 'client/tsconfig.json',
    loader: { '.css': 'empty' },
    logLevel: 'silent',
  })
  return { code: result.outputFiles[0]!.text, inputs: Object.keys(result.metafile.inputs) }
}

/** What gives zod away: its modules in the bundle graph, or its classes in the code. */
function zodIn({ code, inputs }: { code: string; inputs: string[] }): string[] {
  return [
    ...inputs.filter((path) => /(^|\/)node_modules\/zod\/|^contract\//.test(path)),
    ...['ZodError', '$ZodType', 'ZodObject'].filter((name) => code.includes(name)),
  ]
}

describe('the client bundle', () => {
  it('finds zod when a module takes a value from contract/ (the check can fail)', async () => {
    const leaky = await bundle({
      stdin: {
        contents: "import { errorSchema } from './contract/common'\nconsole.log(errorSchema.parse({}))\n",
        resolveDir: ROOT,
        loader: 'ts',
      },
    })
    expect(zodIn(leaky)).toEqual(expect.arrayContaining(['contract/common.ts', 'ZodError']))
  })

  it('has no zod in client/api.ts bundled', async () => {
    const api = await bundle({ entryPoints: ['client/api.ts'] })
    expect(api.inputs).toContain('client/api.ts')
    expect(api.code).toContain('/api/attempts')
    expect(zodIn(api)).toEqual([])
  })

  it('has no zod in the whole client, bundled from its entry as the build does', async () => {
    const client = await bundle({ entryPoints: ['client/main.tsx'] })
    expect(client.inputs).toEqual(expect.arrayContaining(['client/api.ts', 'client/pages/History/index.tsx']))
    expect(zodIn(client)).toEqual([])
  })
})
