import type { Meilisearch } from 'meilisearch'
import type { DatabaseHandle } from '../../db/client'
import type { IndexNames } from '../../search/indexes'
import { reindexAll } from '../../search/reindex'
import { generateData } from './generate'
import { createProgress } from './progress'

type Report = (measure: string, figure: string, notes: string) => void
const numberFlag = (args: string[], name: string, fallback: number) =>
  Number(
    args
      .find((a) => a.startsWith(`--${name}=`))
      ?.split('=')[1]
      ?.replace(/_/g, '') ?? fallback,
  )

/**
 * `npm run bench -- --generated [--orgs=50000 --listings=500000 --events=5000000] search recommend dashboard scale`:
 * the bench database is filled by the generator (scripts/lib/generate) instead of the demo seed, and indexed
 * through the reindex path, so the heavy sections measure province-sized data rather than copies of demo rows.
 */
export async function prepareGenerated({
  handle,
  client,
  names,
  report,
  args = process.argv.slice(2),
}: {
  handle: DatabaseHandle
  client: Meilisearch
  names: IndexNames
  report: Report
  args?: string[]
}) {
  const sizes = {
    orgs: numberFlag(args, 'orgs', 50_000),
    listings: numberFlag(args, 'listings', 500_000),
    events: numberFlag(args, 'events', 5_000_000),
  }
  const progress = createProgress()
  let t = performance.now()
  const summary = await generateData({ handle, ...sizes, onProgress: progress.update })
  progress.stop()
  report(
    'generated data (npm run data:generate)',
    `${((performance.now() - t) / 1000).toFixed(1)} s`,
    `${summary.organisations.toLocaleString('en')} orgs, ${summary.listings.toLocaleString('en')} listings, ${summary.matches.toLocaleString('en')} matches, ${summary.events.toLocaleString('en')} events on ${handle.driver}; ${summary.phases.map((p) => `${p.phase} ${p.seconds.toFixed(0)} s`).join(', ')}`,
  )
  t = performance.now()
  const counts = await reindexAll({ db: handle.db, client, names, onProgress: progress.update })
  progress.stop()
  report(
    'reindex generated data (npm run search:reindex)',
    `${((performance.now() - t) / 1000).toFixed(1)} s`,
    `${counts.listings.toLocaleString('en')} listings, ${counts.organisations.toLocaleString('en')} organisations`,
  )
  return summary
}
