import { createRequire } from 'node:module'
import fc from 'fast-check'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { memoiseRemixRouting, memoiseRouteMatching, memoiseServerRoutes, type RouterModule } from './route-matching.server'

const router = createRequire(import.meta.url)('@remix-run/router') as RouterModule

type Route = { id: string; path?: string; index?: boolean; caseSensitive?: boolean; children?: Route[] }
// The shapes Remix's flat routes produce: a root layout, index, static, dynamic, nested, pathless layout and splat routes.
const tree = (): Route[] => [
  {
    id: 'root',
    path: '',
    children: [
      { id: 'routes/_index', index: true },
      { id: 'routes/search', path: 'search' },
      { id: 'routes/listings.$id', path: 'listings/:id' },
      { id: 'routes/listings.$id_.edit', path: 'listings/:id/edit' },
      { id: 'routes/listings.new', path: 'listings/new' },
      {
        id: 'routes/gov',
        path: 'gov',
        children: [
          { id: 'routes/gov._index', index: true },
          { id: 'routes/gov.funnel', path: 'funnel' },
        ],
      },
      { id: 'routes/_auth', children: [{ id: 'routes/_auth.login', path: 'login' }] },
      { id: 'routes/Case', path: 'Case', caseSensitive: true },
      { id: 'routes/api.v1.$', path: 'api/v1/*' },
    ],
  },
]

const segment = fc.constantFrom(
  '',
  'search',
  'listings',
  'new',
  'edit',
  'gov',
  'funnel',
  'login',
  'case',
  'Case',
  'api',
  'v1',
  '12',
  '%E7%85%A4',
  '%E0%A4%A',
  'a%2Fb',
)
const path = fc.array(segment, { maxLength: 5 }).map((parts) => `/${parts.join('/')}`)
const location = fc.oneof(
  path,
  path.map((p) => `${p}?q=1#x`),
  path.map((pathname) => ({ pathname })),
)
const basename = fc.constantFrom('/', '/', '/gov')

describe('memoised route matching', () => {
  // The router warns of every malformed escape it meets; the paths include some on purpose.
  beforeAll(() => void vi.spyOn(console, 'warn').mockImplementation(() => {}))

  it('answers as matchRoutes does, on the caller’s own route objects, for every path, twice over', () => {
    const memoised: RouterModule = { matchRoutes: router.matchRoutes, parsePath: router.parsePath }
    memoiseRouteMatching(memoised)
    fc.assert(
      fc.property(location, basename, (loc, base) => {
        for (let round = 0; round < 2; round++) {
          // A fresh tree each time, as the React render builds one per request.
          const routes = tree()
          const expected = router.matchRoutes(routes, loc, base)
          const actual = memoised.matchRoutes(routes, loc, base)
          expect(actual).toEqual(expected)
          expect(actual?.map((m) => m.route)).toEqual(expected?.map((m) => m.route))
          actual?.forEach((m, i) => expect(m.route).toBe(expected![i]!.route))
          // Every match shares one params object, as matchRoutes returns them.
          if (actual) expect(new Set(actual.map((m) => m.params)).size).toBe(1)
        }
      }),
      { numRuns: 500 },
    )
  })

  it('keeps trees of different shapes apart for the same path', () => {
    const memoised: RouterModule = { matchRoutes: router.matchRoutes, parsePath: router.parsePath }
    memoiseRouteMatching(memoised)
    const withSearch = tree()
    expect(memoised.matchRoutes(withSearch, '/search')?.at(-1)?.route).toBe(withSearch[0]!.children![1])
    const withoutSearch = tree()
    withoutSearch[0]!.children!.splice(1, 1)
    expect(memoised.matchRoutes(withoutSearch, '/search')).toBeNull()
    const renamed = tree()
    renamed[0]!.children![1]!.path = 'find'
    expect(memoised.matchRoutes(renamed, '/find')?.at(-1)?.route).toBe(renamed[0]!.children![1])
  })

  it('answers a repeated path without matching again', () => {
    let calls = 0
    const counted: RouterModule = { matchRoutes: (...args) => (calls++, router.matchRoutes(...args)), parsePath: router.parsePath }
    memoiseRouteMatching(counted)
    counted.matchRoutes(tree(), '/listings/7')
    counted.matchRoutes(tree(), '/listings/7')
    counted.matchRoutes(tree(), { pathname: '/listings/7' })
    expect(calls).toBe(1)
    expect(counted.matchRoutes(tree(), '/listings/8')?.[0]?.params).toEqual({ id: '8' })
    expect(calls).toBe(2)
    const long = `/listings/${'9'.repeat(300)}`
    counted.matchRoutes(tree(), long)
    expect(counted.matchRoutes(tree(), long)?.[0]?.params).toEqual({ id: '9'.repeat(300) })
    expect(calls).toBe(4)
  })

  // Last: it replaces the shared module's function for the rest of this file.
  it('is installed once on the copy of @remix-run/router that server-runtime and react-router call', () => {
    const shared = createRequire(createRequire(import.meta.url).resolve('@remix-run/server-runtime'))('@remix-run/router') as RouterModule
    const plain = shared.matchRoutes
    memoiseRemixRouting()
    const memoised = shared.matchRoutes
    expect(memoised).not.toBe(plain)
    memoiseRemixRouting()
    expect(shared.matchRoutes).toBe(memoised)
  })
})

describe('memoised server routes', () => {
  const manifest = {
    root: { id: 'root', path: '', hasLoader: true },
    'routes/_index': { id: 'routes/_index', parentId: 'root', index: true, hasLoader: true },
    'routes/search': { id: 'routes/search', parentId: 'root', path: 'search', hasLoader: true },
  }
  const modules = () => ({ root: rootModule, 'routes/_index': indexModule, 'routes/search': searchModule })
  const rootModule = { default: () => null }
  const indexModule = { default: () => null, handle: { scripts: false } }
  const searchModule = { default: () => null }
  const future = {}
  const require = createRequire(import.meta.url)
  const plain = (require('@remix-run/react/dist/routes.js') as { createServerRoutes: (...args: unknown[]) => unknown[] }).createServerRoutes

  it('builds the tree once for the same manifest and modules, and again when a module changes', () => {
    let calls = 0
    const routes = { createServerRoutes: (...args: unknown[]) => (calls++, plain(...args)) } as Parameters<typeof memoiseServerRoutes>[0]
    memoiseServerRoutes(routes)
    const first = routes.createServerRoutes(manifest, modules(), future, false)
    // Equal but for the closures it makes (a loader stub, the root's default error boundary).
    expect(JSON.stringify(first)).toBe(JSON.stringify(plain(manifest, modules(), future, false)))
    // A fresh modules object per request, holding the same modules.
    expect(routes.createServerRoutes(manifest, modules(), future, false)).toBe(first)
    expect(calls).toBe(1)
    const reloaded = { ...modules(), 'routes/search': { default: () => null } }
    const second = routes.createServerRoutes(manifest, reloaded, future, false)
    expect(second).not.toBe(first)
    expect(calls).toBe(2)
    expect(routes.createServerRoutes(manifest, reloaded, future, true)).not.toBe(second)
  })
})
