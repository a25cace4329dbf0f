import { spawnSync } from 'node:child_process'
import { cleanEnv } from './production-server'

/** The drills that start servers run the production build; `npm test` has just made one for e2e and says so with E2E_SKIP_BUILD=1. */
export default function setup() {
  if (process.env.E2E_SKIP_BUILD === '1') return
  const build = spawnSync('npx', ['remix', 'vite:build'], { stdio: 'inherit', env: { ...cleanEnv(), NODE_ENV: 'production' } })
  if (build.status !== 0) throw new Error('npm run build failed')
}
