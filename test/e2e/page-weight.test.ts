import { request } from 'node:http'
import { describe, expect, inject, it } from 'vitest'

const baseUrl = inject('baseUrl')
const SEARCH = `/search?q=${encodeURIComponent('煤机')}`

/** The bytes as they cross the wire (fetch would decompress them and hide the size). */
function compressedSize(path: string, encoding: string) {
  return new Promise<{ encoding: string | undefined; bytes: number }>((resolve, reject) => {
    const req = request(`${baseUrl}${path}`, { headers: { 'accept-encoding': encoding } }, (res) => {
      let bytes = 0
      res.on('data', (chunk: Buffer) => (bytes += chunk.length))
      res.on('end', () => resolve({ encoding: res.headers['content-encoding'], bytes }))
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end()
  })
}

/**
 * Budgets for the search page on the demo data (issue 15). It was 131 KB of HTML with 37 KB of
 * hydration data, most of it the index's matching fields (pinyin, English names, keywords) that no
 * card shows, and 44 KB gzipped because the compressor was flushed after every 2 KB of React output.
 */
describe('search page weight', () => {
  it('carries what the cards show, not what the index matches on', async () => {
    const html = Buffer.from(await (await fetch(`${baseUrl}${SEARCH}`)).arrayBuffer()).toString('utf8')
    expect(html).toContain('<mark>')
    const hydration = [...html.matchAll(/<script[^>]*>(window\.__remixContext\.streamController[\s\S]*?)<\/script>/g)]
      .map((m) => Buffer.byteLength(m[1]!))
      .reduce((a, b) => a + b, 0)
    expect(hydration).toBeGreaterThan(5_000)
    // 21.2 KB while it also carried the per-organisation counts, every major's count and each hit's score, which nothing shows.
    expect(hydration).toBeLessThan(20_500)
    expect(html).not.toContain('pinyin')
    expect(html).not.toContain('clusterKeywords')
    expect(Buffer.byteLength(html)).toBeLessThan(110_000)
  })

  it('is compressed as one document, not as flushed 2 KB pieces', async () => {
    for (const encoding of ['gzip', 'br']) {
      const sent = await compressedSize(SEARCH, encoding)
      expect(sent.encoding).toBe(encoding)
      expect(sent.bytes, encoding).toBeLessThan(20_000)
    }
  })
})
