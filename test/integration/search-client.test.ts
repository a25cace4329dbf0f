import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { MeilisearchApiError } from 'meilisearch'
import { afterEach, describe, expect, inject, it, vi } from 'vitest'
import { createSearchClient, searchErrorMessage } from '../../search/client'

afterEach(() => vi.unstubAllGlobals())

describe('search client transport', () => {
  it('reaches Meilisearch without fetch (undici.request on a keep-alive pool), indexing and searching', async () => {
    vi.stubGlobal('fetch', () => Promise.reject(new Error('fetch is the slow path')))
    const client = createSearchClient({ url: inject('meiliUrl') })
    const uid = `${process.env.SEARCH_INDEX_PREFIX}transport`
    await client.createIndex(uid, { primaryKey: 'id' }).waitTask()
    const task = await client
      .index(uid)
      .addDocuments([{ id: 1, title: '太原重型机械装备协同创新' }])
      .waitTask()
    expect(task.status).toBe('succeeded')
    const { results } = await client.multiSearch({ queries: [{ indexUid: uid, q: '重型机械' }] })
    expect(results[0]!.hits.map((h) => h.id)).toEqual([1])
  })

  it('keeps meilisearch-js error shapes: an API refusal carries its code', async () => {
    const client = createSearchClient({ url: inject('meiliUrl') })
    const error = await client.getIndex('no_such_index_anywhere').catch((e: Error) => e)
    expect(error).toBeInstanceOf(Error)
    const cause = (error as Error & { cause?: unknown }).cause
    expect(cause).toBeInstanceOf(MeilisearchApiError)
    expect((cause as MeilisearchApiError).cause?.code).toBe('index_not_found')
    expect((cause as MeilisearchApiError).response.status).toBe(404)
    // Logs and parked outbox rows say what the engine said, not only "Request to … has failed".
    expect(searchErrorMessage(error)).toMatch(/has failed: Index `no_such_index_anywhere` not found.*index_not_found/)
  })

  it('gives up after its timeout on a server that never answers', async () => {
    const silent = createServer(() => {})
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve))
    const { port } = silent.address() as AddressInfo
    const client = createSearchClient({ url: `http://127.0.0.1:${port}` }, { timeoutMs: 300 })
    const started = Date.now()
    await expect(client.index('x').search('q')).rejects.toThrow()
    expect(Date.now() - started).toBeLessThan(2_000)
    silent.closeAllConnections()
    silent.close()
  })
})
