import { spawnSync } from 'node:child_process'
import path from 'node:path'

/**
 * npm run data:generate -- --orgs 50000 --listings 500000 --events 5000000 [--seed N] [--today YYYY-MM-DD] [--force] [--index]
 *
 * Writes to DATABASE_URL when it is set; otherwise to PGlite under DATA_DIR, which defaults here to
 * data/generated (not data/, the folder `npm start` uses). Refuses a non-empty database unless --force.
 * --index rebuilds the search indexes afterwards through `npm run search:reindex`; without it, run that yourself.
 */
const args = process.argv.slice(2)
const flag = (name: string) => {
  const i = args.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`))
  if (i < 0) return undefined
  return args[i]!.includes('=') ? args[i]!.split('=')[1] : args[i + 1]
}
const count = (name: string, fallback: number) => {
  const raw = flag(name)
  const n = raw === undefined ? fallback : Number(raw.replace(/_/g, ''))
  if (!Number.isInteger(n) || n < 1) {
    console.error(`✖ --${name} 必须是正整数 (must be a positive integer): ${raw}`)
    process.exit(1)
  }
  return n
}
const orgs = count('orgs', 2000)
const listings = count('listings', 20_000)
const events = count('events', 200_000)
const seedFlag = flag('seed')
const todayFlag = flag('today')
const force = args.includes('--force')
const index = args.includes('--index')
if (todayFlag && !/^\d{4}-\d{2}-\d{2}$/.test(todayFlag)) {
  console.error(`✖ --today 应为 YYYY-MM-DD (expected YYYY-MM-DD): ${todayFlag}`)
  process.exit(1)
}

if (!process.env.DATABASE_URL && !process.env.DATA_DIR) process.env.DATA_DIR = path.resolve('data/generated')

const { openMigratedDatabase, fail } = await import('./lib/boot')
const { createProgress } = await import('./lib/progress')
const { generateData, DEFAULT_SEED } = await import('./lib/generate')
const { databaseSize } = await import('./lib/generate/size')

const { handle } = await openMigratedDatabase()
console.log(`→ ${handle.driver === 'postgres' ? 'Postgres' : 'PGlite'} ${handle.location}`)
console.log(`  ${orgs.toLocaleString('en')} orgs, ${listings.toLocaleString('en')} listings, ${events.toLocaleString('en')} match events`)
const progress = createProgress()
const started = performance.now()
const summary = await generateData({
  handle,
  orgs,
  listings,
  events,
  seed: seedFlag === undefined ? DEFAULT_SEED : Number(seedFlag),
  today: todayFlag ? new Date(`${todayFlag}T00:00:00Z`) : undefined,
  force,
  onProgress: progress.update,
  onPhase: (phase, seconds) => {
    progress.stop()
    console.log(`  ✔ ${phase}: ${seconds.toFixed(1)} s`)
  },
}).catch(async (error: Error) => {
  progress.stop()
  await handle.close()
  return fail(error.message)
})
const size = await databaseSize(handle)
await handle.close()
const total = (performance.now() - started) / 1000
console.log(
  `✔ 生成完毕 (generated) in ${total.toFixed(1)} s, data up to ${summary.today}: ${summary.organisations.toLocaleString('en')} orgs, ` +
    `${summary.users.toLocaleString('en')} users, ${summary.listings.toLocaleString('en')} listings, ${summary.matches.toLocaleString('en')} matches, ` +
    `${summary.proposals.toLocaleString('en')} proposals, ${summary.events.toLocaleString('en')} events, ${summary.platforms} platforms; ` +
    `rollup sample ${summary.rollupSample.checked} rows equal, search_vector sample ${summary.searchVectorSample} rows equal; database ${size}`,
)
if (index) {
  console.log('→ npm run search:reindex')
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'reindex.ts')], { stdio: 'inherit' })
  process.exit(result.status ?? 1)
} else console.log('搜索索引未重建 (not indexed): 运行 npm run search:reindex（同样的 DATABASE_URL / DATA_DIR），或下次加 --index')
