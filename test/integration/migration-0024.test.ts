import { randomBytes } from 'node:crypto'
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { sql } from 'drizzle-orm'
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator'
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator'
import { afterAll, describe, expect, inject, it } from 'vitest'
import { migrationsFolder, openDatabase, type DatabaseHandle } from '../../db/client'
import { createDatabase, dropDatabase } from '../../scripts/lib/postgres-admin'

// A database of its own, migrated step by step: the file's shared database is already at the latest migration.
const adminUrl = inject('postgresAdminUrl')
const name = `jcj_migration_${randomBytes(4).toString('hex')}`
const scratch = mkdtempSync(path.join(tmpdir(), 'jcj-migration-'))
const handle: DatabaseHandle = openDatabase({
  databaseUrl: adminUrl ? await createDatabase(name, adminUrl) : undefined,
  pgliteDir: path.join(scratch, 'pglite'),
  maxConnections: 1,
})

/** The migrations folder as it was before `tag`: the same files, the journal cut just before it. */
function folderBefore(tag: string) {
  const folder = path.join(scratch, `before-${tag}`)
  cpSync(migrationsFolder, folder, { recursive: true })
  const journalPath = path.join(folder, 'meta', '_journal.json')
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] }
  const at = journal.entries.findIndex((e) => e.tag === tag)
  expect(at).toBeGreaterThan(0)
  writeFileSync(journalPath, JSON.stringify({ ...journal, entries: journal.entries.slice(0, at) }))
  return folder
}

const migrateWith = (folder: string) =>
  handle.driver === 'postgres'
    ? migratePostgres(handle.db as never, { migrationsFolder: folder })
    : migratePglite(handle.db as never, { migrationsFolder: folder })

const rowsOf = (result: unknown) => (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Record<string, unknown>[]

afterAll(async () => {
  await handle.close()
  if (adminUrl) await dropDatabase(name, adminUrl)
  rmSync(scratch, { recursive: true, force: true })
})

describe('migration 0024 (email confirmation)', () => {
  it('counts every account that existed before it as confirmed since it was made, and no account made after it', async () => {
    await migrateWith(folderBefore('0024_email_confirmation'))
    const columns = rowsOf(
      await handle.db.execute(
        sql`select 1 from information_schema.columns where table_name = 'users' and column_name = 'email_confirmed_at'`,
      ),
    )
    expect(columns).toEqual([])
    await handle.db.execute(sql`
      insert into users (email, name, password_hash, created_at) values
        ('li.ming@demo.jcj.example.cn', '李明', 'x', '2026-03-02T08:00:00Z'),
        ('wang.fang@demo.jcj.example.cn', '王芳', null, '2026-11-20T01:30:00Z')`)

    await migrateWith(migrationsFolder)
    await handle.db.execute(sql`insert into users (email, name, password_hash) values ('new.user@demo.jcj.example.cn', '新用户', 'x')`)

    const users = rowsOf(await handle.db.execute(sql`select email, created_at, email_confirmed_at from users order by id`)) as {
      email: string
      created_at: Date | string
      email_confirmed_at: Date | string | null
    }[]
    const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString())
    expect(users.map((u) => [u.email, iso(u.email_confirmed_at)])).toEqual([
      ['li.ming@demo.jcj.example.cn', '2026-03-02T08:00:00.000Z'],
      ['wang.fang@demo.jcj.example.cn', '2026-11-20T01:30:00.000Z'],
      ['new.user@demo.jcj.example.cn', null],
    ])
  })
})
