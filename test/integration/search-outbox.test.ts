import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import getPort from 'get-port'
import { eq } from 'drizzle-orm'
import { afterAll, describe, expect, inject, it } from 'vitest'
import { db } from '../../app/db.server'
import { configureSearch, searchListings } from '../../app/search.server'
import { outbox } from '../../db/schema'
import { createSearchClient } from '../../search/client'
import { startEmbeddedMeilisearch, type EmbeddedMeilisearch } from '../../search/embedded'
import { ensureIndexes, indexNames } from '../../search/indexes'
import { createOutboxIndexer } from '../../search/indexer'
import { createListing, createOrganisation, searchParams } from '../factories'
import { prepareSearch } from '../setup/search'

const params = searchParams

describe('search through the outbox', () => {
  it('finds a published listing by a Chinese cluster word once the outbox is drained', async () => {
    const { indexer } = await prepareSearch()
    const org = await createOrganisation({ name: '晋中示例煤机装备有限公司' })
    const listing = await createListing(org.id, { title: '采煤机截割部装配顶岗实习' })
    expect((await searchListings(params({ q: '采煤机' }))).hits).toHaveLength(0)

    await indexer.drainAll()

    const result = await searchListings(params({ q: '采煤机' }))
    expect(result.hits.map((h) => h.id)).toContain(listing.id)
    expect(result.hits[0]!.organisationName).toBe('晋中示例煤机装备有限公司')
    expect(result.hits[0]!.highlightedTitle).toContain('<mark>')
  })

  it('takes an unpublished listing out of search', async () => {
    const { indexer } = await prepareSearch()
    const org = await createOrganisation()
    const listing = await createListing(org.id, { title: '镁合金压铸工艺专利许可', clusters: ['special_metals'], type: 'tech_transfer' })
    await indexer.drainAll()
    expect((await searchListings(params({ q: '镁合金' }))).total).toBe(1)

    const { listings } = await import('../../db/schema')
    const { enqueueSearchSync } = await import('../../db/outbox')
    await db.transaction(async (tx) => {
      await tx.update(listings).set({ status: 'closed' }).where(eq(listings.id, listing.id))
      await enqueueSearchSync(tx, 'listing', [listing.id])
    })
    await indexer.drainAll()
    expect((await searchListings(params({ q: '镁合金' }))).total).toBe(0)
  })

  it('counts facets per value and keeps other values of a selected facet countable', async () => {
    const { indexer } = await prepareSearch()
    const org = await createOrganisation({ clusters: ['semiconductor'], cityCode: 'taiyuan' })
    await createListing(org.id, {
      title: '碳化硅晶圆缺陷检测联合攻关',
      type: 'tech_transfer',
      direction: 'need',
      clusters: ['semiconductor'],
      cityCode: 'taiyuan',
    })
    await createListing(org.id, { title: '集成电路封装测试岗位实习', type: 'internship', clusters: ['semiconductor'], cityCode: 'taiyuan' })
    await indexer.drainAll()

    const result = await searchListings(params({ clusters: ['semiconductor'], types: ['internship'] }))
    expect(result.total).toBe(1)
    expect(result.facets.type).toMatchObject({ internship: 1, tech_transfer: 1 })
    expect(result.facets.clusters.semiconductor).toBe(1)
  })

  it('filters by regional group and by verified organisations', async () => {
    const { indexer } = await prepareSearch()
    const verified = await createOrganisation({ clusters: ['photovoltaic'], cityCode: 'jincheng' })
    const pending = await createOrganisation({ clusters: ['photovoltaic'], cityCode: 'datong', verification: 'pending' })
    const south = await createListing(verified.id, {
      title: '异质结电池片产线实习（晋城）',
      clusters: ['photovoltaic'],
      cityCode: 'jincheng',
    })
    const north = await createListing(pending.id, { title: '异质结电池片产线实习（大同）', clusters: ['photovoltaic'], cityCode: 'datong' })
    await indexer.drainAll()
    const southeast = await searchListings(params({ q: '异质结', regions: ['southeast'] }))
    expect(southeast.hits.map((h) => h.id)).toEqual([south.id])
    expect(southeast.facets.region).toMatchObject({ southeast: 1, north: 1 })
    const onlyVerified = await searchListings(params({ q: '异质结', verifiedOnly: true }))
    expect(onlyVerified.hits.map((h) => h.id)).not.toContain(north.id)
    expect(onlyVerified.hits.map((h) => h.id)).toContain(south.id)
  })

  it('filters by time window and by phase, the same in Meilisearch and in the fallback', async () => {
    const { indexer } = await prepareSearch()
    const org = await createOrganisation({ clusters: ['general_aviation'], cityCode: 'datong' })
    const spring = await createListing(org.id, {
      title: '无人机装调春季实习',
      clusters: ['general_aviation'],
      startsOn: '2027-03-01',
      endsOn: '2027-06-30',
    })
    const autumn = await createListing(org.id, {
      title: '无人机装调秋季实习',
      clusters: ['general_aviation'],
      startsOn: '2027-09-01',
      endsOn: '2027-12-31',
    })
    await indexer.drainAll()
    const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000
    const checks = async () => {
      const april = await searchListings(params({ q: '无人机装调', from: day('2027-04-01'), to: day('2027-04-30') }))
      expect(april.hits.map((h) => h.id)).toEqual([spring.id])
      const ongoing = await searchListings(params({ q: '无人机装调', phase: 'ongoing', today: day('2027-10-15') }))
      expect(ongoing.hits.map((h) => h.id)).toEqual([autumn.id])
      const upcoming = await searchListings(params({ q: '无人机装调', phase: 'upcoming', today: day('2027-05-01') }))
      expect(upcoming.hits.map((h) => h.id)).toEqual([autumn.id])
    }
    await checks()
    configureSearch({ url: 'http://127.0.0.1:9' })
    await checks()
    configureSearch({ url: inject('meiliUrl') })
  })

  it('treats filter syntax typed into the query as plain words', async () => {
    await prepareSearch()
    const result = await searchListings(params({ q: '" OR clusters = "nev' }))
    expect(result.unavailable).toBeUndefined()
    expect(result.total).toBe(0)
  })
})

describe('when Meilisearch is down', () => {
  let meili: EmbeddedMeilisearch | undefined
  const dataDir = mkdtempSync(path.join(tmpdir(), 'jcj-outbox-meili-'))
  afterAll(async () => {
    await meili?.stop()
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('keeps the write and indexes it after Meilisearch restarts', async () => {
    const port = await getPort()
    meili = await startEmbeddedMeilisearch({ dataDir, port, protect: false })
    const client = createSearchClient(meili, { timeoutMs: 2000 })
    const names = indexNames('downtime_')
    await ensureIndexes(client, names)
    const indexer = createOutboxIndexer({ db, client, names })
    await indexer.drainAll()
    await meili.stop()

    const org = await createOrganisation({ clusters: ['nev'], cityCode: 'jinzhong' })
    const listing = await createListing(org.id, { title: '氢燃料电池汽车电控系统联合实验室', type: 'joint_lab', clusters: ['nev'] })
    await expect(indexer.drainOnce()).rejects.toThrow()
    const [row] = await db.select().from(outbox).where(eq(outbox.entityId, listing.id))
    expect(row!.processedAt).toBeNull()
    expect(row!.attempts).toBe(1)

    meili = await startEmbeddedMeilisearch({ dataDir, port, protect: false })
    await db.update(outbox).set({ nextAttemptAt: new Date() }) // skip the back-off wait
    await indexer.drainAll()

    const { hits } = await client.index(names.listings).search('氢燃料电池')
    expect(hits.map((h) => h.id)).toContain(listing.id)
  })
})
