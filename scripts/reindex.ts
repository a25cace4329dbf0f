import { reindexAll } from '../search/reindex'
import { recordSettingsHash } from '../search/settings-hash'
import { fail, openMigratedDatabase } from './lib/boot'
import { createProgress } from './lib/progress'
import { startSearch } from './lib/search'

const { env, handle } = await openMigratedDatabase()
const search = await startSearch(env, handle.db, { autoReindex: false })
if (!search) fail('搜索服务不可用，无法重建索引 (search unavailable).')
const progress = createProgress()
const started = performance.now()
const counts = await reindexAll({ db: handle.db, client: search.indexingClient, names: search.runtime.names, onProgress: progress.update })
progress.stop()
await recordSettingsHash(handle.db)
console.log(
  `✔ 索引已重建 (reindexed): ${counts.listings} 条需求与供给, ${counts.organisations} 家机构 — ${((performance.now() - started) / 1000).toFixed(1)} s`,
)
await search.stop()
await handle.close()
