import { spawn } from 'node:child_process'
import { statSync } from 'node:fs'
import path from 'node:path'
import postgres from 'postgres'

/** The first argument that is not a flag: the backup file. */
export const fileArgument = () => process.argv.slice(2).find((a) => !a.startsWith('--'))

export function describeSize(file: string) {
  const bytes = statSync(file).size
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${(bytes / 1024).toFixed(1)} KB`
}

export function defaultBackupFile(dataDir: string, extension: string) {
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15)
  return path.join(dataDir, 'backups', `jcj-${stamp}.${extension}`)
}

type Query = (text: string) => Promise<Record<string, unknown>[]>

/** Whether people entered anything (organisations, accounts), as opposed to a database with only the schema and the taxonomy. */
export async function hasPeopleData(query: Query) {
  for (const table of ['organisations', 'users']) {
    const [exists] = await query(`select to_regclass('public.${table}') is not null as present`)
    if (exists?.present && Number((await query(`select count(*) as n from ${table}`))[0]?.n) > 0) return true
  }
  return false
}

export async function postgresHasData(databaseUrl: string) {
  const client = postgres(databaseUrl, { max: 1, onnotice: () => {} })
  try {
    return await hasPeopleData((text) => client.unsafe(text))
  } finally {
    await client.end({ timeout: 1 })
  }
}

/**
 * Runs pg_dump / pg_restore with --verbose and turns its per-table lines into progress;
 * resolves with the exit code and the lines that were not progress (the errors, if any).
 */
export function runPostgresTool(command: string, args: string[], onLine: (line: string) => boolean) {
  return new Promise<{ code: number; errors: string[] }>((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'pipe'] })
    const errors: string[] = []
    let rest = ''
    child.stderr.setEncoding('utf8')
    child.stderr.on('data', (chunk: string) => {
      const lines = (rest + chunk).split('\n')
      rest = lines.pop()!
      for (const line of lines) if (line && !onLine(line)) errors.push(line)
    })
    child.on('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'ENOENT' ? new Error(`找不到 ${command} (not installed): apt-get install postgresql-client`) : error),
    )
    child.on('close', (code) => resolve({ code: code ?? 1, errors: rest ? [...errors, rest] : errors }))
  })
}
