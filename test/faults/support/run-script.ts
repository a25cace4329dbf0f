import { spawn } from 'node:child_process'
import path from 'node:path'
import { cleanEnv } from './production-server'

export type ScriptRun = { code: number | null; signal: NodeJS.Signals | null; output: string }

/**
 * Runs one of the project's scripts as `npm run` would (tsx), with this file's database and search
 * environment plus `env`; `killWhen` sends SIGKILL the first time the output so far matches it.
 */
type ScriptOptions = { env?: Record<string, string>; killWhen?: RegExp; timeoutMs?: number }

export const runScript = (script: string, args: string[], options: ScriptOptions = {}) => startScript(script, args, options).done

/** The same, returning at once with a way to SIGKILL it (the script and whatever it started) at a moment the caller picks. */
export function startScript(script: string, args: string[], options: ScriptOptions = {}) {
  let killed = false
  let pid: number | undefined
  const kill = () => {
    killed = true
    try {
      process.kill(-pid!, 'SIGKILL')
    } catch {
      // gone
    }
  }
  const done = new Promise<ScriptRun>((resolve) => {
    const child = spawn(path.resolve('node_modules/.bin/tsx'), [script, ...args], {
      env: { ...cleanEnv(), NODE_ENV: 'production', ...options.env },
      detached: true,
    })
    pid = child.pid
    let output = ''
    const onData = (d: Buffer) => {
      output += d
      if (options.killWhen && !killed && options.killWhen.test(output)) kill()
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    const timer = setTimeout(kill, options.timeoutMs ?? 120_000)
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      resolve({ code, signal: killed ? 'SIGKILL' : signal, output })
    })
  })
  return { done, kill }
}
