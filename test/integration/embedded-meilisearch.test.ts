import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { checkHealth } from '../../app/domain/health.server'
import { configureSearch } from '../../app/search.server'
import { createSearchClient } from '../../search/client'
import { startEmbeddedMeilisearch, type EmbeddedMeilisearch } from '../../search/embedded'
import { ensureSearchKey } from '../../search/keys'

const dataDir = mkdtempSync(path.join(tmpdir(), 'jcj-supervised-meili-'))
let meili: EmbeddedMeilisearch | undefined
afterAll(async () => {
  await meili?.stop()
  rmSync(dataDir, { recursive: true, force: true })
})

async function until(check: () => Promise<boolean>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return true
    await new Promise((r) => setTimeout(r, 100))
  }
  return false
}

describe('embedded Meilisearch', () => {
  it('keeps a master key in its data folder for this user only, and pages get a key that can only search', async () => {
    meili = await startEmbeddedMeilisearch({ dataDir })
    expect(meili.apiKey).toMatch(/^[\w-]{40,}$/)
    expect(statSync(path.join(dataDir, 'master.key')).mode & 0o777).toBe(0o600)

    expect((await fetch(`${meili.url}/indexes`)).status).toBe(401)
    const admin = createSearchClient(meili)
    await admin.createIndex('kept_listings', { primaryKey: 'id' }).waitTask()
    await admin
      .index('kept_listings')
      .addDocuments([{ id: 1, title: '综采液压支架装配实习' }])
      .waitTask()

    const searchKey = await ensureSearchKey(admin, 'kept_')
    expect(await ensureSearchKey(admin, 'kept_')).toBe(searchKey)
    const pages = createSearchClient({ url: meili.url, apiKey: searchKey })
    expect((await pages.index('kept_listings').search('液压支架')).hits).toHaveLength(1)
    await expect(pages.index('kept_listings').addDocuments([{ id: 2, title: '篡改' }])).rejects.toThrow()
    await expect(pages.deleteIndex('kept_listings')).rejects.toThrow()
  })

  it('comes back by itself after being killed, searchable with the same keys, and /healthz recovers', async () => {
    const admin = createSearchClient(meili!)
    const searchKey = await ensureSearchKey(admin, 'kept_')
    const pages = createSearchClient({ url: meili!.url, apiKey: searchKey }, { timeoutMs: 1000 })
    configureSearch({ url: meili!.url, apiKey: searchKey })
    expect((await checkHealth()).search.ok).toBe(true)

    const killedAt = Date.now()
    meili!.process.kill('SIGKILL')
    expect(await until(async () => !(await checkHealth()).search.ok, 2_000)).toBe(true)
    expect(await until(async () => (await pages.index('kept_listings').search('液压支架')).hits.length === 1, 15_000)).toBe(true)
    expect(Date.now() - killedAt).toBeLessThan(15_000)
    expect(meili!.restarts).toBe(1)
    expect((await checkHealth()).search.ok).toBe(true)
  })

  it('stops at once, also right after it died', async () => {
    meili!.process.kill('SIGKILL')
    await new Promise((r) => setTimeout(r, 100))
    const started = Date.now()
    await meili!.stop()
    expect(Date.now() - started).toBeLessThan(1_000)
    await new Promise((r) => setTimeout(r, 1_500))
    expect((await fetch(`${meili!.url}/health`).catch(() => null))?.ok ?? false).toBe(false)
    meili = undefined
  })
})
