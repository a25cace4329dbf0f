import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { getTableColumns } from 'drizzle-orm'
import { describe, expect, inject, it } from 'vitest'
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

  // Byte budgets, not timings. A hydrated page carries the entry, root and its route with their
  // imports, as the build manifest lists them; React + Remix alone are ~84 KB of it.
  const HYDRATED_JS_BUDGET_GZ = 110_000
  const HOME_JS_BUDGET_GZ = 80_000

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

  const gzipped = (codes: (Buffer | string)[]) => codes.reduce((sum, code) => sum + gzipSync(code, { level: 9 }).length, 0)

  it(`ships a hydrated listing page in at most ${HYDRATED_JS_BUDGET_GZ / 1000} KB of gzipped JavaScript`, () => {
    for (const route of ['routes/search', 'routes/orgs.$id']) {
      const scripts = routeScripts(route)
      console.log(
        `${route} JavaScript: ${(gzipped(scripts.map(({ code }) => code)) / 1000).toFixed(1)} KB gzipped in ${scripts.length} files`,
      )
    }
    const scripts = routeScripts('routes/listings.$id')
    const total = gzipped(scripts.map(({ code }) => code))
    console.log(`listing page JavaScript: ${(total / 1000).toFixed(1)} KB gzipped in ${scripts.length} files`)
    expect(total).toBeLessThanOrEqual(HYDRATED_JS_BUDGET_GZ)
  })

  // What the browser is told to load: script elements (external and inline) and module preloads.
  it(`serves the home page with at most ${HOME_JS_BUDGET_GZ / 1000} KB of gzipped JavaScript, and it still works as a page`, async () => {
    const baseUrl = inject('baseUrl')
    const html = await (await fetch(`${baseUrl}/`)).text()
    const external = [
      ...html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g),
      ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g),
    ].map((m) => m[1]!)
    const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]!)
    const codes = [
      ...inline,
      ...(await Promise.all(external.map(async (src) => Buffer.from(await (await fetch(new URL(src, baseUrl))).arrayBuffer())))),
    ]
    const total = gzipped(codes)
    console.log(`home page JavaScript: ${(total / 1000).toFixed(1)} KB gzipped (${external.length} files, ${inline.length} inline)`)
    expect(total).toBeLessThanOrEqual(HOME_JS_BUDGET_GZ)
    // Without scripts the page still does its work: the search box is a GET form, the language switch a POST.
    expect(html).toMatch(/<form[^>]*method="get"[^>]*action="\/search"/)
    expect(html).toMatch(/<form[^>]*method="post"[^>]*action="\/set-language"/)
    expect(html).toContain('href="/listings/')
  })

  it('home page JavaScript holds no message catalogue and no chart library', () => {
    const code = routeScripts('routes/_index')
      .map((script) => script.code.toString('utf8'))
      .join('\n')
    // Strings of both catalogues, and ECharts' own name for itself.
    for (const marker of ['Skip to content', '跳到正文', 'Find partners', 'echarts']) expect(code).not.toContain(marker)
  })
})
