import { execFile } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { WORKER_MALLOC_ARENAS, WORKER_SEMI_SPACE_MB, workerSettings } from './cluster'

// A primary that supervises one worker; the worker fills its young generation with short-lived garbage
// and reports the environment it got and how large V8 let the young generation grow.
const primary = `
  const cluster = (await import('node:cluster')).default
  const { superviseWorkers } = await import(${JSON.stringify(path.join(import.meta.dirname, 'cluster.ts'))})
  if (cluster.isPrimary) {
    const workers = superviseWorkers({ count: 1, env: { FROM_PRIMARY: 'yes' } })
    cluster.on('message', async (_worker, message) => {
      console.log(JSON.stringify(message))
      await workers.stop()
      process.exit(0)
    })
  } else {
    const v8 = await import('node:v8')
    const ring = new Array(50_000)
    for (let i = 0; i < 2_000_000; i++) ring[i % ring.length] = { i, text: '煤机 ' + i }
    const young = v8.getHeapSpaceStatistics().find((space) => space.space_name === 'new_space').space_size
    process.send({ arenas: process.env.MALLOC_ARENA_MAX ?? null, fromPrimary: process.env.FROM_PRIMARY, youngMB: young / 2 ** 20 })
  }
`

// A file, not -e: cluster forks the primary's own script.
const script = path.join(mkdtempSync(path.join(tmpdir(), 'cluster-test-')), 'primary.mjs')
writeFileSync(script, primary)

async function workerReport(env: Record<string, string>, flags: string[] = []) {
  const { stdout } = await promisify(execFile)(process.execPath, [...flags, '--import', 'tsx', script], {
    env: { ...process.env, NODE_OPTIONS: '', ...env },
  })
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as { arenas: string | null; fromPrimary: string; youngMB: number }
}

describe('cluster workers', () => {
  it('start with few malloc arenas and a small young generation, beside what the primary passes', async () => {
    const { MALLOC_ARENA_MAX: _, ...rest } = process.env
    const report = await workerReport(rest as Record<string, string>)
    expect(report).toEqual({ arenas: WORKER_MALLOC_ARENAS, fromPrimary: 'yes', youngMB: 2 * WORKER_SEMI_SPACE_MB })
  }, 60_000)

  it("keep the operator's own choices", async () => {
    const report = await workerReport({ MALLOC_ARENA_MAX: '4' }, ['--max-semi-space-size=2'])
    expect(report).toEqual({ arenas: '4', fromPrimary: 'yes', youngMB: 4 })
  }, 60_000)

  it('see a semi-space size given in NODE_OPTIONS as chosen', () => {
    expect(workerSettings([], { NODE_OPTIONS: '--max_semi_space_size=1' }).execArgv).toEqual([])
    expect(workerSettings(['--enable-source-maps'], {}).execArgv).toEqual([
      '--enable-source-maps',
      `--max-semi-space-size=${WORKER_SEMI_SPACE_MB}`,
    ])
  })
})
