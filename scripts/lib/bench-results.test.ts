import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { markdownTable, startBenchResults, type BenchResultRow } from './bench-results'

const dir = mkdtempSync(path.join(os.tmpdir(), 'jcj-bench-results-'))
afterEach(() => vi.restoreAllMocks())

describe('bench results file', () => {
  it('writes every row, the machine with its load at start and end, the date and the arguments as JSON', () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {})
    const file = path.join(dir, 'nested', 'latest.json')
    const results = startBenchResults({ args: ['search', '--generated'], file })
    const rows: BenchResultRow[] = [
      ['engine processingTimeMs p50 / p95', '3.0 ms / 5.0 ms', '15 requests × 20 rounds'],
      ['app search page loader p50 / p95', '9.0 ms / 12.0 ms', '1.20× floor p50'],
    ]
    results.finish(rows, { driver: 'postgres' })
    const written = JSON.parse(readFileSync(file, 'utf8'))
    expect(written.args).toEqual(['search', '--generated'])
    expect(written.driver).toBe('postgres')
    expect(new Date(written.date).getTime()).toBeLessThanOrEqual(new Date(written.finishedAt).getTime())
    expect(written.rows).toEqual(rows.map(([measure, figure, notes]) => ({ measure, figure, notes })))
    expect(written.machine).toMatchObject({ cpus: os.cpus().length, node: process.version })
    expect(written.machine.memoryGiB).toBeGreaterThan(0)
    expect(written.machine.loadAverage.start).toHaveLength(3)
    expect(written.machine.loadAverage.end).toHaveLength(3)
    // The same table is printed for the README.
    expect(log.mock.calls.map((c) => String(c[0])).join('\n')).toContain(markdownTable(rows))
    rmSync(dir, { recursive: true, force: true })
  })
})
