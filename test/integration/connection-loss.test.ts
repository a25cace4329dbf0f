import { spawn } from 'node:child_process'
import path from 'node:path'
import type { ServerBuild } from '@remix-run/node'
import postgres from 'postgres'
import { describe, expect, it } from 'vitest'
import { withDatabaseOutageAnswers } from '../../scripts/lib/database-outage'
import { createListing, createOrganisation } from '../factories'

const databaseUrl = process.env.DATABASE_URL
const terminate = async () => {
  const admin = postgres(databaseUrl!, { max: 1, onnotice: () => {} })
  try {
    await admin.unsafe(`select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()`, [
      new URL(databaseUrl!).pathname.slice(1),
    ])
  } finally {
    await admin.end({ timeout: 1 })
  }
}

function runChild(script: string, timeoutMs: number) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(path.resolve('node_modules/.bin/tsx'), [script], { env: process.env })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stderr += d))
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
    child.on('exit', (code) => {
      clearTimeout(timer)
      resolve({ code, stdout, stderr })
    })
  })
}

describe.skipIf(!databaseUrl)('database connection loss', () => {
  it('the process survives backends terminated under load, no query hangs, and the next query works', async () => {
    const { code, stdout, stderr } = await runChild('test/support/terminate-under-load.ts', 90_000)
    expect({ code, stderr: stderr.slice(0, 2000) }).toEqual({ code: 0, stderr: '' })
    const counts = JSON.parse(stdout.trim().split('\n').at(-1)!)
    expect(counts).toMatchObject({ otherErrors: 0, after: 42 })
    expect(counts.connectionErrors).toBeGreaterThan(0)
    expect(counts.ok + counts.connectionErrors).toBe(24 * 60)
  }, 120_000)

  it('requests in flight answer 503 with the unavailable message, then pages answer 200 again', async () => {
    const org = await createOrganisation({ cityCode: 'taiyuan' })
    const listing = await createListing(org.id)
    const modules = {
      'routes/listings.$id': await import('../../app/routes/listings.$id'),
      'routes/_index': await import('../../app/routes/_index'),
    }
    const build = withDatabaseOutageAnswers({
      routes: Object.fromEntries(Object.entries(modules).map(([id, module]) => [id, { id, module }])),
    } as unknown as ServerBuild)
    const messages = new Set<string>()
    const call = async (id: keyof typeof modules) => {
      const request = new Request(`http://localhost/listings/${listing.id}`, { headers: { Cookie: 'lang=zh-CN' } })
      try {
        const result = await build.routes[id]!.module.loader!({ request, params: { id: String(listing.id) }, context: {} })
        return result instanceof Response ? result.status : 200
      } catch (thrown) {
        if (!(thrown instanceof Response)) throw thrown
        if (thrown.status === 503) messages.add(await thrown.text())
        return thrown.status
      }
    }
    const statuses: number[] = []
    const load = Array.from({ length: 8 }, async () => {
      for (let i = 0; i < 10; i++) statuses.push(await call(i % 2 ? 'routes/listings.$id' : 'routes/_index'))
    })
    const kills = (async () => {
      for (let i = 0; i < 8; i++) {
        await terminate()
        await new Promise((r) => setTimeout(r, 50))
      }
    })()
    await Promise.all([...load, kills])
    expect(new Set(statuses.filter((s) => s !== 200 && s !== 503))).toEqual(new Set())
    expect(statuses).toContain(503)
    expect(messages).toEqual(new Set(['数据库暂时不可用，请稍后重试。']))
    // Once the storm is over the pool replaces its dead connections: within a second, pages answer again
    // (the first request after the last termination may still meet a connection the pool has not yet seen close).
    const settled = async (id: keyof typeof modules) => {
      let status = await call(id)
      for (let i = 0; i < 10 && status === 503; i++) {
        await new Promise((r) => setTimeout(r, 100))
        status = await call(id)
      }
      return status
    }
    expect(await settled('routes/listings.$id')).toBe(200)
    expect(await settled('routes/_index')).toBe(200)
  }, 120_000)
})
