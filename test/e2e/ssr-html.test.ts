import { describe, expect, inject, it } from 'vitest'

const baseUrl = inject('baseUrl')

async function zeroBytesIn(path: string) {
  const response = await fetch(`${baseUrl}${path}`)
  expect(response.status, path).toBeLessThan(500)
  const bytes = Buffer.from(await response.arrayBuffer())
  let zeros = 0
  for (const byte of bytes) if (byte === 0) zeros++
  return { zeros, length: bytes.length }
}

describe('server-rendered HTML', () => {
  it('has no zero bytes in pages full of Chinese text (search pages, listings, organisations)', async () => {
    const queries = ['', '煤机', '智能制造', '实习', '新能源汽车', '碳化硅', '增材制造', '产业学院', '太原', '教师实践']
    const paths = ['/', '/orgs', ...queries.flatMap((q) => [1, 2, 3].map((page) => `/search?q=${encodeURIComponent(q)}&page=${page}`))]
    const home = await (await fetch(`${baseUrl}/search`)).text()
    const listingLinks = [...new Set([...home.matchAll(/href="(\/listings\/\d+)"/g)].map((m) => m[1]!))].slice(0, 10)
    const orgLinks = [...new Set([...home.matchAll(/href="(\/orgs\/\d+)"/g)].map((m) => m[1]!))].slice(0, 5)
    expect(listingLinks.length).toBeGreaterThan(3)
    const results = []
    for (const path of [...paths, ...listingLinks, ...orgLinks]) results.push({ path, ...(await zeroBytesIn(path)) })
    expect(results.filter((r) => r.zeros > 0)).toEqual([])
    // Long enough that React's 2 KB buffer edge falls inside Chinese text many times over.
    expect(Math.min(...results.map((r) => r.length))).toBeGreaterThan(20_000)
  })
})
