import { describe, expect, it } from 'vitest'
import { bilingualMail } from './messages.server'

describe('bilingualMail', () => {
  it('writes the reset mail in Chinese first and English below, with the link in both', () => {
    const mail = bilingualMail('reset', { name: '王建国', minutes: 30, url: 'https://jcj.example.cn/reset-password/abc' })
    expect(mail.subject).toBe('【晋产教】重置密码 / Reset your password')
    const [zh, en] = mail.text.split('—— English ——')
    expect(zh).toContain('王建国，您好')
    expect(zh).toContain('30 分钟')
    expect(en).toContain('Hello 王建国')
    expect(en).toContain('within 30 minutes')
    for (const half of [zh, en]) expect(half).toContain('https://jcj.example.cn/reset-password/abc')
  })

  it('names the invited role in each language', () => {
    const mail = bilingualMail('invite', { org: '示例公司', days: 7, url: 'u' }, { zh: { role: '管理员' }, en: { role: 'administrator' } })
    expect(mail.text).toContain('作为管理员加入')
    expect(mail.text).toContain('as administrator')
    expect(mail.text).not.toContain('{')
  })
})
