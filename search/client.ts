import { Meilisearch } from 'meilisearch'
import { Agent } from 'undici'

export type SearchEndpoint = { url: string; apiKey?: string }

/**
 * A meilisearch-js client on a keep-alive connection pool: Node's default fetch here costs
 * ~45 ms a call against ~3 ms with connections kept open.
 */
export function createSearchClient(endpoint: SearchEndpoint, options: { timeoutMs?: number; taskTimeoutMs?: number } = {}) {
  const dispatcher = new Agent({ keepAliveTimeout: 30_000, keepAliveMaxTimeout: 60_000, connections: 32 })
  return new Meilisearch({
    host: endpoint.url,
    apiKey: endpoint.apiKey,
    timeout: options.timeoutMs ?? 10_000,
    requestInit: { dispatcher } as RequestInit,
    defaultWaitOptions: { timeout: options.taskTimeoutMs ?? 120_000, interval: 25 },
  })
}

export async function isSearchHealthy(client: Meilisearch) {
  try {
    const health = await client.health()
    return health.status === 'available'
  } catch {
    return false
  }
}
