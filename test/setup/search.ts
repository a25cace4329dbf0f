import { getDatabaseHandle } from '../../app/db.server'
import { getSearchRuntime } from '../../app/search.server'
import { ensureIndexes } from '../../search/indexes'
import { createOutboxIndexer } from '../../search/indexer'

/** The test file's search runtime with its indexes ready, and an indexer to drain the outbox on demand. */
export async function prepareSearch() {
  const runtime = getSearchRuntime()
  if (!runtime) throw new Error('MEILI_URL is not set for integration tests')
  await ensureIndexes(runtime.client, runtime.names)
  const indexer = createOutboxIndexer({ db: getDatabaseHandle().db, client: runtime.client, names: runtime.names })
  return { runtime, indexer }
}
