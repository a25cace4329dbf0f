import postgres from 'postgres'

// Shared by the test setup and the bench: both need throwaway databases on the local server.

/** The local Postgres server used for per-worker test databases, if one answers. */
export const ADMIN_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'

export async function postgresAnswers(url = ADMIN_URL): Promise<boolean> {
  const sql = postgres(url, { max: 1, connect_timeout: 3, onnotice: () => {} })
  try {
    await sql`select 1`
    return true
  } catch {
    return false
  } finally {
    await sql.end({ timeout: 1 })
  }
}

export function databaseUrl(name: string, adminUrl = ADMIN_URL) {
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  return url.toString()
}

export async function createDatabase(name: string, adminUrl = ADMIN_URL) {
  const sql = postgres(adminUrl, { max: 1, onnotice: () => {} })
  try {
    await sql.unsafe(`drop database if exists "${name}" with (force)`)
    await sql.unsafe(`create database "${name}"`)
  } finally {
    await sql.end({ timeout: 1 })
  }
  return databaseUrl(name, adminUrl)
}

export async function dropDatabase(name: string, adminUrl = ADMIN_URL) {
  const sql = postgres(adminUrl, { max: 1, onnotice: () => {} })
  try {
    await sql.unsafe(`drop database if exists "${name}" with (force)`)
  } finally {
    await sql.end({ timeout: 1 })
  }
}
