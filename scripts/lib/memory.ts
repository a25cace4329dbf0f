import { readFileSync } from 'node:fs'
import { setFlagsFromString } from 'node:v8'

/**
 * How far V8 lets the old generation grow past what the last full collection kept: 50% here, instead of
 * V8's own factor (up to 4× on a machine with this much memory). A page render's garbage outlives the
 * young generation at 10 connections, so under load a worker's heap grew to ~210 MB over ~65 MB live and
 * stayed there; bounded, it stays ~125 MB (scripts/lib/memory.test.ts, and the notes for the load test),
 * for a few more full collections (7 instead of 2 per worker in the load test, ~60 ms each).
 */
export const HEAP_GROWING_PERCENT = 50

/** Applies to this process from the next collection on; every serving process calls it at start. */
export function boundHeapGrowth() {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`)
}

export type ProcessMemory = { rss: number; pss: number; anonymous: number; fileBacked: number }

/**
 * A process's resident memory in MB from /proc/<pid>/smaps_rollup (Linux). RSS counts every page the
 * process maps, so the node binary and native addons (~50 MB) are counted again in each process; PSS
 * divides each shared page among the processes that map it, so PSS sums to what they take together.
 */
export function processMemory(pid: number): ProcessMemory {
  const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8')
  const mb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(rollup)?.[1] ?? 0) / 1024
  return { rss: mb('Rss'), pss: mb('Pss'), anonymous: mb('Anonymous'), fileBacked: mb('Rss') - mb('Anonymous') }
}

/** The RSS sum and the PSS sum of a group of processes (a server's primary and workers), with each process's figures. */
export function groupMemory(pids: readonly number[]) {
  const each = pids.map((pid) => ({ pid, ...processMemory(pid) }))
  return { each, rss: each.reduce((sum, p) => sum + p.rss, 0), pss: each.reduce((sum, p) => sum + p.pss, 0) }
}
