// `star rubrics check PATH…` on files and folders outside the rubric folder (always loaded as the base), and
// `star rubrics new`, whose file passes the check as written.
import { readFileSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { main } from '../../server/cli'
import { capture, expectOneLine, runMain, tempDir } from './cli-helpers'

async function check(...paths: string[]): Promise<{ status: number; lines: string[] }> {
  const { out, text } = capture()
  const status = await main(['rubrics', 'check', ...paths], out)
  return { status, lines: text().trimEnd().split('\n') }
}

const shown = (path: string) => relative(process.cwd(), path)

describe('star rubrics check PATH…', () => {
  it('checks one shipped file on its own, reporting on it only', async () => {
    const { status, lines } = await check('rubrics/ownership.yaml')
    expect(lines.at(-1)).toMatch(/^1 rubrics, \d+ prompts, \d+ examples, 0 problems$/)
    expect(status).toBe(0)
  })

  it('resolves extends in a drafts folder against the rubric folder, and reports a mistake there at its line', async () => {
    const dir = tempDir('star-drafts-')
    expect(await main(['rubrics', 'new', 'craft', '--kind', 'value', '--dir', dir], capture().out)).toBe(0)
    const good = await check(dir)
    expect(good.lines).toEqual(['1 rubrics, 1 prompts, 3 examples, 0 problems'])
    expect(good.status).toBe(0)
    const file = join(dir, 'craft.yaml')
    writeFileSync(file, readFileSync(file, 'utf8').replace('extends: star-core', 'extends: star-cor'))
    const bad = await check(file)
    expect(bad.status).toBe(1)
    expect(bad.lines[0]).toMatch(
      new RegExp(
        `^${shown(file).replace(/[.]/g, '\\.')}:5:10  extends-missing  'craft' extends 'star-cor', which does not exist \\(did you mean 'star-core'\\?\\)`,
      ),
    )
  })

  it('checks a draft of a shipped rubric in place of the shipped file', async () => {
    const dir = tempDir('star-drafts-')
    const draft = join(dir, 'ownership.yaml')
    writeFileSync(
      draft,
      readFileSync('rubrics/ownership.yaml', 'utf8').replace(/^title: .*$/m, 'title: Ownership, redrafted'),
    )
    const { status, lines } = await check(draft)
    expect(lines).toEqual([expect.stringMatching(/^1 rubrics, \d+ prompts, \d+ examples, 0 problems$/)])
    expect(status).toBe(0)
  })

  it('says in one line when a path does not exist', async () => {
    const gone = join(tempDir('star-drafts-'), 'gone.yaml')
    expectOneLine(
      await runMain(['rubrics', 'check', gone]),
      1,
      /^star: The rubric file .*gone\.yaml does not exist$/,
    )
  })
})

describe('star rubrics new', () => {
  it('writes a draft extending the given rubric that passes the check', async () => {
    const dir = tempDir('star-new-')
    const { out, text } = capture()
    expect(
      await main(['rubrics', 'new', 'craft', '--kind', 'value', '--extends', 'ownership', '--dir', dir], out),
    ).toBe(0)
    const file = join(dir, 'craft.yaml')
    expect(text()).toBe(
      `wrote ${shown(file)} (a draft extending ownership); check it with: star rubrics check ${shown(file)}\n`,
    )
    const written = readFileSync(file, 'utf8')
    expect(written).toContain('\nid: craft\ntitle: Craft\nkind: value\n')
    expect(written).toContain('\nextends: ownership\n')
    expect(written).toContain('\ndraft: true\n')
    const { status, lines } = await check(file)
    expect(lines).toEqual([expect.stringMatching(/^1 rubrics, 1 prompts, \d+ examples, 0 problems$/)])
    expect(status).toBe(0)
  })

  it.each([
    [
      ['ownership', '--kind', 'value'],
      "star: A rubric 'ownership' already exists (rubrics/ownership.yaml); choose another id or edit that file",
    ],
    [
      ['craft', '--kind', 'values'],
      "star: --kind must be one of general, leadership-principle, competency, theme, value, not 'values' (did you mean 'value'?)",
    ],
    [
      ['Craft_1', '--kind', 'value'],
      `star: 'Craft_1' is not a rubric id: use lower-case letters, digits and single hyphens (kebab-case), e.g. "deliver-results"`,
    ],
  ])('refuses %j in one line', async (args, line) => {
    const dir = tempDir('star-new-')
    expectOneLine(
      await runMain(['rubrics', 'new', ...args, '--dir', dir]),
      1,
      new RegExp(`^${line.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`),
    )
  })

  it.each([
    [['rubrics/craft.yaml', '--kind', 'value'], 'star rubrics new craft --kind value --dir rubrics'],
    [
      ['/srv/team-rubrics/craft', '--kind', 'value'],
      'star rubrics new craft --kind value --dir /srv/team-rubrics',
    ],
    [['craft', 'team-rubrics', '--kind', 'theme'], 'star rubrics new craft --kind theme --dir team-rubrics'],
    [['craft.yml'], 'star rubrics new craft --kind KIND'],
  ])(
    'a path given as %j is answered with the command to write instead, and nothing is written',
    async (args, fix) => {
      const r = await runMain(['rubrics', 'new', ...args])
      expect(r.status).toBe(2)
      expect(r.stderr.split('\n')[0]).toBe(`star: give the rubric id alone and its folder with --dir: ${fix}`)
      expect(r.stdout).toBe('')
    },
  )

  it('refuses an id whose file is already there, and a parent that does not exist', async () => {
    const dir = tempDir('star-new-')
    writeFileSync(join(dir, 'craft.yaml'), 'id: something-else\n')
    expectOneLine(
      await runMain(['rubrics', 'new', 'craft', '--kind', 'value', '--dir', dir]),
      1,
      /^star: .*craft\.yaml already exists; choose another id or edit that file$/,
    )
    expectOneLine(
      await runMain(['rubrics', 'new', 'grit', '--kind', 'theme', '--extends', 'owner', '--dir', dir]),
      1,
      /^star: --extends 'owner' names no rubric in service \(did you mean 'ownership'\?\); rubrics: /,
    )
  })
})
