import { Meilisearch, MeilisearchApiError } from 'meilisearch'
import { Agent, request } from 'undici'

export type SearchEndpoint = { url: string; apiKey?: string }

type HttpClient = (input: Parameters<typeof fetch>[0], init?: RequestInit) => Promise<unknown>

/**
 * Where a client may keep the engine's answers to searches: `get` returns the text stored under `key` or
 * what `fetch` brings (and may keep it). The caller decides when a kept answer is no longer what the index says.
 */
export type SearchResponseCache = { get(key: string, fetch: () => Promise<string>): Promise<string> }

/** Only reads are kept: a search or a multi-search, whose answer changes only when the index does. */
const SEARCH_PATH = /\/(?:multi-search|indexes\/[^/]+\/search)$/

/**
 * meilisearch-js's transport on `undici.request` over a keep-alive pool. Its default, `fetch`, costs
 * ~45 ms a call here even on a keep-alive dispatcher (WHATWG streams and Response objects for a
 * small JSON body); `undici.request` is the floor. Errors keep meilisearch-js's shape: a non-2xx
 * answer becomes a MeilisearchApiError (wrapped by meilisearch-js as the request's cause).
 */
export function undiciTransport(dispatcher: Agent, responses?: SearchResponseCache): HttpClient {
  return async (input, init = {}) => {
    const url = input instanceof URL ? input : String(input)
    const headers: Record<string, string> = {}
    new Headers(init.headers).forEach((value, key) => (headers[key] = value))
    const body = (init.body as string | null | undefined) ?? undefined
    const send = async () => {
      const response = await request(url, {
        method: (init.method ?? 'GET') as 'GET',
        headers,
        body,
        signal: init.signal ?? undefined,
        dispatcher,
      })
      const text = await response.body.text()
      if (response.statusCode >= 400)
        throw new MeilisearchApiError(new Response(null, { status: response.statusCode }), text === '' ? undefined : JSON.parse(text))
      return text
    }
    const cacheable = responses && init.method === 'POST' && typeof body === 'string' && SEARCH_PATH.test(new URL(url).pathname)
    // Kept as text and parsed per call: every caller gets objects of its own to change.
    const text = cacheable ? await responses.get(`${url}\0${headers.authorization ?? ''}\0${body}`, send) : await send()
    return text === '' ? undefined : JSON.parse(text)
  }
}

/**
 * A meilisearch-js client on its own keep-alive connection pool and the undici transport; with `responses`,
 * its searches' answers are kept there (never an error: a refusal or a failure is thrown, not stored).
 */
export function createSearchClient(endpoint: SearchEndpoint, options: { timeoutMs?: number; responses?: SearchResponseCache } = {}) {
  const dispatcher = new Agent({ keepAliveTimeout: 30_000, keepAliveMaxTimeout: 60_000, connections: 32 })
  return new Meilisearch({
    host: endpoint.url,
    apiKey: endpoint.apiKey,
    timeout: options.timeoutMs ?? 10_000,
    httpClient: undiciTransport(dispatcher, options.responses),
    // No overall limit on waiting for a task: with one, meilisearch-js leaves an abort listener per poll on
    // its signal. Each poll still has the request timeout, and Meilisearch always settles a task.
    defaultWaitOptions: { timeout: 0, interval: 25 },
  })
}

/** meilisearch-js wraps a transport's error as "Request to … has failed"; the engine's own words are in the cause. */
export function searchErrorMessage(error: unknown): string {
  const parts: string[] = []
  for (let e: unknown = error; e !== undefined && e !== null && parts.length < 4; e = (e as { cause?: unknown }).cause) {
    if (e instanceof Error) parts.push(e.message)
    else if (typeof e === 'object' && 'message' in e)
      parts.push(`${(e as { message: string }).message}${'code' in e ? ` (${e.code})` : ''}`)
    else break
  }
  return [...new Set(parts)].join(': ') || String(error)
}

/** Waits for a task with a deadline of its own (createSearchClient's defaultWaitOptions say why not meilisearch-js's). */
export async function waitForTask(client: Meilisearch, taskUid: number, { timeoutMs = 600_000, intervalMs = 25 } = {}) {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const task = await client.tasks.getTask(taskUid)
    if (task.status !== 'enqueued' && task.status !== 'processing') return task
    if (Date.now() > deadline) throw new Error(`Meilisearch task ${taskUid} still ${task.status} after ${timeoutMs / 1000} s`)
    await new Promise((resolve) => setTimeout(resolve, intervalMs))
  }
}

export async function isSearchHealthy(client: Meilisearch) {
  try {
    const health = await client.health()
    return health.status === 'available'
  } catch {
    return false
  }
}
