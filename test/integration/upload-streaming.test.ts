import { mkdir, readdir, utimes, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { readAll, readUploadForm, sweepStaleUploads, uploadedFile, withUploadForm } from '../../app/domain/files/uploads.server'
import { action as attachmentAction } from '../../app/routes/listings.$id_.attachments'
import { loader as attachmentLoader } from '../../app/routes/files.attachments.$id'
import { listListingAttachments } from '../../app/domain/listings/attachments.server'
import { createListing, createOrganisation } from '../factories'
import { addMember, createUser, signIn } from '../factories/accounts'

const BOUNDARY = 'jcjUploadBoundary'
const LIMIT = 10 * 1024 * 1024
const MB = 1024 * 1024
const encoder = new TextEncoder()
const tempDir = () => path.join(process.env.DATA_DIR!, 'tmp', 'uploads')
const leftovers = async () => readdir(tempDir()).catch(() => [])

/** A multipart request whose file part is generated chunk by chunk, counting how much of it was ever read. */
function streamingUpload(
  fileBytes: number,
  { head = new Uint8Array(), fileName = '报告.pdf', url = 'http://localhost/listings/1/attachments' } = {},
) {
  const sent = { bytes: 0 }
  const chunk = new Uint8Array(256 * 1024).fill(0x41)
  let remaining = fileBytes - head.byteLength
  const parts = [
    encoder.encode(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="intent"\r\n\r\nupload\r\n`),
    encoder.encode(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/pdf\r\n\r\n`,
    ),
    head,
  ]
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = parts.shift() ?? (remaining > 0 ? chunk.subarray(0, Math.min(chunk.byteLength, remaining)) : null)
      if (next === null) {
        controller.enqueue(encoder.encode(`\r\n--${BOUNDARY}--\r\n`))
        controller.close()
        return
      }
      if (parts.length === 0 && next !== head) remaining -= next.byteLength
      sent.bytes += next.byteLength
      controller.enqueue(next)
    },
  })
  const init = { method: 'POST', headers: { 'Content-Type': `multipart/form-data; boundary=${BOUNDARY}` }, body, duplex: 'half' }
  return { request: new Request(url, init as RequestInit), sent }
}

/** Runs `work` while sampling the process's RSS and ArrayBuffer memory; returns the peak growth of each, in MB. */
async function peakGrowth(work: () => Promise<unknown>) {
  const before = process.memoryUsage()
  let rss = 0
  let buffers = 0
  const sample = () => {
    const now = process.memoryUsage()
    rss = Math.max(rss, now.rss - before.rss)
    buffers = Math.max(buffers, now.arrayBuffers - before.arrayBuffers)
  }
  const timer = setInterval(sample, 5)
  try {
    await work()
  } finally {
    clearInterval(timer)
    sample()
  }
  return { rss: rss / MB, buffers: buffers / MB }
}

describe('uploads stream to disk with limits enforced while streaming', () => {
  it('keeps a 100 MB upload out of memory: it goes to a temporary file, which is removed afterwards', async () => {
    const pdf = encoder.encode('%PDF-1.7\n')
    const streamThrough = async (size: number) => {
      let stored = 0
      const growth = await peakGrowth(() =>
        withUploadForm(streamingUpload(size, { head: pdf }).request, { maxBytes: 128 * MB, field: 'file' }, async (form) => {
          const file = uploadedFile({ form, field: 'file', missing: 'attachments.choose' })
          expect(file).toMatchObject({ name: '报告.pdf', size })
          expect(Array.from(file.head.subarray(0, pdf.byteLength))).toEqual(Array.from(pdf))
          expect(await leftovers()).toHaveLength(1)
          // Read back as storage would read it.
          for await (const chunk of file.stream()) stored += (chunk as Buffer).byteLength
        }),
      )
      expect(stored).toBe(size)
      return growth
    }
    const small = await streamThrough(25 * MB)
    const large = await streamThrough(100 * MB)
    expect(await leftovers()).toEqual([])
    // The floor, in the same run: the same body read whole by the Fetch parser, as uploads were read before.
    const inMemory = await peakGrowth(async () => {
      const form = await streamingUpload(100 * MB, { head: pdf }).request.formData()
      expect((form.get('file') as File).size).toBe(100 * MB)
    })
    const mb = (g: { rss: number; buffers: number }) => `RSS +${g.rss.toFixed(1)} MB, ArrayBuffers +${g.buffers.toFixed(1)} MB`
    console.log(`upload peak growth: 25 MB streamed ${mb(small)}; 100 MB streamed ${mb(large)}; 100 MB read whole (floor) ${mb(inMemory)}`)
    expect(inMemory.buffers).toBeGreaterThan(90)
    // Streamed, what is in memory is the chunks in flight and garbage awaiting collection, whatever the file's size.
    expect(large.buffers).toBeLessThan(48)
    expect(large.rss).toBeLessThan(64)
  })

  it('refuses a 135 MB upload with 413 after reading little more than the limit, and removes what it wrote', async () => {
    const { request, sent } = streamingUpload(135 * MB)
    const refusal = await readUploadForm(request, { maxBytes: LIMIT, field: 'file' }).then(
      () => null,
      (error: { status?: number; field?: string }) => error,
    )
    expect(refusal).toMatchObject({ status: 413, field: 'file' })
    expect(sent.bytes).toBeLessThan(LIMIT + 4 * MB)
    expect(await leftovers()).toEqual([])
  })

  it('refuses many files that are each under the limit once the whole body passes it', async () => {
    const file = new Uint8Array(5 * MB).fill(0x42)
    const part = (i: number) => [
      encoder.encode(
        `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file${i}"; filename="f${i}.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
      ),
      file,
      encoder.encode('\r\n'),
    ]
    const body = new Blob([...[1, 2, 3].flatMap(part), encoder.encode(`--${BOUNDARY}--\r\n`)])
    const request = new Request('http://localhost/import', {
      method: 'POST',
      headers: { 'Content-Type': `multipart/form-data; boundary=${BOUNDARY}` },
      body,
    })
    await expect(readUploadForm(request, { maxBytes: LIMIT, field: 'file' })).rejects.toMatchObject({ status: 413, field: 'file' })
    expect(await leftovers()).toEqual([])
  })

  it('still accepts a normal upload, whose bytes arrive whole', async () => {
    const pdf = encoder.encode('%PDF-1.4 合作协议\n')
    const { request } = streamingUpload(300 * 1024, { head: pdf })
    await withUploadForm(request, { maxBytes: LIMIT, field: 'file' }, async (form) => {
      expect(form.fields.get('intent')).toBe('upload')
      const file = uploadedFile({ form, field: 'file', missing: 'attachments.choose' })
      expect(file).toMatchObject({ name: '报告.pdf', size: 300 * 1024 })
      const bytes = await readAll(file)
      expect(Array.from(bytes.subarray(0, pdf.byteLength))).toEqual(Array.from(pdf))
      expect(bytes.byteLength).toBe(300 * 1024)
      expect(bytes[bytes.byteLength - 1]).toBe(0x41)
    })
  })
})

describe('temporary uploads left by a killed process', () => {
  it('are swept once older than the cut-off; younger ones, possibly in flight, stay', async () => {
    const stale = path.join(tempDir(), 'form-stale')
    const fresh = path.join(tempDir(), 'form-fresh')
    for (const dir of [stale, fresh]) {
      await mkdir(dir, { recursive: true })
      await writeFile(path.join(dir, '0'), 'partial upload')
    }
    const twoHoursAgo = new Date(Date.now() - 2 * 3_600_000)
    await utimes(stale, twoHoursAgo, twoHoursAgo)
    expect(await sweepStaleUploads({ olderThanMs: 3_600_000 })).toBe(1)
    expect(await leftovers()).toEqual(['form-fresh'])
    expect(await sweepStaleUploads({ olderThanMs: 3_600_000, now: Date.now() + 2 * 3_600_000 })).toBe(1)
    expect(await leftovers()).toEqual([])
  })
})

describe('file names survive the round trip', () => {
  // As a browser sends them: quoted, UTF-8, with only " (and CR, LF) percent-encoded.
  const names = ['实习=手册.pdf', '协议;第2版.pdf', '“终稿” "final" (v2).pdf', "O'Brien*简历.pdf", 'a%b.pdf']
  const asSent = (name: string) => name.replaceAll('"', '%22')

  it('uploads names with =, ;, quotes and Chinese through the page, and downloads them under the same names', async () => {
    const org = await createOrganisation()
    const listing = await createListing(org.id)
    const user = await createUser()
    await addMember(user.id, org.id)
    const { cookie, actor } = await signIn(user.id, org.id)
    for (const name of names) {
      const { request } = streamingUpload(2048, {
        head: encoder.encode('%PDF-1.4\n'),
        fileName: asSent(name),
        url: `http://localhost/listings/${listing.id}/attachments`,
      })
      request.headers.set('Cookie', cookie)
      const reply = (await attachmentAction({ request, params: { id: String(listing.id) }, context: {} } as never)) as Response
      expect(reply.headers.get('Location'), name).toBe(`/listings/${listing.id}`)
    }
    const stored = await listListingAttachments({ actor, listingId: listing.id })
    expect(stored.map((a) => a.fileName).sort()).toEqual([...names].sort())
    for (const attachment of stored) {
      const response = (await attachmentLoader({
        request: new Request(`http://localhost/files/attachments/${attachment.id}`, { headers: { Cookie: cookie } }),
        params: { id: String(attachment.id) },
        context: {},
      } as never)) as Response
      const disposition = response.headers.get('Content-Disposition')!
      // RFC 5987: only attr-chars stay as they are; the value decodes back to the name.
      const encoded = /filename\*=UTF-8''([A-Za-z0-9!#$&+\-.^_`|~%]+)$/.exec(disposition)?.[1]
      expect(encoded, disposition).toBeDefined()
      expect(decodeURIComponent(encoded!)).toBe(attachment.fileName)
      // The plain fallback is ASCII and cannot break out of its quotes.
      expect(/filename="([\x20-\x7e]*)"/.exec(disposition)?.[1]).not.toMatch(/["\\]/)
      expect(
        Buffer.from(await response.arrayBuffer())
          .subarray(0, 8)
          .toString(),
      ).toBe('%PDF-1.4')
    }
    expect(await leftovers()).toEqual([])
  })
})
