import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { getTableColumns } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { users } from '../../db/schema'

/**
 * The global setup has just built the app for production. Nothing the browser downloads may hold
 * drizzle's pg-core (its entity markers survive minification) or a table definition: the column
 * names of `users` are strings that only a schema chunk would carry.
 */
const ASSETS = path.resolve('build/client/assets')
const DRIZZLE_MARKERS = ['drizzle:Name', 'drizzle:Columns', 'PgTable', 'pg-core']
const TABLE_MARKERS = Object.values(getTableColumns(users))
  .map((column) => column.name)
  .filter((name) => name.includes('_'))

function clientChunks() {
  return readdirSync(ASSETS)
    .filter((file) => file.endsWith('.js'))
    .map((file) => ({ file, code: readFileSync(path.join(ASSETS, file), 'utf8') }))
}

describe('browser bundle', () => {
  it('was built', () => {
    expect(clientChunks().length).toBeGreaterThan(10)
    expect(TABLE_MARKERS).toContain('password_hash')
  })

  it('holds no drizzle or pg-core code', () => {
    const found = clientChunks().flatMap(({ file, code }) =>
      DRIZZLE_MARKERS.filter((marker) => code.includes(marker)).map((m) => `${file}: ${m}`),
    )
    expect(found).toEqual([])
  })

  it('holds no table definition (no users column names such as password_hash)', () => {
    const found = clientChunks().flatMap(({ file, code }) =>
      TABLE_MARKERS.filter((marker) => code.includes(marker)).map((m) => `${file}: ${m}`),
    )
    expect(found).toEqual([])
  })
})
