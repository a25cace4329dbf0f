import cliProgress from 'cli-progress'

/**
 * A progress reporter for long work: a bar on a terminal, one line per 10 % otherwise
 * (CI logs and piped output stay readable).
 */
export function createProgress() {
  const tty = process.stdout.isTTY
  let bar: cliProgress.SingleBar | undefined
  let current = ''
  let lastDecile = -1
  return {
    update(step: string, done: number, total: number) {
      if (step !== current) {
        bar?.stop()
        bar = undefined
        current = step
        lastDecile = -1
        if (tty) {
          bar = new cliProgress.SingleBar(
            { format: `${step.padEnd(10)} [{bar}] {percentage}% | {value}/{total}`, hideCursor: true },
            cliProgress.Presets.shades_classic,
          )
          bar.start(total, done)
        }
      }
      if (bar) bar.update(done)
      else {
        const decile = total ? Math.floor((done / total) * 10) : 10
        if (decile !== lastDecile) {
          lastDecile = decile
          console.log(`${step}: ${done}/${total} (${decile * 10}%)`)
        }
      }
    },
    stop() {
      bar?.stop()
      bar = undefined
    },
  }
}
