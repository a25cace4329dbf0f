import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, openAsBlob, readdirSync, renameSync, rmSync } from 'node:fs'
import path from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { fail, loadEnvOrExit } from './lib/boot'
import { describeSize, fileArgument, hasPeopleData, postgresHasData, runPostgresTool } from './lib/backup'
import { createProgress } from './lib/progress'

// Usage: npm run db:restore -- FILE [--force]
// Refuses a database that already has organisations or accounts unless --force. Restores in one
// transaction (Postgres) or into a fresh folder swapped in at the end (PGlite): a failed restore
// leaves the database as it was. Then applies newer migrations and rebuilds the search index.
const env = loadEnvOrExit()
const force = process.argv.includes('--force')
const file = fileArgument()
if (!file) fail('用法 (usage): npm run db:restore -- 备份文件 [--force]')
if (!existsSync(file)) fail(`找不到备份文件 (no such file): ${file}`)
const started = performance.now()
const refuse = () =>
  fail(
    `数据库已有数据，未恢复 (the database is not empty; nothing was changed). 要覆盖它，请加 --force：npm run db:restore -- ${file} --force`,
  )
console.log(`正在恢复 (restoring) ${path.resolve(file)} — ${describeSize(file)}`)
const progress = createProgress()

if (env.DATABASE_URL) {
  if (!force && (await postgresHasData(env.DATABASE_URL))) refuse()
  const list = spawnSync('pg_restore', ['--list', file], { encoding: 'utf8' })
  if (list.status !== 0) fail(`不是有效的 pg_dump 备份 (not a pg_dump custom-format file): ${list.stderr.trim()}`)
  const tables = list.stdout.split('\n').filter((l) => / TABLE DATA /.test(l)).length
  let done = 0
  const { code, errors } = await runPostgresTool(
    'pg_restore',
    [
      '--clean',
      '--if-exists',
      '--no-owner',
      '--no-privileges',
      '--single-transaction',
      '--exit-on-error',
      '--verbose',
      `--dbname=${env.DATABASE_URL}`,
      file,
    ],
    (line) => {
      if (/processing data for table/.test(line)) progress.update('恢复数据表', ++done, Math.max(tables, done))
      return line.startsWith('pg_restore: ') && !/error|fatal/i.test(line)
    },
  )
  progress.stop()
  if (code !== 0) fail(`恢复失败，数据库未改动 (restore failed, rolled back; exit ${code}):\n${errors.join('\n')}`)
} else {
  const dataDir = path.join(env.DATA_DIR, 'pglite')
  const hasFolder = existsSync(dataDir) && readdirSync(dataDir).length > 0
  if (hasFolder && !force) {
    const current = new PGlite(dataDir)
    await current.waitReady
    const nonEmpty = await hasPeopleData(async (text) => (await current.query<Record<string, unknown>>(text)).rows)
    await current.close()
    if (nonEmpty) refuse()
  }
  const fresh = `${dataDir}.restoring`
  rmSync(fresh, { recursive: true, force: true })
  mkdirSync(env.DATA_DIR, { recursive: true })
  progress.update('恢复 PGlite', 0, 1)
  try {
    const restored = new PGlite(fresh, { loadDataDir: await openAsBlob(file) })
    await restored.query('select 1')
    await restored.close()
  } catch (error) {
    rmSync(fresh, { recursive: true, force: true })
    fail(`不是有效的 PGlite 备份，数据库未改动 (not a PGlite dump; nothing changed): ${(error as Error).message}`)
  }
  if (hasFolder) rmSync(dataDir, { recursive: true, force: true })
  renameSync(fresh, dataDir)
  progress.update('恢复 PGlite', 1, 1)
  progress.stop()
}
console.log(
  `✔ 数据已恢复 (restored) in ${((performance.now() - started) / 1000).toFixed(1)} s; 正在重建搜索索引 (rebuilding the search index)…`,
)

// The reindex command applies newer migrations first (a backup from an older release) and rebuilds both indexes from the restored rows.
const reindex = spawnSync(path.resolve('node_modules/.bin/tsx'), ['scripts/reindex.ts'], { stdio: 'inherit' })
if (reindex.status !== 0)
  fail('数据已恢复，但搜索索引未能重建 (restored, but the index was not rebuilt). 搜索可用后请运行 npm run search:reindex')
process.exit(0)
