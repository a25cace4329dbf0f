import { execSync } from 'node:child_process'
import { existsSync } from 'node:fs'

// `npm start` is the one command a newcomer runs: this prestart step builds once if there is no build
// yet (the Remix app and the compiled server script); then `node build/serve.js` serves.
if (!existsSync('build/server/index.js') || !existsSync('build/serve.js')) {
  console.log('首次启动：正在构建 (building the app once)…')
  execSync('npm run build', { stdio: 'inherit' })
}
