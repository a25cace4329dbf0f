import path from 'node:path'
import { getDatabaseHandle } from '../../app/db.server'
import { EnvError, getEnv } from '../../app/env.server'
import { syncReferenceData } from '../../db/reference-sync'

/** Stops the process with one clear line instead of a stack trace. */
export function fail(message: string): never {
  console.error(`\n✖ ${message}\n`)
  process.exit(1)
}

export function loadEnvOrExit() {
  try {
    return getEnv()
  } catch (error) {
    if (error instanceof EnvError) fail(error.message)
    throw error
  }
}

function describeDatabaseError(error: unknown, location: string) {
  const e = error as { code?: string; message?: string; cause?: { code?: string } }
  const code = e.code ?? e.cause?.code
  if (code === 'ECONNREFUSED')
    return `无法连接数据库 ${location}：连接被拒绝 (connection refused). 请确认 Postgres 正在运行，或去掉 DATABASE_URL 使用内置 PGlite。`
  if (code === 'ENOTFOUND') return `无法连接数据库 ${location}：找不到主机 (host not found).`
  if (code === '3D000') return `数据库不存在 (database does not exist): ${location}. 请先创建它，例如 createdb。`
  if (code === '28P01' || code === '28000') return `数据库拒绝登录 (authentication failed): ${location}.`
  return `数据库启动失败 (database error) ${location}: ${e.message ?? String(error)}`
}

/** Opens the database, applies migrations and the taxonomy, or exits with a clear message. */
export async function openMigratedDatabase() {
  const env = loadEnvOrExit()
  const handle = getDatabaseHandle()
  try {
    await handle.migrate()
    await syncReferenceData(handle.db)
  } catch (error) {
    fail(describeDatabaseError(error, handle.location))
  }
  return { env, handle, dataDir: path.resolve(env.DATA_DIR) }
}
