import type { NextFunction, Request, Response } from 'express'
import { describe, expect, it } from 'vitest'
import { hostGuard } from './security'

function run(guard: ReturnType<typeof hostGuard>, headers: Record<string, string>) {
  const req = { headers: { ...headers } } as unknown as Request
  let status = 0
  let passed = false
  const res = { status: (s: number) => ((status = s), res), type: () => res, send: () => res } as unknown as Response
  guard(req, res, (() => (passed = true)) as NextFunction)
  return { passed, status, headers: req.headers }
}

describe('hostGuard', () => {
  it('refuses a Host that is not one of the configured hosts, so no page or link is built from it', () => {
    const guard = hostGuard(['jcj.example.cn'])
    expect(run(guard, { host: 'jcj.example.cn' }).passed).toBe(true)
    expect(run(guard, { host: 'attacker.example' })).toMatchObject({ passed: false, status: 400 })
  })

  it('drops X-Forwarded-Host and refuses malformed hosts', () => {
    const guard = hostGuard([])
    const ok = run(guard, { host: '127.0.0.1:3000', 'x-forwarded-host': 'attacker.example' })
    expect(ok.passed).toBe(true)
    expect(ok.headers['x-forwarded-host']).toBeUndefined()
    for (const host of ['a b', 'évil.example', 'x.example/path', '', 'a,b'])
      expect(run(guard, { host })).toMatchObject({ passed: false, status: 400 })
  })
})
