// `star rubrics new <id> --kind <kind> [--extends <id>] [--dir DIR]`: a new rubric file that passes
// `star rubrics check` as written, for an instructor to fill in. It starts as a draft, so candidates do not
// see it until `draft: true` is removed.

import { existsSync, writeFileSync } from 'node:fs'
import { basename, dirname, join, relative } from 'node:path'
import { stringify } from 'yaml'
import type { Rubric } from '../../engine/index'
import { RUBRIC_KINDS } from '../../engine/kinds'
import { didYouMean } from '../../engine/rubric-messages'
import { DEFAULT_RUBRIC_ID } from '../rubric-set'
import { parseArgs } from './args'
import { InputError, UsageError } from './faults'
import { defaultRubricDir, loadRubricDir } from './rubrics'

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

function words(id: string): string {
  return id
    .split('-')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ')
}

/**
 * The file's text. The parent's examples are copied (without their prompts, which belong to the parent): they
 * meet and miss every inherited criterion, so the new rubric passes the check until criteria are added.
 */
function scaffold(id: string, kind: string, parent: Rubric, schemaPath: string): string {
  const examples = parent.examples.map((e) => ({ name: e.name, answer: e.answer, expect: e.expect }))
  const head = [
    `# yaml-language-server: $schema=${schemaPath}`,
    `id: ${id}`,
    `title: ${words(id)}`,
    `kind: ${kind}`,
    `extends: ${parent.id}`,
    '# Candidates do not see a draft; remove this line when the rubric is ready.',
    'draft: true',
    `summary: What a strong ${words(id)} story shows, in two or three sentences.`,
    'prompts:',
    `  - id: ${id}-first`,
    `    text: Tell me about a time you showed ${words(id).toLowerCase()}.`,
    '    tips:',
    '      - What an interviewer listens for in an answer to this question.',
    `# Criteria are inherited from ${parent.id}. Override one by its id with the keys you change, add phrases`,
    '# to one of its keyword groups with groups+ and any+, or add a criterion of your own (see rubrics/README.md):',
    '#   - id: <criterion-id>',
    '#     groups+:',
    '#       - label: <label of an inherited group>',
    '#         any+: [another phrase]',
    'criteria: []',
    `# Examples copied from ${parent.id}: replace them with answers to this rubric's prompts as you add criteria.`,
  ]
  return `${head.join('\n')}\n${stringify({ examples }, { lineWidth: 0 })}`
}

export function rubricsNewCommand(argv: string[], out: NodeJS.WritableStream): number {
  const args = parseArgs(argv, ['kind', 'extends', 'dir'], [])
  const [id, ...extra] = args.positional
  // A path where the id goes (`new rubrics/craft`), or a folder after it (`new craft rubrics/`): say how to write it.
  const pathLike = id !== undefined && /[\\/]|\.ya?ml$/i.test(id)
  if (pathLike || (id !== undefined && extra.length === 1)) {
    const given = pathLike ? id : join(extra[0]!, id)
    const stem = basename(given).replace(/\.ya?ml$/i, '')
    const folder = dirname(given)
    throw new UsageError(
      `give the rubric id alone and its folder with --dir: star rubrics new ${stem} --kind ${args.values.get('kind') ?? 'KIND'}${folder === '.' ? '' : ` --dir ${folder}`}`,
    )
  }
  if (id === undefined || extra.length > 0) {
    throw new UsageError('star rubrics new needs one rubric id, e.g. star rubrics new craft --kind value')
  }
  if (!KEBAB.test(id)) {
    throw new InputError(
      `'${id}' is not a rubric id: use lower-case letters, digits and single hyphens (kebab-case), e.g. "deliver-results"`,
    )
  }
  const kind = args.values.get('kind')
  if (kind === undefined) throw new UsageError(`--kind is required: one of ${RUBRIC_KINDS.join(', ')}`)
  if (!(RUBRIC_KINDS as readonly string[]).includes(kind)) {
    throw new InputError(
      `--kind must be one of ${RUBRIC_KINDS.join(', ')}, not '${kind}'${didYouMean(kind, RUBRIC_KINDS)}`,
    )
  }
  const base = defaultRubricDir()
  const dir = args.values.get('dir') ?? base
  const { rubrics } = loadRubricDir(base)
  const taken = rubrics.get(id)
  const target = join(dir, `${id}.yaml`)
  const shown = relative(process.cwd(), target) || target
  if (taken !== undefined) {
    throw new InputError(
      `A rubric '${id}' already exists (${taken.file}); choose another id or edit that file`,
    )
  }
  if (existsSync(target) || existsSync(join(dir, `${id}.yml`))) {
    throw new InputError(`${shown} already exists; choose another id or edit that file`)
  }
  const parentId = args.values.get('extends') ?? DEFAULT_RUBRIC_ID
  const parent = rubrics.get(parentId)
  if (parent === undefined) {
    const ids = rubrics.list().map((r) => r.id)
    throw new InputError(
      `--extends '${parentId}' names no rubric in service${didYouMean(parentId, ids)}; rubrics: ${ids.join(', ')}`,
    )
  }
  const schema = relative(dir, join(base, 'rubric.schema.json')) || 'rubric.schema.json'
  writeFileSync(target, scaffold(id, kind, parent, schema.startsWith('.') ? schema : `./${schema}`), {
    flag: 'wx',
  })
  out.write(`wrote ${shown} (a draft extending ${parent.id}); check it with: star rubrics check ${shown}\n`)
  return 0
}
