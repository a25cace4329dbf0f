import { afterEach, describe, expect, it } from 'vitest'
import { startProductionServer, type ProductionServer } from './support/production-server'

// As scripts/serve.ts prints it: Chinese first, the English in brackets, for an operator reading either.
const ZH = '⚠ 未设置 PUBLIC_URL：只有在本机 (localhost) 访问时才发送注册确认、密码重置和成员邀请邮件，其他地址的访客无法注册'
const EN =
  'PUBLIC_URL is not set: registration-confirmation, reset and invitation mail is sent only for visits on this machine (localhost), so visitors from other addresses cannot register'

let server: ProductionServer | undefined
afterEach(async () => {
  await server?.stop()
  server = undefined
})

/** The server's output once it answers: the start-up warnings are printed before it listens. */
async function startUpOutput(env: (port: number) => Record<string, string>) {
  server = await startProductionServer((port) => ({ ...env(port), WEB_CONCURRENCY: '1' }))
  return server.output()
}

describe.skipIf(!process.env.DATABASE_URL)('starting in production', () => {
  it('without PUBLIC_URL or ALLOWED_HOSTS warns, in both languages, that mail links are off and registration with them', async () => {
    const output = await startUpOutput(() => ({ PUBLIC_URL: '', ALLOWED_HOSTS: '' }))
    expect(output).toContain(ZH)
    expect(output).toContain(EN)
  })

  it('with PUBLIC_URL says nothing of it', async () => {
    const output = await startUpOutput((port) => ({ PUBLIC_URL: `http://127.0.0.1:${port}`, ALLOWED_HOSTS: '' }))
    expect(output).not.toContain(ZH)
    expect(output).not.toContain(EN)
  })
})
