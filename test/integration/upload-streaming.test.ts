import { describe, expect, it } from 'vitest'
import { readUploadForm, uploadedFile } from '../../app/domain/files/uploads.server'

const BOUNDARY = 'jcjUploadBoundary'
const LIMIT = 10 * 1024 * 1024
const encoder = new TextEncoder()

/** A multipart request whose file part is generated chunk by chunk, counting how much of it was ever read. */
function streamingUpload(fileBytes: number, head = new Uint8Array()) {
  const sent = { bytes: 0 }
  const chunk = new Uint8Array(256 * 1024).fill(0x41)
  let remaining = fileBytes - head.byteLength
  const parts = [
    encoder.encode(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="intent"\r\n\r\nupload\r\n`),
    encoder.encode(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="报告.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
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
  const request = new Request('http://localhost/listings/1/attachments', {
    method: 'POST',
    headers: { 'Content-Type': `multipart/form-data; boundary=${BOUNDARY}` },
    body,
    duplex: 'half',
  } as RequestInit)
  return { request, sent }
}

describe('uploads stream to disk with limits enforced while streaming', () => {
  it('refuses a 135 MB upload with 413 after reading little more than the limit, without holding it in memory', async () => {
    const { request, sent } = streamingUpload(135 * 1024 * 1024)
    const before = process.memoryUsage()
    const refusal = await readUploadForm(request, { maxBytes: LIMIT, field: 'file' }).then(
      () => null,
      (error: { status?: number; field?: string }) => error,
    )
    const after = process.memoryUsage()
    expect(refusal).toMatchObject({ status: 413, field: 'file' })
    expect(sent.bytes).toBeLessThan(LIMIT + 4 * 1024 * 1024)
    // Buffered whole it would be 135 MB and more (156 MB was measured); streamed, at most the 10 MB limit is in flight.
    const grown = after.heapUsed + after.arrayBuffers - before.heapUsed - before.arrayBuffers
    console.log(`upload refused after ${(sent.bytes / 1048576).toFixed(1)} MB read; heap + buffers grew ${(grown / 1048576).toFixed(1)} MB`)
    expect(grown).toBeLessThan(60 * 1024 * 1024)
  })

  it('refuses many files that are each under the limit once the whole body passes it', async () => {
    const file = new Uint8Array(5 * 1024 * 1024).fill(0x42)
    const part = (i: number) => [
      encoder.encode(
        `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="f${i}.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
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
  })

  it('still accepts a normal upload, whose bytes arrive whole', async () => {
    const pdf = encoder.encode('%PDF-1.4 合作协议\n')
    const { request } = streamingUpload(300 * 1024, pdf)
    const form = await readUploadForm(request, { maxBytes: LIMIT, field: 'file' })
    expect(form.get('intent')).toBe('upload')
    const file = await uploadedFile({ form, field: 'file', missing: 'attachments.choose' })
    expect(file).toMatchObject({ name: '报告.pdf', size: 300 * 1024 })
    expect(Array.from(file.bytes.subarray(0, pdf.byteLength))).toEqual(Array.from(pdf))
    expect(file.bytes[file.bytes.byteLength - 1]).toBe(0x41)
  })
})
