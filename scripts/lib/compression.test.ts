import { request } from 'node:http'
import type { AddressInfo } from 'node:net'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import express from 'express'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BROTLI_WINDOW_BITS, pageCompression } from './compression'

// A page the size of the search page (~131 KB), written in chunks as a streamed render is.
const PAGE = Array.from({ length: 2400 }, (_, i) => `<li data-i="${i}">液压支架 综采 实习 ${(i * 7919) % 10007}</li>`).join('')

let base: string
let close: () => void

beforeAll(async () => {
  const app = express()
  app.use(pageCompression())
  app.get('/page', (_req, res) => {
    res.type('html')
    for (let i = 0; i < PAGE.length; i += 16_384) res.write(PAGE.slice(i, i + 16_384))
    res.end()
  })
  const server = app.listen(0, '127.0.0.1')
  await new Promise((r) => server.once('listening', r))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  close = () => server.close()
})
afterAll(() => close())

/** The window a brotli stream was encoded with, from its first bits (RFC 7932 §9.1, WBITS). */
function brotliWindowBits(stream: Buffer) {
  const bits = stream[0]! | (stream[1]! << 8)
  if ((bits & 1) === 0) return 16
  const n = (bits >> 1) & 7
  if (n !== 0) return 17 + n
  const m = (bits >> 4) & 7
  return m === 0 ? 17 : 8 + m
}

describe('page compression', () => {
  it('encodes brotli with a page-sized window (each stream allocates for its window), and the page round-trips', async () => {
    const { encoding, body } = await rawResponse('br, gzip')
    expect(encoding).toBe('br')
    expect(brotliWindowBits(body)).toBe(BROTLI_WINDOW_BITS)
    expect(2 ** BROTLI_WINDOW_BITS).toBeGreaterThan(Buffer.byteLength(PAGE))
    expect(brotliDecompressSync(body).toString()).toBe(PAGE)
  })

  it('still gzips for a client without brotli', async () => {
    const { encoding, body } = await rawResponse('gzip')
    expect(encoding).toBe('gzip')
    expect(gunzipSync(body).toString()).toBe(PAGE)
  })
})

/** The body as sent, still encoded (fetch would decode it). */
function rawResponse(acceptEncoding: string): Promise<{ encoding?: string; body: Buffer }> {
  return new Promise((resolve, reject) => {
    request(`${base}/page`, { headers: { 'accept-encoding': acceptEncoding } }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve({ encoding: res.headers['content-encoding'], body: Buffer.concat(chunks) }))
    })
      .on('error', reject)
      .end()
  })
}
