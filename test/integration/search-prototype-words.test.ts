import { describe, expect, it } from 'vitest'
import { configureSearch, searchListings, searchOrganisations } from '../../app/search.server'
import { detectQueryIntents } from '../../app/lib/query-intent'
import { createListing, createOrganisation, searchParams } from '../factories'

const PROTOTYPE_WORDS = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'prototype', 'constructor 实习']

describe('prototype names typed as search words', () => {
  it('are plain words for the Postgres fallback, the organisation search and the query-intent offer', async () => {
    // Nothing listens on port 9: every call to Meilisearch fails at once, so the fallback answers.
    configureSearch({ url: 'http://127.0.0.1:9' })
    const org = await createOrganisation({ clusters: ['xinchuang'], cityCode: 'taiyuan' })
    const listing = await createListing(org.id, { title: 'Constructor 软件构造实训岗位', clusters: ['xinchuang'], cityCode: 'taiyuan' })
    for (const q of PROTOTYPE_WORDS) {
      const result = await searchListings(searchParams({ q }))
      expect(result.engine).toBe('postgres')
      expect(result.unavailable).toBeUndefined()
      const organisations = await searchOrganisations({ q, kinds: [], cities: [], clusters: [], verifiedOnly: false, page: 1, perPage: 20 })
      expect(organisations.unavailable).toBeUndefined()
      expect(detectQueryIntents(q).every((intent) => typeof intent.code === 'string')).toBe(true)
    }
    expect((await searchListings(searchParams({ q: 'constructor' }))).hits.map((h) => h.id)).toEqual([listing.id])
  })
})
