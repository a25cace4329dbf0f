/**
 * Keeps one instance per process across dev reloads and across the two copies of a module
 * that exist in production (the server script and the Remix build share globalThis).
 */
export function remember<T>(name: string, create: () => T): T {
  const store = globalThis as unknown as { __jcj?: Map<string, unknown> }
  store.__jcj ??= new Map()
  if (!store.__jcj.has(name)) store.__jcj.set(name, create())
  return store.__jcj.get(name) as T
}
