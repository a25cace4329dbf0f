import { describe, expect, it } from 'vitest'
import { alertsConfigured, allowedHosts, jobMailOrigin, mailLinksConfigured, trustedOrigin } from './link-origin.server'

describe('the origin of emailed links', () => {
  it('is PUBLIC_URL whatever Host the request names', () => {
    const env = { NODE_ENV: 'production', PUBLIC_URL: 'https://jcj.example.cn' } as const
    expect(trustedOrigin('http://attacker.example/forgot-password', env)).toBe('https://jcj.example.cn')
  })

  it('is never a forged Host in production without PUBLIC_URL, and mail links count as not configured', () => {
    const env = { NODE_ENV: 'production' } as const
    expect(trustedOrigin('http://attacker.example/forgot-password', env)).toBeNull()
    expect(trustedOrigin('http://jcj.example.cn/forgot-password', env)).toBeNull()
    expect(mailLinksConfigured(env)).toBe(false)
  })

  it('is a loopback host in production without PUBLIC_URL: a link to the reader’s own machine hands nothing to a forger', () => {
    const env = { NODE_ENV: 'production' } as const
    expect(trustedOrigin('http://localhost:3000/register', env)).toBe('http://localhost:3000')
    expect(trustedOrigin('http://127.0.0.1:3000/register', env)).toBe('http://127.0.0.1:3000')
    expect(trustedOrigin('http://localhost.attacker.example/register', env)).toBeNull()
  })

  it('may be the request host when that host is in ALLOWED_HOSTS, and only then', () => {
    const env = { NODE_ENV: 'production', ALLOWED_HOSTS: 'jcj.shanxi.gov.cn, jcj.example.cn:8443' } as const
    expect(allowedHosts(env)).toEqual(['jcj.shanxi.gov.cn', 'jcj.example.cn:8443'])
    expect(trustedOrigin('https://jcj.shanxi.gov.cn/x', env)).toBe('https://jcj.shanxi.gov.cn')
    expect(trustedOrigin('https://jcj.example.cn:8443/x', env)).toBe('https://jcj.example.cn:8443')
    expect(trustedOrigin('https://attacker.example/x', env)).toBeNull()
  })

  it('is the local host on a development machine', () => {
    expect(trustedOrigin('http://localhost:3000/x', { NODE_ENV: 'development' })).toBe('http://localhost:3000')
    expect(trustedOrigin('http://attacker.example/x', { NODE_ENV: 'development' })).toBeNull()
  })

  it('for mail a job sends (search alerts) is PUBLIC_URL only in production: no request host to trust, loopback or allowed', () => {
    expect(jobMailOrigin({ NODE_ENV: 'production', PORT: 3000 })).toBeNull()
    expect(alertsConfigured({ NODE_ENV: 'production', PORT: 3000 })).toBe(false)
    const allowedOnly = { NODE_ENV: 'production', PORT: 3000, ALLOWED_HOSTS: 'jcj.example.cn' } as const
    expect(mailLinksConfigured(allowedOnly)).toBe(true)
    expect(alertsConfigured(allowedOnly)).toBe(false)
    expect(jobMailOrigin({ NODE_ENV: 'production', PORT: 3000, PUBLIC_URL: 'https://jcj.example.cn/app' })).toBe('https://jcj.example.cn')
    expect(alertsConfigured({ NODE_ENV: 'production', PORT: 3000, PUBLIC_URL: 'https://jcj.example.cn' })).toBe(true)
    expect(jobMailOrigin({ NODE_ENV: 'development', PORT: 3000 })).toBe('http://localhost:3000')
  })
})
