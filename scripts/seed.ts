import { isDatabaseEmpty, seedDemoData } from '../db/seed'
import { openMigratedDatabase } from './lib/boot'
import { createProgress } from './lib/progress'

// Usage: npm run db:seed [-- --force] [-- --scale=0.1]
const force = process.argv.includes('--force')
const scale = Number(process.argv.find((a) => a.startsWith('--scale='))?.split('=')[1] ?? 1)

const { handle } = await openMigratedDatabase()
if (!force && !(await isDatabaseEmpty(handle.db))) {
  console.log('数据库已有数据，未改动。要清空并重新载入示例数据，请运行 npm run db:seed -- --force')
} else {
  const progress = createProgress()
  const started = performance.now()
  const summary = await seedDemoData({ db: handle.db, onProgress: progress.update, scale, force })
  progress.stop()
  console.log(
    `✔ 示例数据: ${summary.organisations} 家机构, ${summary.users} 个用户, ${summary.listings} 条需求与供给, ${summary.matches} 条合作记录 — ${((performance.now() - started) / 1000).toFixed(1)} s`,
  )
  console.log('搜索索引会在服务运行时由 outbox 自动同步 (the running server indexes them via the outbox).')
}
await handle.close()
