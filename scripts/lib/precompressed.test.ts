import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import compression from 'compression'
import express from 'express'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { precompressAssets, precompressedAssets } from './precompressed'

const dir = mkdtempSync(path.join(tmpdir(), 'jcj-assets-'))
const script = `export const words = ${JSON.stringify(Array.from({ length: 2000 }, (_, i) => `综采液压支架${i}`))}\n`
let base: string
let close: () => void

beforeAll(async () => {
  writeFileSync(path.join(dir, 'index-abc123.js'), script)
  writeFileSync(path.join(dir, 'logo.png'), Buffer.alloc(4096, 7))
  precompressAssets(dir)
  // As the server mounts it: the package's compression first, then the assets.
  const app = express()
  app.use(compression())
  app.use('/assets', precompressedAssets(dir), express.static(dir, { immutable: true, maxAge: '1y' }))
  const server = app.listen(0, '127.0.0.1')
  await new Promise((r) => server.once('listening', r))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  close = () => server.close()
})
afterAll(() => {
  close()
  rmSync(dir, { recursive: true, force: true })
})

/** The response as sent: headers and the bytes before any decoding. */
function get(file: string, acceptEncoding?: string) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
    const req = request(`${base}/assets/${file}`, { headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }))
    })
    req.on('error', reject)
    req.end()
  })
}

describe('precompressed assets', () => {
  it('sends the brotli copy made at build time to a browser that takes brotli, as JavaScript', async () => {
    const sent = await get('index-abc123.js', 'gzip, deflate, br')
    expect(sent.headers['content-encoding']).toBe('br')
    expect(sent.headers['content-type']).toMatch(/javascript/)
    expect(sent.headers.vary).toMatch(/Accept-Encoding/i)
    expect(sent.headers['cache-control']).toContain('immutable')
    expect(sent.body.equals(readFileSync(path.join(dir, 'index-abc123.js.br')))).toBe(true)
    expect(brotliDecompressSync(sent.body).toString()).toBe(script)
  })

  it('sends the gzip copy to a client without brotli, and the file itself to one without either', async () => {
    const gzip = await get('index-abc123.js', 'gzip')
    expect(gzip.headers['content-encoding']).toBe('gzip')
    expect(gunzipSync(gzip.body).toString()).toBe(script)
    const plain = await get('index-abc123.js')
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(plain.body.toString()).toBe(script)
  })

  it('leaves files it does not compress, and unknown names, to the static handler', async () => {
    const png = await get('logo.png', 'br')
    expect(png.headers['content-encoding']).toBeUndefined()
    expect(png.body.length).toBe(4096)
    expect((await get('missing.js', 'br')).headers['content-encoding']).not.toBe('br')
  })

  it('answers a malformed escape in the path as the static handler does, never with a server error', async () => {
    const sent = await get('%E0%A4%A.js', 'br')
    expect(sent.status).toBeGreaterThanOrEqual(400)
    expect(sent.status).toBeLessThan(500)
  })
})
