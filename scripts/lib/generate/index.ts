import { hash } from '@node-rs/argon2'
import type { PGlite } from '@electric-sql/pglite'
import { sql } from 'drizzle-orm'
import type { Sql } from 'postgres'
import type { DatabaseHandle } from '../../../db/client'
import { DEMO_PASSWORD } from '../../../db/seed'
import { seedPlatforms } from '../../../db/seed/platforms'
import { createRandom } from '../../../db/seed/random'
import { pgliteLoader, postgresLoader, type BulkLoader } from './copy'
import { writeListings } from './listings'
import { writeMatches } from './matches'
import { planOrganisations, writeOrganisations } from './orgs'
import { dropIndexes } from './indexes'
import { checkRollupSample, rebuildRollups } from './rollups'
import { checkSearchVectorSample } from './search-vector-check'

export type GenerateOptions = {
  handle: DatabaseHandle
  orgs: number
  listings: number
  events: number
  /** PRNG seed: the same seed, sizes and `today` give the same rows. */
  seed?: number
  /** The day the data leads up to (UTC midnight is used); default today. */
  today?: Date
  /** Wipe existing data first instead of refusing a non-empty database. */
  force?: boolean
  onProgress?: (step: string, done: number, total: number) => void
  onPhase?: (phase: string, seconds: number) => void
}

export type GenerateSummary = {
  organisations: number
  users: number
  listings: number
  publishedOnce: number
  matches: number
  proposals: number
  events: number
  platforms: number
  rollupSample: { checked: number; mismatches: number }
  searchVectorSample: number
  phases: { phase: string; seconds: number }[]
  today: string
}

export const DEFAULT_SEED = 20_251_201

const TABLES_WIPED =
  'notifications, notification_preferences, match_reports, match_proposals, match_attachments, match_events, matches, listing_versions, listing_attachments, listing_clusters, listings, memberships, invitations, password_resets, sessions, verification_documents, organisation_clusters, platforms, recommendation_dismissals, allocation_runs, api_tokens, audit_log, outbox, mail_outbox, users, organisations, metric_daily, metric_org_daily, metric_monthly, metric_org_monthly, metric_org_active, metric_ledger'
const IDENTITY_TABLES = ['organisations', 'users', 'listings', 'matches', 'match_proposals', 'match_events']

async function scalar(handle: DatabaseHandle, statement: ReturnType<typeof sql>): Promise<number> {
  const result = (await handle.db.execute(statement)) as unknown
  const [row] = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Record<string, unknown>[]
  return Number(Object.values(row ?? {})[0] ?? 0)
}

export async function isGeneratorTargetEmpty(handle: DatabaseHandle) {
  return (
    (await scalar(
      handle,
      sql`select (select count(*) from organisations) + (select count(*) from listings) + (select count(*) from users)`,
    )) === 0
  )
}

/** COPY and set-based statements with triggers off, on the handle's own driver. */
export function loaderFor(handle: DatabaseHandle): BulkLoader {
  const client = (handle.db as unknown as { $client: unknown }).$client
  return handle.driver === 'postgres' ? postgresLoader(client as Sql) : pgliteLoader(client as PGlite)
}

/**
 * Fills an empty, migrated database with `orgs` organisations, `listings` listings and matches up to
 * `events` match events, by COPY with triggers off, then rebuilds the rollups and checks a sample of them
 * against the base tables. Search documents are not written: run the reindex afterwards.
 */
export async function generateData(options: GenerateOptions): Promise<GenerateSummary> {
  const { handle } = options
  const progress = options.onProgress ?? (() => {})
  const now = options.today ?? new Date()
  const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()))
  const rand = createRandom(options.seed ?? DEFAULT_SEED)
  const phases: GenerateSummary['phases'] = []
  let clock = performance.now()
  const phase = (name: string) => {
    const seconds = (performance.now() - clock) / 1000
    phases.push({ phase: name, seconds })
    options.onPhase?.(name, seconds)
    clock = performance.now()
  }

  if (!(await isGeneratorTargetEmpty(handle)) && !options.force)
    throw new Error('数据库已有数据 (the database is not empty): 加 --force 清空后重新生成')
  const loader = loaderFor(handle)
  try {
    await loader.run(`truncate ${TABLES_WIPED} restart identity cascade`)
    const passwordHash = await hash(DEMO_PASSWORD, { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 })

    const indexes = await dropIndexes(handle.db, loader, ['listings', 'listing_clusters', 'matches', 'match_events', 'match_proposals'])
    phase('prepare')

    const orgs = planOrganisations(rand, options.orgs, today)
    const { users } = await writeOrganisations(loader, orgs, {
      passwordHash,
      today,
      onProgress: (done) => progress('机构 orgs', done, orgs.length),
    })
    phase('organisations')

    const published = await writeListings(loader, rand, {
      orgs,
      total: options.listings,
      today,
      onProgress: (done) => progress('需求与供给 listings', done, options.listings),
    })
    phase('listings')

    const counts = await writeMatches(loader, rand, {
      orgs,
      listings: published,
      events: options.events,
      today,
      onProgress: (done) => progress('合作记录 events', done, options.events),
    })
    phase('matches')
    await indexes.restore()
    phase('indexes')

    for (const table of IDENTITY_TABLES)
      await loader.run(
        `select setval(pg_get_serial_sequence('"${table}"', 'id'), (select coalesce(max(id), 0) + 1 from "${table}"), false)`,
      )
    const platforms = await seedPlatforms(handle.db, today)
    phase('sequences and platforms')

    await rebuildRollups(handle.db, loader, {
      listings: options.listings,
      matches: counts.matches,
      onProgress: (done, total) => progress('汇总 rollups', done, total),
    })
    phase('rollups')

    await loader.run('analyze')
    phase('analyze')
    const sample = await checkRollupSample(handle.db)
    if (sample.mismatches.length)
      throw new Error(`汇总抽样不一致 (rollup sample mismatch): ${JSON.stringify(sample.mismatches.slice(0, 5))}`)
    phase('rollup sample check')
    const vectors = await checkSearchVectorSample(handle.db)
    if (vectors.mismatches.length)
      throw new Error(`search_vector 抽样不一致 (search_vector sample mismatch), listings ${vectors.mismatches.slice(0, 10).join(', ')}`)
    phase('search_vector sample check')

    return {
      organisations: orgs.length,
      users,
      listings: options.listings,
      publishedOnce: published.length,
      ...counts,
      platforms,
      rollupSample: { checked: sample.checked, mismatches: sample.mismatches.length },
      searchVectorSample: vectors.checked,
      phases,
      today: today.toISOString().slice(0, 10),
    }
  } finally {
    await loader.close()
  }
}
