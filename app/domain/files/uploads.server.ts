import { randomBytes } from 'node:crypto'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { getEnv } from '~/env.server'

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
export type UploadErrorCode = 'missing' | 'tooLarge' | 'type' | 'limit' | 'failed'
export type FileCheck = { ok: true; contentType: string } | { ok: false; message: string; code: UploadErrorCode }

export function checkDocument(file: UploadedFile, { maxBytes, missing }: { maxBytes: number; missing: string }): FileCheck {
  if (file.size === 0) return { ok: false, message: missing, code: 'missing' }
  if (file.size > maxBytes) return { ok: false, message: `文件不能超过 ${maxBytes / 1024 / 1024} MB`, code: 'tooLarge' }
  const type = sniffType(file.bytes)
  if (!type) return { ok: false, message: '只接受 PDF、JPG 或 PNG 文件', code: 'type' }
  return { ok: true, contentType: type }
}

export function uploadsDir(kind: 'verification' | 'attachments') {
  return path.join(getEnv().DATA_DIR, 'uploads', kind)
}

/** Stores the bytes under a random name; returns that name and the full path (to remove it if the transaction fails). */
export async function storeUpload(kind: 'verification' | 'attachments', prefix: number, contentType: string, bytes: Uint8Array) {
  const storedName = `${prefix}-${randomBytes(12).toString('hex')}.${DOCUMENT_TYPES[contentType]}`
  await mkdir(uploadsDir(kind), { recursive: true })
  const storedPath = path.join(uploadsDir(kind), storedName)
  await writeFile(storedPath, bytes)
  return { storedName, storedPath }
}

/** Streams a stored upload back inline, or 404 when the file has gone from disk. */
export async function storedFileResponse(file: { path: string; contentType: string; fileName: string }, cacheControl: string) {
  const bytes = await readFile(file.path).catch(() => null)
  if (!bytes) throw new Response('文件不存在', { status: 404 })
  return new Response(bytes, {
    headers: {
      'Content-Type': file.contentType,
      'Content-Disposition': `inline; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      'Cache-Control': cacheControl,
      'X-Content-Type-Options': 'nosniff',
    },
  })
}
