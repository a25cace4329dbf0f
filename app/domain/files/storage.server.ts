import { createReadStream, createWriteStream } from 'node:fs'
import { mkdir, rename, rm } from 'node:fs/promises'
import path from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { AwsClient } from 'aws4fetch'
import { request } from 'undici'
import { getEnv, type Env } from '~/env.server'
import { remember } from '~/lib/remember'

/**
 * Where uploaded files live. Keys are relative paths ("attachments/12-ab….pdf"). Bodies go in and
 * come out as streams, so no file is held whole in memory here.
 */
export type FileStorage = {
  put(options: { key: string; body: Readable; contentType: string; size: number }): Promise<void>
  /** The file's bytes as a stream, or null when there is no such file. */
  get(key: string): Promise<ReadableStream<Uint8Array> | null>
  remove(key: string): Promise<void>
}

/** Local disk under DATA_DIR/uploads: one machine, the default. */
export function localStorage({ root }: { root: string }): FileStorage {
  const file = (key: string) => path.join(root, path.normalize(key).replace(/^(\.\.(\/|\\|$))+/, ''))
  return {
    async put({ key, body }) {
      await mkdir(path.dirname(file(key)), { recursive: true })
      const partial = `${file(key)}.partial`
      await pipeline(body, createWriteStream(partial))
      await rename(partial, file(key))
    },
    async get(key) {
      const stream = createReadStream(file(key))
      const opened = await new Promise<boolean>((resolve) => stream.once('open', () => resolve(true)).once('error', () => resolve(false)))
      return opened ? (Readable.toWeb(stream) as ReadableStream<Uint8Array>) : null
    },
    async remove(key) {
      await rm(file(key), { force: true })
    },
  }
}

export type S3Config = { endpoint: string; bucket: string; accessKeyId: string; secretAccessKey: string; region: string }

/**
 * Any S3-compatible object store (path-style URLs, SigV4): for several machines behind a load balancer.
 * Uploads are streamed with their length and an unsigned payload, so nothing is buffered to hash it.
 */
export function s3Storage(config: S3Config): FileStorage {
  const client = new AwsClient({ ...config, service: 's3' })
  const url = (key: string) => `${config.endpoint.replace(/\/$/, '')}/${config.bucket}/${key.split('/').map(encodeURIComponent).join('/')}`
  const failed = (what: string, status: number, body: string) => new Error(`S3 ${what} failed: ${status} ${body.slice(0, 300)}`)
  return {
    async put({ key, body, contentType, size }) {
      const signed = await client.sign(url(key), {
        method: 'PUT',
        headers: { 'Content-Type': contentType, 'Content-Length': String(size), 'X-Amz-Content-Sha256': 'UNSIGNED-PAYLOAD' },
      })
      const response = await request(signed.url, { method: 'PUT', headers: Object.fromEntries(signed.headers), body })
      const text = await response.body.text()
      if (response.statusCode >= 300) throw failed('PUT', response.statusCode, text)
    },
    async get(key) {
      const response = await client.fetch(url(key))
      if (response.status === 404) return null
      if (!response.ok) throw failed('GET', response.status, await response.text())
      return response.body
    },
    async remove(key) {
      const response = await client.fetch(url(key), { method: 'DELETE' })
      if (!response.ok && response.status !== 404) throw failed('DELETE', response.status, await response.text())
    },
  }
}

export function storageFromEnv(env: Env): FileStorage {
  if (env.STORAGE !== 's3') return localStorage({ root: path.join(env.DATA_DIR, 'uploads') })
  const { S3_ENDPOINT, S3_BUCKET, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY, S3_REGION } = env
  if (!S3_ENDPOINT || !S3_BUCKET || !S3_ACCESS_KEY_ID || !S3_SECRET_ACCESS_KEY)
    throw new Error('STORAGE=s3 needs S3_ENDPOINT, S3_BUCKET, S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY')
  return s3Storage({
    endpoint: S3_ENDPOINT,
    bucket: S3_BUCKET,
    accessKeyId: S3_ACCESS_KEY_ID,
    secretAccessKey: S3_SECRET_ACCESS_KEY,
    region: S3_REGION,
  })
}

/** The storage this process uses, chosen by STORAGE (local disk unless STORAGE=s3). */
export const fileStorage = () => remember('file-storage', () => storageFromEnv(getEnv()))
