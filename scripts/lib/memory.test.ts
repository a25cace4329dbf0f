import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'

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
