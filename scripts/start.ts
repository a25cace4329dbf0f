import { execSync } from 'node:child_process'
import { existsSync } from 'node:fs'

// `npm start` is the one command a newcomer runs: build once if there is no build yet, then serve.
if (!existsSync('build/server/index.js')) {
  console.log('首次启动：正在构建 (building the app once)…')
  execSync('npx remix vite:build', { stdio: 'inherit' })
}
process.env.NODE_ENV ??= 'production'
await import('./serve')
