import { createRequire } from 'node:module'

type Route = { path?: string; index?: boolean; caseSensitive?: boolean; children?: Route[] }
type Match = { params: Record<string, string | undefined>; pathname: string; pathnameBase: string; route: Route }
type Location = string | { pathname?: string }
export type RouterModule = {
  matchRoutes: (routes: Route[], location: Location, basename?: string) => Match[] | null
  parsePath: (path: string) => { pathname?: string }
}

/** Where each matched route sits in the tree (child indexes from the top), with what matching found for it. */
type Template = { params: Match['params']; matches: { at: number[]; pathname: string; pathnameBase: string }[] }

const MAX_ENTRIES = 2_000
const MAX_CACHED_PATH = 256
// Route trees of different shapes: one per build in production, a few more across development reloads.
const MAX_SHAPES = 16
const MEMOISED = Symbol.for('jcj.memoisedRouteMatching')

/** What matching reads of a route tree: each route's path, index and case flags, and the nesting. */
function shapeOf(routes: Route[]): string {
  let shape = '['
  for (const route of routes) {
    shape += `${route.path === undefined ? '\u0001' : route.path}\u0002${route.index ? 1 : 0}${route.caseSensitive ? 1 : 0}`
    if (route.children?.length) shape += shapeOf(route.children)
    shape += '\u0003'
  }
  return `${shape}]`
}

function indexPaths(routes: Route[], into = new Map<Route, number[]>(), prefix: number[] = []) {
  routes.forEach((route, i) => {
    const at = [...prefix, i]
    into.set(route, at)
    if (route.children?.length) indexPaths(route.children, into, at)
  })
  return into
}

function routeAt(routes: Route[], at: number[]): Route {
  let route = routes[at[0]!]!
  for (let i = 1; i < at.length; i++) route = route.children![at[i]!]!
  return route
}

/**
 * Remix matches the routes four times per document request (the request handler, the static
 * handler, the React render and the partial manifest for lazy route discovery), and each call
 * flattens, ranks and compiles a regular expression for every route again: 9–14% of a page's CPU.
 * This wraps @remix-run/router's exported `matchRoutes` (what @remix-run/server-runtime, react-router
 * and @remix-run/react call it through) with results kept per route-tree shape and pathname, so a
 * path seen before is answered from the tree's positions. The React render builds a fresh tree per
 * request, so the key is the tree's shape, and the answer is rebuilt on the caller's own route objects.
 */
export function memoiseRouteMatching(router: RouterModule) {
  const marked = router as RouterModule & { [MEMOISED]?: true }
  if (marked[MEMOISED]) return
  const original = router.matchRoutes
  const results = new Map<string, Template | null>()
  const shapes = new Map<string, number>()
  let nextShapeId = 0
  router.matchRoutes = (routes, location, basename = '/') => {
    const pathname = (typeof location === 'string' ? router.parsePath(location).pathname : location.pathname) ?? ''
    // Long paths (nothing the app links to) are matched as they come, so they cannot fill the cache's memory.
    if (pathname.length > MAX_CACHED_PATH) return original(routes, location, basename)
    // A tree's shape is a few KB of text: entries are keyed by its number, not by the text.
    const shape = shapeOf(routes)
    let shapeId = shapes.get(shape)
    if (shapeId === undefined) {
      if (shapes.size >= MAX_SHAPES) shapes.clear()
      shapes.set(shape, (shapeId = nextShapeId++))
    }
    const key = `${shapeId}\u0000${basename}\u0000${pathname}`
    let template = results.get(key)
    if (template === undefined) {
      const matches = original(routes, location, basename)
      if (matches) {
        const positions = indexPaths(routes)
        // A route outside the given tree (never from matchRoutes itself) cannot be rebuilt: no caching then.
        if (!matches.every((m) => positions.has(m.route))) return matches
        template = {
          params: { ...matches[0]?.params },
          matches: matches.map((m) => ({ at: positions.get(m.route)!, pathname: m.pathname, pathnameBase: m.pathnameBase })),
        }
      } else template = null
      if (results.size >= MAX_ENTRIES) results.delete(results.keys().next().value!)
      results.set(key, template)
      if (matches) return matches
    }
    if (template === null) return null
    // One params object shared by every match, as matchRoutes returns it.
    const params = { ...template.params }
    return template.matches.map((m) => ({ params, pathname: m.pathname, pathnameBase: m.pathnameBase, route: routeAt(routes, m.at) }))
  }
  marked[MEMOISED] = true
}

type ServerRoutesModule = {
  createServerRoutes: (manifestRoutes: object, routeModules: Record<string, unknown>, future: unknown, isSpaMode: boolean) => unknown[]
}

/**
 * RemixServer rebuilds the React route tree from the build's manifest on every render (3% of a
 * page's CPU). The manifest object is the build's own, and the route modules are the same modules
 * in a fresh object per request: the tree built for them is reused while every module is the same
 * one (a development reload brings new modules, hence a new tree). The tree is only read: the static
 * router copies it into its own route objects.
 */
export function memoiseServerRoutes(routes: ServerRoutesModule) {
  const marked = routes as ServerRoutesModule & { [MEMOISED]?: true }
  if (marked[MEMOISED]) return
  const original = routes.createServerRoutes
  const built = new WeakMap<object, { modules: Record<string, unknown>; future: unknown; isSpaMode: boolean; tree: unknown[] }>()
  routes.createServerRoutes = (manifestRoutes, routeModules, future, isSpaMode, ...rest: unknown[]) => {
    // Only the top-level call: the function calls itself with a parent id for each level.
    if (rest.length) return (original as (...args: unknown[]) => unknown[])(manifestRoutes, routeModules, future, isSpaMode, ...rest)
    const cached = built.get(manifestRoutes)
    if (cached && cached.future === future && cached.isSpaMode === isSpaMode && sameModules(cached.modules, routeModules))
      return cached.tree
    const tree = original(manifestRoutes, routeModules, future, isSpaMode)
    built.set(manifestRoutes, { modules: { ...routeModules }, future, isSpaMode, tree })
    return tree
  }
  marked[MEMOISED] = true
}

function sameModules(a: Record<string, unknown>, b: Record<string, unknown>) {
  const keys = Object.keys(b)
  if (keys.length !== Object.keys(a).length) return false
  for (const key of keys) if (a[key] !== b[key]) return false
  return true
}

/**
 * On the one copy of @remix-run/router that the request handler, react-router and @remix-run/react
 * share, and on the route-tree builder RemixServer calls.
 */
export function memoiseRemixRouting() {
  const require = createRequire(import.meta.url)
  memoiseRouteMatching(require('@remix-run/router') as RouterModule)
  memoiseServerRoutes(require('@remix-run/react/dist/routes.js') as ServerRoutesModule)
}
