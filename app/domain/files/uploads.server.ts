import { randomBytes } from 'node:crypto'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { getEnv } from '~/env.server'
import type { MessageKey } from '~/lib/i18n'
import { DomainError } from '../errors.server'

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

/**
 * Reads a multipart form into memory, refusing (beside `field`) a part over `maxBytes` or a broken upload.
 * The Fetch API's parser reads file names as browsers send them (RFC 7578): `实习=手册.pdf` and
 * `协议;第2版.pdf` keep their names, where Remix's multipart parser split them at `=` and `;`.
 */
export async function readUploadForm(
  request: Request,
  { maxBytes, field, tooLarge = 'attachments.tooBig' }: { maxBytes: number; field: string; tooLarge?: MessageKey },
) {
  const refuseSize = () => new DomainError('invalid', tooLarge, { field, vars: { mb: maxBytes / 1024 / 1024 } })
  // The rest of the form (a few fields) besides the file.
  if (Number(request.headers.get('Content-Length') ?? 0) > maxBytes + 64 * 1024) throw refuseSize()
  if (!/^multipart\/form-data\s*;/i.test(request.headers.get('Content-Type') ?? ''))
    throw new DomainError('invalid', 'attachments.failed', { field })
  let form: FormData
  try {
    form = await request.formData()
  } catch {
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

/** Stores the bytes under a random name; returns that name and the full path (to remove it if the transaction fails). */
export async function storeUpload({
  kind,
  prefix,
  contentType,
  bytes,
}: {
  kind: 'verification' | 'attachments'
  prefix: number
  contentType: string
  bytes: Uint8Array
}) {
  const storedName = `${prefix}-${randomBytes(12).toString('hex')}.${DOCUMENT_TYPES[contentType]}`
  await mkdir(uploadsDir(kind), { recursive: true })
  const storedPath = path.join(uploadsDir(kind), storedName)
  await writeFile(storedPath, bytes)
  return { storedName, storedPath }
}

/** Streams a stored upload back inline, or 404 when the file has gone from disk. */
export async function storedFileResponse({
  file,
  cacheControl,
}: {
  file: { path: string; contentType: string; fileName: string }
  cacheControl: string
}) {
  const bytes = await readFile(file.path).catch(() => null)
  if (!bytes) throw new DomainError('not_found', 'files.missing')
  return new Response(bytes, {
    headers: {
      'Content-Type': file.contentType,
      'Content-Disposition': `inline; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      'Cache-Control': cacheControl,
      'X-Content-Type-Options': 'nosniff',
    },
  })
}
