import busboy from 'busboy'
import { randomBytes } from 'node:crypto'
import { createReadStream, createWriteStream } from 'node:fs'
import { mkdir, mkdtemp, readdir, rm, stat } from 'node:fs/promises'
import path from 'node:path'
import { Readable, Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { getEnv } from '~/env.server'
import type { MessageKey } from '~/lib/i18n'
import { DomainError } from '../errors.server'
import { fileStorage } from './storage.server'

/** What the platform accepts as an uploaded document, by its first bytes, not its name. */
export const DOCUMENT_TYPES: Record<string, string> = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png' }

function sniffType(bytes: Uint8Array): string | null {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b)
  if (starts(0x25, 0x50, 0x44, 0x46)) return 'application/pdf'
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg'
  if (starts(0x89, 0x50, 0x4e, 0x47)) return 'image/png'
  return null
}

/** An uploaded file as it waits in a temporary file (or, from a test, in memory): its first bytes for sniffing, and a stream of it all. */
export type UploadedFile = { name: string; size: number; head: Uint8Array; stream: () => Readable }

const HEAD_BYTES = 16

/** A file from bytes already in memory (tests, fixtures). */
export const uploadedFromBytes = ({ name, bytes }: { name: string; bytes: Uint8Array }): UploadedFile => ({
  name,
  size: bytes.byteLength,
  head: bytes.subarray(0, HEAD_BYTES),
  stream: () => Readable.from([bytes]),
})

/** The whole file in memory: only for what must be parsed whole (an import workbook, bounded by its limit). */
export async function readAll(file: UploadedFile): Promise<Uint8Array> {
  const chunks: Buffer[] = []
  for await (const chunk of file.stream()) chunks.push(chunk as Buffer)
  return new Uint8Array(Buffer.concat(chunks))
}

/** Returns the sniffed content type, or refuses (400 beside the file field) with what is wrong. */
export function checkDocument({
  file,
  maxBytes,
  missing,
  field = 'file',
}: {
  file: UploadedFile
  maxBytes: number
  missing: MessageKey
  field?: string
}) {
  if (file.size === 0) throw new DomainError('invalid', missing, { field })
  if (file.size > maxBytes) throw new DomainError('invalid', 'attachments.tooBig', { field, vars: { mb: maxBytes / 1024 / 1024 } })
  const type = sniffType(file.head)
  if (!type) throw new DomainError('invalid', 'domain.fileType', { field })
  return { contentType: type }
}

/** The whole multipart body may hold the file and its fields, not many files: a body past this is cut off while it streams. */
const requestLimit = (maxBytes: number) => maxBytes + 1024 * 1024
/** A text field of an upload form (intent, type, a checkbox): form bodies elsewhere are capped at 256 KB too. */
const FIELD_LIMIT = 256 * 1024

/** The form's text fields, its files (first of each name) in temporary files, and how to remove those. */
export type UploadForm = { fields: FormData; files: Map<string, UploadedFile>; dispose: () => Promise<void> }

/**
 * Browsers send a file name as typed, quoted, with only `"`, CR and LF percent-encoded (HTML's
 * multipart/form-data encoding); old ones send a whole Windows path.
 */
const browserFileName = (sent: string) => sent.replace(/%22|%0D|%0A/gi, (code) => decodeURIComponent(code)).replace(/^.*[\\/]/, '')

const tempRoot = () => path.join(getEnv().DATA_DIR, 'tmp', 'uploads')

/**
 * Reads a multipart form as it streams (busboy): each file goes straight to a temporary file under
 * DATA_DIR, so a large upload never sits in memory. Past the per-file or per-request limit reading
 * stops, the temporary files are removed and the form is refused with 413 beside `field`. busboy reads
 * quoted parameters and RFC 5987 `filename*`, so `实习=手册.pdf` and `协议;第2版.pdf` keep their names
 * (Remix's multipart parser split them at `=` and `;`). Call `dispose` when done (`withUploadForm` does).
 */
export async function readUploadForm(
  request: Request,
  { maxBytes, field, tooLarge = 'attachments.tooBig' }: { maxBytes: number; field: string; tooLarge?: MessageKey },
): Promise<UploadForm> {
  const refuseSize = () => new DomainError('too_large', tooLarge, { field, vars: { mb: maxBytes / 1024 / 1024 } })
  const limit = requestLimit(maxBytes)
  if (Number(request.headers.get('Content-Length') ?? 0) > limit) throw refuseSize()
  const type = request.headers.get('Content-Type') ?? ''
  if (!/^multipart\/form-data\s*;/i.test(type) || !request.body) throw new DomainError('invalid', 'attachments.failed', { field })
  await mkdir(tempRoot(), { recursive: true })
  const dir = await mkdtemp(path.join(tempRoot(), 'form-'))
  const form: UploadForm = { fields: new FormData(), files: new Map(), dispose: () => rm(dir, { recursive: true, force: true }) }
  try {
    await streamParts({ body: request.body, type, dir, maxBytes, limit, form })
    return form
  } catch (error) {
    await form.dispose()
    if (error === OVER_LIMIT) throw refuseSize()
    throw new DomainError('invalid', 'attachments.failed', { field })
  }
}

/**
 * Removes temporary upload folders older than `olderThanMs`: what a process killed mid-upload left.
 * An upload in flight is far younger than an hour, so sweeping never races one.
 */
export async function sweepStaleUploads({ olderThanMs, now = Date.now() }: { olderThanMs: number; now?: number }) {
  const entries = await readdir(tempRoot()).catch(() => [] as string[])
  let removed = 0
  for (const entry of entries) {
    const full = path.join(tempRoot(), entry)
    const info = await stat(full).catch(() => null)
    if (!info || now - info.mtimeMs < olderThanMs) continue
    await rm(full, { recursive: true, force: true })
    removed++
  }
  return removed
}

/** Reads the upload form, runs `use` with it, and removes its temporary files whatever happens. */
export async function withUploadForm<T>(
  request: Request,
  options: Parameters<typeof readUploadForm>[1],
  use: (form: UploadForm) => Promise<T>,
): Promise<T> {
  const form = await readUploadForm(request, options)
  try {
    return await use(form)
  } finally {
    await form.dispose()
  }
}

const OVER_LIMIT = new Error('upload over its limit')

function streamParts(options: {
  body: ReadableStream<Uint8Array>
  type: string
  dir: string
  maxBytes: number
  limit: number
  form: UploadForm
}): Promise<void> {
  const { type, dir, maxBytes, limit, form } = options
  return new Promise((resolve, reject) => {
    const body = Readable.fromWeb(options.body as import('node:stream/web').ReadableStream<Uint8Array>)
    const open = new Set<Readable>()
    let settled = false
    const fail = (error: unknown) => {
      if (settled) return
      settled = true
      body.destroy()
      for (const stream of open) stream.destroy()
      reject(error)
    }
    let parser: busboy.Busboy
    try {
      parser = busboy({
        headers: { 'content-type': type },
        defParamCharset: 'utf8',
        limits: { fileSize: maxBytes, fieldSize: FIELD_LIMIT },
      })
    } catch (error) {
      fail(error)
      return
    }
    const writes: Promise<void>[] = []
    parser.on('field', (name, value, info) => {
      if (info.valueTruncated) fail(OVER_LIMIT)
      else form.fields.append(name, value)
    })
    parser.on('file', (name, stream, info) => {
      // A file input left empty still sends its part, with no name and no bytes.
      if (!info.filename || form.files.has(name)) {
        stream.resume()
        return
      }
      open.add(stream)
      stream.once('limit', () => fail(OVER_LIMIT))
      const file = { name: browserFileName(info.filename), size: 0, head: new Uint8Array(), path: path.join(dir, String(writes.length)) }
      const measured = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          if (file.size < HEAD_BYTES) file.head = Buffer.concat([file.head, chunk.subarray(0, HEAD_BYTES - file.size)])
          file.size += chunk.byteLength
          done(null, chunk)
        },
      })
      writes.push(
        pipeline(stream, measured, createWriteStream(file.path)).then(() => {
          open.delete(stream)
          form.files.set(name, { name: file.name, size: file.size, head: file.head, stream: () => createReadStream(file.path) })
        }, fail),
      )
    })
    parser.on('error', fail)
    parser.on('close', () => {
      void Promise.all(writes).then(() => {
        if (settled) return
        settled = true
        resolve()
      })
    })
    let seen = 0
    body.on('data', (chunk: Buffer) => {
      seen += chunk.byteLength
      if (seen > limit) fail(OVER_LIMIT)
    })
    body.on('error', fail)
    body.pipe(parser)
  })
}

/** The file a form sent under `field`, or a refusal saying it is missing (browsers send an empty part when none was chosen). */
export function uploadedFile({ form, field, missing }: { form: UploadForm; field: string; missing: MessageKey }): UploadedFile {
  const file = form.files.get(field)
  if (!file || file.size === 0) throw new DomainError('invalid', missing, { field })
  return file
}

export function uploadsDir(kind: 'verification' | 'attachments') {
  return path.join(getEnv().DATA_DIR, 'uploads', kind)
}

type UploadKind = 'verification' | 'attachments'

/** The storage key of a stored upload (its path under DATA_DIR/uploads on local disk). */
export const uploadKey = ({ kind, storedName }: { kind: UploadKind; storedName: string }) => `${kind}/${storedName}`

/** Stores the bytes under a random name; returns that name and how to remove it again (if the transaction fails). */
export async function storeUpload({
  kind,
  prefix,
  contentType,
  file,
}: {
  kind: UploadKind
  prefix: number
  contentType: string
  file: UploadedFile
}) {
  const storedName = `${prefix}-${randomBytes(12).toString('hex')}.${DOCUMENT_TYPES[contentType]}`
  const key = uploadKey({ kind, storedName })
  await fileStorage().put({ key, body: file.stream(), contentType, size: file.size })
  return { storedName, remove: () => fileStorage().remove(key) }
}

export const removeUpload = (upload: { kind: UploadKind; storedName: string }) => fileStorage().remove(uploadKey(upload))

/**
 * RFC 6266: `filename*` (RFC 5987, UTF-8, percent-encoded beyond attr-char, so `'()*` too) for every
 * current browser, and a plain ASCII `filename` beside it for any client that reads only that.
 */
export function contentDisposition(fileName: string) {
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\%]/g, '_')
  return `inline; filename="${ascii}"; filename*=UTF-8''${encoded}`
}

/** Streams a stored upload back inline, or 404 when the file has gone from storage. */
export async function storedFileResponse({
  file,
  cacheControl,
}: {
  file: { key: string; contentType: string; fileName: string }
  cacheControl: string
}) {
  const body = await fileStorage().get(file.key)
  if (!body) throw new DomainError('not_found', 'files.missing')
  return new Response(body, {
    headers: {
      'Content-Type': file.contentType,
      'Content-Disposition': contentDisposition(file.fileName),
      'Cache-Control': cacheControl,
      'X-Content-Type-Options': 'nosniff',
    },
  })
}
