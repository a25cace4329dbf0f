import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import type { GovScope } from '../../app/domain/actor'
import { allocationActorFor } from '../../app/domain/matching/allocation-actor.server'
import {
  allocationDefaults,
  getAllocationRun,
  publishAllocationRun,
  saveAllocationDraft,
  type AllocationStep,
} from '../../app/domain/matching/allocation.server'
import { DomainError } from '../../app/domain/errors.server'
import { translate, type Language, type MessageKey } from '../../app/lib/i18n'
import { regionByCode } from '../../db/reference'

export const ALLOCATE_USAGE = `用法 (usage): npm run allocate -- (--user <邮箱> [--org <机构编号或全称>] | --scope province|region:<代码>|city:<代码>)
  [--from YYYY-MM-DD --to YYYY-MM-DD] [--request "专业, 人数, 城市或集群, #岗位编号…"]… [--requests-file <文件>]
  [--cap "区域, 至多|至少, 人数"]… [--caps-file <文件>] [--publish] [--lang en]
院校用户不写 --request 时用本校已发布的实习需求；政府范围用辖区内院校已发布的实习需求。`

export class UsageError extends Error {}

const SCOPE = /^(province)(?::(\w+))?$|^(region|city):(\w+)$/

export function parseScope(text: string): GovScope {
  const m = SCOPE.exec(text.trim())
  if (!m) throw new UsageError(`--scope ${text}`)
  return m[1] ? { type: 'province', code: m[2] ?? 'shanxi' } : { type: m[3] as 'region' | 'city', code: m[4]! }
}

const linesFrom = (values: string[] | undefined, file: string | undefined) =>
  [...(values ?? []), ...(file ? readFileSync(file, 'utf8').split(/\r?\n/) : [])].filter((l) => l.trim()).join('\n')

export type AllocateOutcome = { runId: number; assigned: number; unassigned: number; blockingPairs: number; published: number | null }

/**
 * `npm run allocate`: the same domain calls as /allocations (run, save as a draft, publish), for a
 * college user or a government scope, printing each step and a summary. Bad input and refusals are
 * DomainErrors, translated; nothing is saved then.
 */
export async function allocateCommand({
  argv,
  log = console.log,
}: {
  argv: string[]
  log?: (line: string) => void
}): Promise<AllocateOutcome> {
  const { values } = parseArgs({
    args: argv,
    options: {
      user: { type: 'string' },
      org: { type: 'string' },
      scope: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      request: { type: 'string', multiple: true },
      'requests-file': { type: 'string' },
      cap: { type: 'string', multiple: true },
      'caps-file': { type: 'string' },
      publish: { type: 'boolean', default: false },
      lang: { type: 'string', default: 'zh-CN' },
    },
  })
  if (!values.user === !values.scope) throw new UsageError('--user | --scope')
  const lang: Language = values.lang === 'en' ? 'en' : 'zh-CN'
  const t = (key: MessageKey, vars?: Record<string, string | number>) => translate(lang, key, vars)
  const started = performance.now()
  const step = (key: MessageKey) => log(`  [${((performance.now() - started) / 1000).toFixed(2).padStart(6)} s] ${t(key)}`)
  step('allocation.cli.step.actor')
  const actor = await allocationActorFor({
    email: values.user,
    organisation: values.org,
    scope: values.scope ? parseScope(values.scope) : undefined,
  })
  const defaults = await allocationDefaults({ actor })
  const form = {
    periodStart: values.from ?? defaults.form.periodStart,
    periodEnd: values.to ?? defaults.form.periodEnd,
    requests: linesFrom(values.request, values['requests-file']) || defaults.form.requests,
    caps: linesFrom(values.cap, values['caps-file']),
  }
  log(`           ${form.periodStart} – ${form.periodEnd}`)
  const stepKeys: Record<AllocationStep, MessageKey> = {
    input: 'allocation.cli.step.input',
    rank: 'allocation.cli.step.rank',
    allocate: 'allocation.cli.step.allocate',
  }
  const runId = await saveAllocationDraft({ actor, form, onStep: (s) => step(stepKeys[s]) })
  step('allocation.cli.step.save')
  const { result: view } = await getAllocationRun({ actor, id: runId })

  log('')
  log(t(`allocation.variant.${view.variant}`))
  log(
    t('allocation.summary', {
      assigned: view.summary.assigned,
      unassigned: view.summary.unassigned,
      posts: view.summary.posts,
      places: view.summary.places,
    }),
  )
  const byReason = new Map<string, number>()
  for (const u of view.unassigned) {
    const label = t(`allocation.reason.${u.reason}`, { choices: u.choices })
    byReason.set(label, (byReason.get(label) ?? 0) + u.count)
  }
  if (byReason.size) {
    log(`${t('allocation.unassignedTitle')}:`)
    for (const [label, n] of [...byReason].sort((a, b) => b[1] - a[1])) log(`  ${String(n).padStart(6)}  ${label}`)
  }
  const regions = Object.entries(view.regionCounts).map(([r, n]) => `${regionByCode.get(r)?.name ?? r} ${n}`)
  if (regions.length) log(regions.join(' · '))
  log(`${view.blockingPairs === 0 ? '✔' : '✖'} ${t('allocation.stable', { count: view.blockingPairs })}`)
  log(t('allocation.cli.saved', { id: runId, url: `/allocations/${runId}` }))

  let published: number | null = null
  if (values.publish) {
    // An unstable result is never published as matches.
    if (view.blockingPairs !== 0) throw new DomainError('conflict', 'allocation.error.unstable')
    step('allocation.cli.step.publish')
    published = (await publishAllocationRun({ actor, id: runId })).created
    step('allocation.cli.step.done')
    log(t('allocation.cli.published', { created: published }))
  }
  return { runId, assigned: view.summary.assigned, unassigned: view.summary.unassigned, blockingPairs: view.blockingPairs, published }
}
