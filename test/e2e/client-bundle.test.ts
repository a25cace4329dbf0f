import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
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

  // Byte budgets, not timings: the home page's JavaScript, gzipped, as the build manifest lists it
  // (entry, root and the home route with their imports). React + Remix alone are ~83 KB of it.
  const HOME_JS_BUDGET_GZ = 105_000

  function routeScripts(routeId: string) {
    const manifestFile = readdirSync(ASSETS).find((file) => /^manifest-.*\.js$/.test(file))!
    const source = readFileSync(path.join(ASSETS, manifestFile), 'utf8')
    const manifest = JSON.parse(source.slice(source.indexOf('{'), source.lastIndexOf('}') + 1)) as {
      entry: { module: string; imports: string[] }
      routes: Record<string, { module: string; imports?: string[]; parentId?: string }>
    }
    const files = new Set([`/assets/${manifestFile}`, manifest.entry.module, ...manifest.entry.imports])
    for (let id: string | undefined = routeId; id; id = manifest.routes[id]!.parentId)
      [manifest.routes[id]!.module, ...(manifest.routes[id]!.imports ?? [])].forEach((file) => files.add(file))
    return [...files].map((file) => ({ file, code: readFileSync(path.join('build/client', file)) }))
  }

  it(`ships the home page in at most ${HOME_JS_BUDGET_GZ / 1000} KB of gzipped JavaScript`, () => {
    const scripts = routeScripts('routes/_index')
    const total = scripts.reduce((sum, { code }) => sum + gzipSync(code, { level: 9 }).length, 0)
    console.log(`home page JavaScript: ${(total / 1000).toFixed(1)} KB gzipped in ${scripts.length} files`)
    expect(total).toBeLessThanOrEqual(HOME_JS_BUDGET_GZ)
  })

  it('home page JavaScript holds no message catalogue and no chart library', () => {
    const code = routeScripts('routes/_index')
      .map((script) => script.code.toString('utf8'))
      .join('\n')
    // Strings of both catalogues, and ECharts' own name for itself.
    for (const marker of ['Skip to content', '跳到正文', 'Find partners', 'echarts']) expect(code).not.toContain(marker)
  })
})
