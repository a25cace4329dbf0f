import path from 'node:path'
import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { harvestFieldNames, requestSpec, routeFiles, routesDir, toRequest, type RequestSpec } from '../support/fuzz-requests'
import { createRoleFixture, ROLES, type Fixture, type Role } from '../support/role-fixture'
import { filesUnder, latestRows, tableChecksums } from '../support/table-checksums'

/**
 * Generated hostile requests against every route module (loaders and actions, every method, every
 * role of the authorization matrix): wrong content types, prototype names, odd ids, CR/LF and
 * non-Latin-1 redirects, huge strings, NUL and private-use characters, forged hosts. None may answer
 * 500 or throw, and none may write. FUZZ_RUNS changes the count (default 10,000).
 *
 * Tables a hostile request may legitimately change, and why:
 * - sessions: reading a session slides its expiry, and a sign-out (a POST to /logout needs no
 *   body) deletes it; each request gets the role's session again.
 * - rate_limits: counting failed sign-in, registration and reset attempts is the point of them.
 * - audit_log rows `api.refused` only: the data API records every refused token (security logging);
 *   any other audit row is a write.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000)
const BATCH = 8
const CHANGES_ON_READ = new Set(['sessions', 'rate_limits'])
const ROWS_ADDED_ON_READ = { audit_log: `action = 'api.refused'` }
const LOADER_METHODS = ['GET', 'HEAD']
const ACTION_METHODS = ['POST', 'PUT', 'PATCH', 'DELETE']

type RouteModule = { loader?: (args: unknown) => Promise<unknown>; action?: (args: unknown) => Promise<unknown> }

let fixture: Fixture
let freshCookie: Record<Role, () => Promise<string | null>>
const cookieOf = new Map<Role, string | null>()
const modules = new Map<string, RouteModule>()

beforeAll(async () => {
  ;({ fixture, cookies: freshCookie } = await createRoleFixture())
  for (const role of ROLES) cookieOf.set(role, await freshCookie[role]())
  for (const file of routeFiles) modules.set(file, (await import(path.join(routesDir, file))) as RouteModule)
})

type Outcome = { status: number } | { thrown: unknown }

async function answer(spec: RequestSpec): Promise<Outcome> {
  const mod = modules.get(spec.file)!
  const handler = LOADER_METHODS.includes(spec.method) ? mod.loader : mod.action
  // Sign-out ends the session it is sent with: give it its own.
  const cookie = spec.file === 'logout.tsx' ? await freshCookie[spec.role]() : cookieOf.get(spec.role)!
  const request = toRequest(spec, cookie)
  try {
    const result = await handler!({ request, params: spec.params, context: {} })
    return { status: result instanceof Response ? result.status : 200 }
  } catch (thrown) {
    return thrown instanceof Response ? { status: thrown.status } : { thrown }
  }
}

const describeSpec = (spec: RequestSpec) =>
  JSON.stringify(spec, (_key, value: unknown) =>
    typeof value === 'string' && value.length > 200 ? `${value.slice(0, 40)}…(${value.length})` : value,
  )

describe('fuzzed requests', () => {
  it(`${RUNS.toLocaleString('en')} generated requests over every route, method and role: no 500, no throw, no write`, async () => {
    const files = routeFiles.flatMap((file) => {
      const mod = modules.get(file)!
      const methods = [...(mod.loader ? LOADER_METHODS : []), ...(mod.action ? ACTION_METHODS : [])]
      return methods.length ? [{ file, methods }] : []
    })
    const arbitrary = requestSpec({ files, fields: harvestFieldNames(), roles: ROLES, fixture })
    const tablesBefore = await tableChecksums(ROWS_ADDED_ON_READ)
    const filesBefore = filesUnder(process.env.DATA_DIR!)
    const histogram = new Map<string, number>()
    const perRoute = new Map<string, number>()
    const failures = new Map<string, string>()
    let count = 0
    const timeOf = new Map<string, number>()
    const started = performance.now()

    const one = async (spec: RequestSpec) => {
      count++
      const t0 = performance.now()
      const outcome = await answer(spec)
      timeOf.set(spec.file, (timeOf.get(spec.file) ?? 0) + performance.now() - t0)
      const key = 'status' in outcome ? String(outcome.status) : 'thrown'
      histogram.set(key, (histogram.get(key) ?? 0) + 1)
      perRoute.set(spec.file, (perRoute.get(spec.file) ?? 0) + 1)
      if ('thrown' in outcome) {
        const error = outcome.thrown as Error
        const where = `${spec.method} ${spec.file} threw ${String(error?.message ?? error)
          .split('\n')[0]!
          .slice(0, 160)}`
        failures.set(where, failures.get(where) ?? `${error?.stack ?? String(error)}\n${describeSpec(spec)}`)
      } else if (outcome.status >= 500) {
        failures.set(`${spec.method} ${spec.file} answered ${outcome.status}`, describeSpec(spec))
      }
    }
    // A batch of requests in flight at once: the database and the search engine answer in parallel, as for real visitors.
    await fc.assert(
      fc.asyncProperty(fc.array(arbitrary, { minLength: BATCH, maxLength: BATCH }), async (batch) => {
        await Promise.all(batch.map(one))
      }),
      { numRuns: Math.ceil(RUNS / BATCH) },
    )

    const seconds = (performance.now() - started) / 1000
    const statuses = [...histogram].sort(([a], [b]) => a.localeCompare(b)).map(([status, n]) => `${status}: ${n}`)
    console.log(
      `fuzz: ${count.toLocaleString('en')} requests over ${perRoute.size} route modules in ${seconds.toFixed(1)} s; statuses ${statuses.join(', ')}`,
    )
    console.log(
      [...timeOf]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 12)
        .map(([f, ms]) => `${f} ${(ms / 1000).toFixed(1)} s / ${perRoute.get(f)}`)
        .join('\n'),
    )
    for (const [where, example] of failures) console.error(`${where}\n${example}\n`)
    expect([...failures.keys()], 'requests that answered 500 or threw').toEqual([])
    expect(perRoute.size).toBe(files.length)

    const tablesAfter = await tableChecksums(ROWS_ADDED_ON_READ)
    const written = Object.keys(tablesAfter).filter((t) => !CHANGES_ON_READ.has(t) && tablesAfter[t] !== tablesBefore[t])
    for (const table of written) console.error(table, await latestRows(table))
    expect(written, 'tables changed by hostile requests').toEqual([])
    const filesAfter = filesUnder(process.env.DATA_DIR!)
    expect(filesAfter, 'files written by hostile requests').toEqual(filesBefore)
  }, 300_000)
})
