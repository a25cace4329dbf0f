import { randomBytes } from 'node:crypto'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { Readable } from 'node:stream'
import {
  MaxPartSizeExceededError,
  NodeOnDiskFile,
  unstable_composeUploadHandlers,
  unstable_createFileUploadHandler,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
} from '@remix-run/node'
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

/** Text fields of an upload form are short (an intent, a title); more than this is not a form. */
const MAX_FIELD_BYTES = 64 * 1024
/** The whole multipart body may hold the file and its fields, not many files: a body past this is cut off while it streams. */
const requestLimit = (maxBytes: number) => maxBytes + 1024 * 1024

const safeName = (filename: string) => {
  const base = path.basename(filename.replace(/\\/g, '/'))
  return base === '.' || base === '..' || base === '' ? 'upload' : base
}

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
 * Reads a multipart form, streaming each file to a temporary file on disk (never whole into memory) and
 * refusing with 413 beside `field` as soon as a file passes `maxBytes` or the body passes the request limit.
 */
export async function readUploadForm(
  request: Request,
  { maxBytes, field, tooLarge = 'attachments.tooBig' }: { maxBytes: number; field: string; tooLarge?: MessageKey },
) {
  const bodyTooLarge = new Error('upload body over its limit')
  const directory = await mkdtemp(path.join(tmpdir(), 'jcj-upload-'))
  const handler = unstable_composeUploadHandlers(
    // Each file in its own folder under its own (base) name: the on-disk file's name is the name the browser sent.
    unstable_createFileUploadHandler({
      directory,
      maxPartSize: maxBytes,
      file: ({ filename }) => path.join(randomBytes(8).toString('hex'), safeName(filename)),
    }),
    unstable_createMemoryUploadHandler({ maxPartSize: MAX_FIELD_BYTES }),
  )
  try {
    return await unstable_parseMultipartFormData(withBodyLimit(request, requestLimit(maxBytes), bodyTooLarge), handler)
  } catch (error) {
    await rm(directory, { recursive: true, force: true })
    if (error instanceof MaxPartSizeExceededError || error === bodyTooLarge)
      throw new DomainError('too_large', tooLarge, { field, vars: { mb: maxBytes / 1024 / 1024 } })
    throw new DomainError('invalid', 'attachments.failed', { field })
  }
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
  const onDisk = file instanceof NodeOnDiskFile
  if (!(file instanceof File || onDisk) || file.size === 0) throw new DomainError('invalid', missing, { field })
  const upload = { name: file.name, size: file.size, bytes: new Uint8Array(await file.arrayBuffer()) }
  // The temporary copy from readUploadForm: the caller stores the bytes where they belong.
  if (onDisk) await rm(path.dirname(path.dirname(file.getFilePath())), { recursive: true, force: true })
  return upload
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
