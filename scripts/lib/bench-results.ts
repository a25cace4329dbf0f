import { mkdirSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

export type BenchResultRow = [measure: string, figure: string, notes: string]

export const BENCH_RESULTS_FILE = path.join(import.meta.dirname, '../../test/bench-results/latest.json')

/** What the figures were measured on: a figure means little without the machine and how busy it was. */
export function machineSnapshot() {
  const cpus = os.cpus()
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? 'unknown',
    memoryGiB: Number((os.totalmem() / 2 ** 30).toFixed(1)),
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    loadAverage: os.loadavg().map((n) => Number(n.toFixed(2))),
  }
}

export function markdownTable(rows: readonly BenchResultRow[]) {
  return ['| measure | figure | notes |', '|---|---|---|', ...rows.map(([m, f, n]) => `| ${m} | ${f} | ${n} |`)].join('\n')
}

/**
 * Starts a results record at the beginning of a bench run; `finish` prints the markdown table and writes
 * every row, the machine (load average at start and at end), the date and the arguments as JSON.
 */
export function startBenchResults({ args = process.argv.slice(2), file = BENCH_RESULTS_FILE }: { args?: string[]; file?: string } = {}) {
  const startedAt = new Date()
  const atStart = machineSnapshot()
  return {
    finish(rows: readonly BenchResultRow[], extra: Record<string, unknown> = {}) {
      console.log(`\n${markdownTable(rows)}`)
      const atEnd = machineSnapshot()
      const record = {
        date: startedAt.toISOString(),
        finishedAt: new Date().toISOString(),
        args,
        ...extra,
        machine: { ...atStart, loadAverage: { start: atStart.loadAverage, end: atEnd.loadAverage } },
        rows: rows.map(([measure, figure, notes]) => ({ measure, figure, notes })),
      }
      mkdirSync(path.dirname(file), { recursive: true })
      writeFileSync(file, `${JSON.stringify(record, null, 2)}\n`)
      console.log(`\nresults → ${path.relative(process.cwd(), file)}`)
      return record
    },
  }
}
