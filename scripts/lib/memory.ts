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
