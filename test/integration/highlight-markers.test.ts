import { describe, expect, it } from 'vitest'
import { searchListings, searchListingsInDatabase } from '../../app/search.server'
import { createListing, createOrganisation, searchParams } from '../factories'
import { prepareSearch } from '../setup/search'

// U+E000 / U+E001 are the engine's highlight markers; typed (or pasted) into a listing they must stay text.
const TITLE = '焊接机器人\uE000示教\uE001实训岗位'
const DESCRIPTION = '学生在\uE000<script>\uE001师傅指导下完成焊接机器人编程与示教。'

describe('private-use characters in user text', () => {
  it('never become <mark> tags in highlights, from the engine or from the Postgres fallback', { timeout: 120_000 }, async () => {
    const { indexer } = await prepareSearch()
    const org = await createOrganisation()
    const listing = await createListing(org.id, { title: TITLE, description: DESCRIPTION })
    await indexer.drainAll()
    const engine = await searchListings(searchParams({ q: '焊接' }))
    const fallback = await searchListingsInDatabase(searchParams({ q: '焊接' }))
    expect(engine.engine).toBe('meilisearch')
    for (const result of [engine, fallback]) {
      const hit = result.hits.find((h) => h.id === listing.id)!
      expect(hit.highlightedTitle.replace(/<\/?mark>/g, '')).toBe('焊接机器人示教实训岗位')
      expect(hit.highlightedTitle.match(/<mark>/g)).toHaveLength(1)
      expect(hit.highlightedTitle).toContain('<mark>焊接')
      expect(hit.snippet).not.toContain('<script>')
      expect(hit.snippet).toContain('&lt;script&gt;')
    }
  })
})
