import { execFileSync } from 'node:child_process'
import { readFileSync, readdirSync } from 'node:fs'

/** A process and every process below it (cluster workers, an embedded Meilisearch). */
export function processTree(pid: number): number[] {
  const children = readdirSync(`/proc/${pid}/task`).flatMap((task) => {
    try {
      return readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').split(' ').filter(Boolean).map(Number)
    } catch {
      return []
    }
  })
  return [pid, ...children.flatMap(processTree)]
}

export const processName = (pid: number) => readFileSync(`/proc/${pid}/comm`, 'utf8').trim()

const ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100

/**
 * CPU time (user + system) the processes have used, in ms. Under a shared machine's load this is the
 * figure that holds: wall-clock throughput falls when others take the cores, CPU per request does not.
 */
export function cpuMilliseconds(pids: number[]) {
  let ticks = 0
  for (const pid of pids) {
    try {
      // Fields after the command name, which is in parentheses and may hold spaces: utime and stime are the 12th and 13th.
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
      ticks += Number(fields[11]) + Number(fields[12])
    } catch {
      // exited
    }
  }
  return (ticks * 1000) / ticksPerSecond
}
