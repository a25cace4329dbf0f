import { execFile, spawn } from 'node:child_process'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { groupMemory } from './memory'

// A live set, then garbage that survives the young generation (a ring of recent objects), as renders at
// 10 connections do; the child reports the largest heap it reached. Run in children: flags are per process.
const workload = (bounded: boolean) => `
  ${bounded ? "const { boundHeapGrowth } = await import('./scripts/lib/memory.ts'); boundHeapGrowth()" : ''}
  const live = Array.from({ length: 200_000 }, (_, i) => ({ i, text: '液压支架 ' + i }))
  const ring = new Array(150_000)
  let peak = 0
  for (let i = 0; i < 2_500_000; i++) {
    ring[i % ring.length] = { i, text: '综采 ' + i, list: [i, i + 1] }
    if (i % 5_000 === 0) peak = Math.max(peak, process.memoryUsage().heapTotal)
  }
  console.log(JSON.stringify({ peak, kept: live.length + ring.length }))
`

async function peakHeap(bounded: boolean) {
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', workload(bounded)], {
    env: { ...process.env, NODE_OPTIONS: '' },
  })
  return (JSON.parse(stdout) as { peak: number }).peak / 2 ** 20
}

describe('heap growth', () => {
  it('keeps the heap within about twice what stays alive, where V8 alone lets it grow several times over', async () => {
    const [unbounded, bounded] = await Promise.all([peakHeap(false), peakHeap(true)])
    expect(bounded).toBeLessThan(unbounded * 0.7)
  }, 120_000)
})

describe('process memory', () => {
  it('reads RSS, PSS and anonymous memory from smaps_rollup: a child holding 64 MB shows it, and shared pages count once in the PSS sum', async () => {
    // Two children, each holding 64 MB it has written to, until told to exit.
    const hold = `const b = Buffer.alloc(64 * 2 ** 20, 1); process.stdout.write('ready'); process.stdin.on('data', () => process.exit(0))`
    const children = [0, 1].map(() =>
      spawn(process.execPath, ['-e', hold], { stdio: ['pipe', 'pipe', 'inherit'], env: { ...process.env, NODE_OPTIONS: '' } }),
    )
    try {
      await Promise.all(children.map((child) => new Promise((resolve) => child.stdout.once('data', resolve))))
      const group = groupMemory(children.map((child) => child.pid!))
      for (const p of group.each) {
        expect(p.anonymous).toBeGreaterThan(64)
        expect(p.pss).toBeLessThanOrEqual(p.rss)
        expect(p.fileBacked).toBeGreaterThan(10) // the node binary
        expect(p.anonymous + p.fileBacked).toBeCloseTo(p.rss, 5)
      }
      expect(group.rss).toBeCloseTo(group.each[0]!.rss + group.each[1]!.rss, 5)
      // The node binary's pages are shared by both children (and any other node process here): counted once.
      expect(group.pss).toBeLessThan(group.rss - 10)
    } finally {
      for (const child of children) child.stdin.end('exit')
    }
  }, 60_000)
})
