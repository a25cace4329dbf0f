import { randomBytes } from 'node:crypto'
import path from 'node:path'
import { Readable } from 'node:stream'
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

export type UploadedFile = { name: string; size: number; bytes: Uint8Array }

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
  const type = sniffType(file.bytes)
  if (!type) throw new DomainError('invalid', 'domain.fileType', { field })
  return { contentType: type }
}

/** The whole multipart body may hold the file and its fields, not many files: a body past this is cut off while it streams. */
const requestLimit = (maxBytes: number) => maxBytes + 1024 * 1024

/** The request with its body counted as it streams; past `limit` bytes the stream fails and reading stops. */
function withBodyLimit(request: Request, limit: number, tooLarge: Error) {
  if (!request.body) return request
  let seen = 0
  const counted = request.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        seen += chunk.byteLength
        if (seen > limit) controller.error(tooLarge)
        else controller.enqueue(chunk)
      },
    }),
  )
  return new Request(request.url, { method: request.method, headers: request.headers, body: counted, duplex: 'half' } as RequestInit)
}

/**
 * Reads a multipart form with its body counted as it streams: past the request limit reading stops and
 * the form is refused with 413 beside `field`, so an oversized upload never sits whole in memory. The
 * Fetch API's parser reads file names as browsers send them (RFC 7578): `实习=手册.pdf` and
 * `协议;第2版.pdf` keep their names, where Remix's multipart parser split them at `=` and `;`.
 */
export async function readUploadForm(
  request: Request,
  { maxBytes, field, tooLarge = 'attachments.tooBig' }: { maxBytes: number; field: string; tooLarge?: MessageKey },
) {
  const refuseSize = () => new DomainError('too_large', tooLarge, { field, vars: { mb: maxBytes / 1024 / 1024 } })
  const bodyTooLarge = new Error('upload body over its limit')
  const limit = requestLimit(maxBytes)
  if (Number(request.headers.get('Content-Length') ?? 0) > limit) throw refuseSize()
  if (!/^multipart\/form-data\s*;/i.test(request.headers.get('Content-Type') ?? ''))
    throw new DomainError('invalid', 'attachments.failed', { field })
  let form: FormData
  try {
    form = await withBodyLimit(request, limit, bodyTooLarge).formData()
  } catch (error) {
    if (error === bodyTooLarge || (error instanceof Error && error.cause === bodyTooLarge)) throw refuseSize()
    throw new DomainError('invalid', 'attachments.failed', { field })
  }
  for (const value of form.values()) if (value instanceof File && value.size > maxBytes) throw refuseSize()
  return form
}

/** The file a form sent under `field`, or a refusal saying it is missing (browsers send an empty part when none was chosen). */
export async function uploadedFile({
  form,
  field,
  missing,
}: {
  form: FormData
  field: string
  missing: MessageKey
}): Promise<UploadedFile> {
  const file = form.get(field)
  if (!(file instanceof File) || file.size === 0) throw new DomainError('invalid', missing, { field })
  return { name: file.name, size: file.size, bytes: new Uint8Array(await file.arrayBuffer()) }
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
  bytes,
}: {
  kind: UploadKind
  prefix: number
  contentType: string
  bytes: Uint8Array
}) {
  const storedName = `${prefix}-${randomBytes(12).toString('hex')}.${DOCUMENT_TYPES[contentType]}`
  const key = uploadKey({ kind, storedName })
  await fileStorage().put({ key, body: Readable.from([bytes]), contentType, size: bytes.byteLength })
  return { storedName, remove: () => fileStorage().remove(key) }
}

export const removeUpload = (upload: { kind: UploadKind; storedName: string }) => fileStorage().remove(uploadKey(upload))

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
      'Content-Disposition': `inline; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      'Cache-Control': cacheControl,
      'X-Content-Type-Options': 'nosniff',
    },
  })
}
