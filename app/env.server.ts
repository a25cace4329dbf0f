import path from 'node:path'
import { z } from 'zod'

const postgresUrl = z
  .string()
  .url('必须是 postgres://用户:密码@主机:端口/数据库 形式的地址')
  .refine((v) => /^postgres(ql)?:\/\//.test(v), '必须以 postgres:// 或 postgresql:// 开头')

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: postgresUrl.optional(),
  DATA_DIR: z.string().min(1).default(path.resolve('data')),
  MEILI_URL: z.string().url('必须是 http(s):// 开头的 Meilisearch 地址').optional(),
  MEILI_MASTER_KEY: z.string().min(1).optional(),
  /** Anti-spam: new cooperation interests one organisation may start per 24 hours. */
  MATCH_INTERESTS_PER_DAY: z.coerce.number().int().min(1).default(20),
  SESSION_SECRET: z.string().min(32, '至少 32 个字符').optional(),
  SMTP_URL: z.string().url('必须是 smtp://用户:密码@主机:端口 形式的地址').optional(),
  MAIL_FROM: z.string().min(3).default('晋产教 <noreply@jcj.example.cn>'),
  PUBLIC_URL: z.string().url().optional(),
  /** Further host names (comma-separated, host or host:port) this server answers for, besides PUBLIC_URL's. */
  ALLOWED_HOSTS: z.string().optional(),
  /** Where uploads are kept: local disk under DATA_DIR (default) or an S3-compatible object store. */
  STORAGE: z.enum(['local', 's3']).default('local'),
  S3_ENDPOINT: z.string().url().optional(),
  S3_BUCKET: z.string().min(1).optional(),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  S3_REGION: z.string().min(1).default('us-east-1'),
  /** The in-process cache of anonymous public pages (production only); `off` renders every request. */
  PAGE_CACHE: z.enum(['on', 'off']).default('on'),
  /** Its size per process, in megabytes of uncompressed pages. */
  PAGE_CACHE_MB: z.coerce.number().min(1).max(1024).default(16),
  /** The in-process cache of search engine answers, for every reader, emptied when the indexer applies a batch; `off` asks the engine every time. */
  SEARCH_CACHE: z.enum(['on', 'off']).default('on'),
  SEARCH_INDEX_PREFIX: z
    .string()
    .regex(/^[a-z0-9_]*$/, '只能包含小写字母、数字和下划线')
    .default(''),
})

export type Env = z.infer<typeof EnvSchema>

export class EnvError extends Error {}

/** Parses the environment once. Empty strings count as unset, as shells often export them. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== ''))
  const result = EnvSchema.safeParse(cleaned)
  if (!result.success) {
    const issue = result.error.issues[0]!
    throw new EnvError(`环境变量 ${issue.path.join('.')} 无效 (invalid environment variable): ${issue.message}`)
  }
  return result.data
}

let cached: Env | undefined
export function getEnv(): Env {
  cached ??= parseEnv()
  return cached
}
