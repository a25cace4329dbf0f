import { execSync, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'

/**
 * `npm test`: the whole suite. Unit and integration (real Postgres when one answers,
 * else PGlite; a real Meilisearch), then end-to-end in Chromium on a production build.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

function hasCjkFont() {
  try {
    return /wqy|noto.*cjk|source han/i.test(execSync('fc-list', { encoding: 'utf8' }))
  } catch {
    return false
  }
}

function ensureBrowser() {
  const missing = [!existsSync(CHROMIUM) && 'chromium', !hasCjkFont() && 'fonts-wqy-microhei'].filter(Boolean) as string[]
  if (missing.length === 0) return
  const isRoot = process.getuid?.() === 0
  const hasApt = existsSync('/usr/bin/apt-get')
  if (!isRoot || !hasApt) {
    console.error(
      `\n✖ 端到端测试需要系统软件包 (end-to-end tests need system packages): ${missing.join(' ')}\n` +
        `  请安装后重试 (install them, then run npm test again):\n    sudo apt-get install -y ${missing.join(' ')}\n` +
        `  或设置 CHROMIUM_PATH 指向已安装的 Chromium。\n`,
    )
    process.exit(1)
  }
  console.log(`正在安装 (installing) ${missing.join(' ')} …`)
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
  const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env })
  const install = spawnSync('apt-get', ['install', '-y', '-qq', ...missing], { stdio: 'inherit', env })
  if (update.status !== 0 || install.status !== 0 || !existsSync(CHROMIUM)) {
    console.error(`\n✖ 安装失败 (apt-get failed). 请手动安装: apt-get install -y ${missing.join(' ')}\n`)
    process.exit(1)
  }
}

/** Lint and format first: they are quick, and a layer violation should stop the run before the slow part. */
function check(label: string, command: string, args: string[]) {
  console.log(`\n━━ ${label} ━━`)
  const result = spawnSync('npx', [command, ...args], { stdio: 'inherit' })
  console.log(`━━ ${label}: ${result.status === 0 ? 'passed' : 'FAILED'}`)
  return result.status === 0
}

function run(label: string, args: string[], env: Record<string, string> = {}) {
  console.log(`\n━━ ${label} ━━`)
  const started = performance.now()
  const result = spawnSync('npx', ['vitest', 'run', ...args], { stdio: 'inherit', env: { ...process.env, ...env } })
  console.log(`━━ ${label}: ${result.status === 0 ? 'passed' : 'FAILED'} in ${((performance.now() - started) / 1000).toFixed(1)} s`)
  return result.status === 0
}

const extra = process.argv.slice(2)
ensureBrowser()
const started = performance.now()
const checked =
  check('lint (eslint, zero warnings)', 'eslint', ['.', '--max-warnings', '0']) && check('format (prettier)', 'prettier', ['--check', '.'])
const unitAndIntegration = checked && run('unit + integration', extra)
const e2e = unitAndIntegration && run('end-to-end (Chromium, production build)', ['--config', 'vitest.e2e.config.ts', ...extra])
// The drills start production servers on the build the e2e stage just made.
const faults = e2e && run('fault drills', ['--config', 'vitest.faults.config.ts', ...extra], { E2E_SKIP_BUILD: '1' })
console.log(`\nWhole suite ${faults ? 'passed' : 'failed'} in ${((performance.now() - started) / 1000).toFixed(1)} s`)
process.exit(faults ? 0 : 1)
