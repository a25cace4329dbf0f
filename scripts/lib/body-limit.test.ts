import type { AddressInfo } from 'node:net'
import express from 'express'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { formBodyLimit, MAX_FORM_BYTES } from './body-limit'

let base: string
let close: () => void

beforeAll(async () => {
  const app = express()
  app.use(formBodyLimit)
  app.all('*', (req, res) => {
    let bytes = 0
    req.on('data', (c: Buffer) => (bytes += c.length))
    req.on('end', () => res.send(`read ${bytes}`))
  })
  const server = app.listen(0, '127.0.0.1')
  await new Promise((r) => server.once('listening', r))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  close = () => server.close()
})
afterAll(() => close())

const form = (bytes: number, lang = 'zh-CN') =>
  fetch(`${base}/listings/new`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: `lang=${lang}` },
    body: `details.deadline=${'9'.repeat(bytes)}`,
  })

describe('form body limit', () => {
  it('refuses a form over the limit with 413 and a page in the reader’s language', async () => {
    const zh = await form(2_000_000)
    expect(zh.status).toBe(413)
    expect(zh.headers.get('content-type')).toMatch(/text\/html/)
    expect(await zh.text()).toContain('提交的内容过大')
    const en = await form(MAX_FORM_BYTES + 1, 'en')
    expect(en.status).toBe(413)
    expect(await en.text()).toContain('What you sent is too large')
  })

  it('lets ordinary forms and uploads through', async () => {
    const ok = await form(10_000)
    expect(await ok.text()).toBe(`read ${10_000 + 'details.deadline='.length}`)
    const upload = new FormData()
    upload.append('file', new File([new Uint8Array(MAX_FORM_BYTES * 2)], '手册.pdf'))
    expect((await fetch(`${base}/import`, { method: 'POST', body: upload })).status).toBe(200)
  })
})
