import { spawn } from 'node:child_process'
import path from 'node:path'
import { cleanEnv } from './production-server'

export type ScriptRun = { code: number | null; signal: NodeJS.Signals | null; output: string }

/**
 * Runs one of the project's scripts as `npm run` would (tsx), with this file's database and search
 * environment plus `env`; `killWhen` sends SIGKILL the first time the output so far matches it.
 */
export function runScript(script: string, args: string[], options: { env?: Record<string, string>; killWhen?: RegExp; timeoutMs?: number } = {}) {
  return new Promise<ScriptRun>((resolve) => {
    const child = spawn(path.resolve('node_modules/.bin/tsx'), [script, ...args], {
      env: { ...cleanEnv(), NODE_ENV: 'production', ...options.env },
      detached: true,
    })
    let output = ''
    let killed = false
    const kill = () => {
      try {
        process.kill(-child.pid!, 'SIGKILL')
      } catch {
        // gone
      }
    }
    const onData = (d: Buffer) => {
      output += d
      if (options.killWhen && !killed && options.killWhen.test(output)) {
        killed = true
        kill()
      }
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    const timer = setTimeout(kill, options.timeoutMs ?? 120_000)
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      resolve({ code, signal: killed ? 'SIGKILL' : signal, output })
    })
  })
}
