import { createWriteStream, mkdirSync, renameSync, rmSync } from 'node:fs'
import path from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { PGlite } from '@electric-sql/pglite'
import postgres from 'postgres'
import { fail, loadEnvOrExit } from './lib/boot'
import { defaultBackupFile, describeSize, fileArgument, runPostgresTool } from './lib/backup'
import { createProgress } from './lib/progress'

// Usage: npm run db:backup [-- FILE]
// Postgres (DATABASE_URL): pg_dump custom format. Embedded PGlite: its own data-folder dump (.tar.gz); stop the server first.
const env = loadEnvOrExit()
const started = performance.now()
const file = path.resolve(fileArgument() ?? defaultBackupFile(env.DATA_DIR, env.DATABASE_URL ? 'dump' : 'tar.gz'))
const partial = `${file}.partial`
mkdirSync(path.dirname(file), { recursive: true })
const progress = createProgress()

try {
  if (env.DATABASE_URL) {
    const client = postgres(env.DATABASE_URL, { max: 1, onnotice: () => {} })
    const [{ n }] = await client.unsafe(
      `select count(*)::int as n from pg_tables where schemaname not in ('pg_catalog', 'information_schema')`,
    )
    await client.end({ timeout: 1 })
    let done = 0
    const { code, errors } = await runPostgresTool(
      'pg_dump',
      ['--format=custom', '--verbose', '--no-owner', `--file=${partial}`, `--dbname=${env.DATABASE_URL}`],
      (line) => {
        if (/dumping contents of table/.test(line)) progress.update('备份数据表', ++done, Math.max(n, done))
        return line.startsWith('pg_dump: ') && !/error|fatal/i.test(line)
      },
    )
    if (code !== 0) throw new Error(`pg_dump 失败 (exit ${code}):\n${errors.join('\n')}`)
  } else {
    const dataDir = path.join(env.DATA_DIR, 'pglite')
    progress.update('备份 PGlite', 0, 1)
    const pg = new PGlite(dataDir)
    await pg.waitReady
    const dump = await pg.dumpDataDir('gzip')
    await pg.close()
    await pipeline(Readable.fromWeb(dump.stream() as never), createWriteStream(partial))
    progress.update('备份 PGlite', 1, 1)
  }
  renameSync(partial, file)
} catch (error) {
  rmSync(partial, { force: true })
  progress.stop()
  fail(`备份失败 (backup failed): ${(error as Error).message}`)
}
progress.stop()
console.log(`✔ 已备份 (backed up) ${file} — ${describeSize(file)}, ${((performance.now() - started) / 1000).toFixed(1)} s`)
console.log(`  恢复 (restore): npm run db:restore -- ${file}`)
// PGlite's runtime keeps the event loop alive after close.
process.exit(0)
