import type { NextFunction, Request, Response } from 'express'
import { describe, expect, it } from 'vitest'
import { hostGuard, MAX_REQUEST_BYTES, requestBodyGuard, securityHeaders } from './security'

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

function respond(middleware: (req: Request, res: Response, next: NextFunction) => void, method: string, headers: Record<string, string>) {
  const req = { method, headers, destroy: () => {} } as unknown as Request
  const result = { status: 0, passed: false, headers: {} as Record<string, string> }
  const res = {
    locals: {},
    status: (s: number) => ((result.status = s), res),
    type: () => res,
    send: () => res,
    setHeader: (k: string, v: string) => (result.headers[k.toLowerCase()] = v),
  } as unknown as Response
  middleware(req, res, (() => (result.passed = true)) as NextFunction)
  return result
}

describe('requestBodyGuard', () => {
  it('lets forms through and refuses JSON, text/plain and other bodies with 415 before an action sees them', () => {
    const form = { 'content-type': 'application/x-www-form-urlencoded', 'content-length': '9' }
    expect(respond(requestBodyGuard, 'POST', form).passed).toBe(true)
    expect(respond(requestBodyGuard, 'POST', { 'content-type': 'multipart/form-data; boundary=x', 'content-length': '99' }).passed).toBe(
      true,
    )
    expect(respond(requestBodyGuard, 'POST', {}).passed).toBe(true)
    for (const type of ['application/json', 'text/plain', 'application/xml', 'multipart/mixed', 'application/x-www-form-urlencodedX'])
      expect(respond(requestBodyGuard, 'POST', { 'content-type': type, 'content-length': '2' })).toMatchObject({
        passed: false,
        status: 415,
      })
    expect(respond(requestBodyGuard, 'POST', { 'content-length': '5' })).toMatchObject({ passed: false, status: 415 })
    expect(respond(requestBodyGuard, 'GET', { 'content-type': 'application/json' }).passed).toBe(true)
  })

  it('refuses a chunked body without a Content-Length with 411: the size limits could not see its size', () => {
    for (const type of ['application/x-www-form-urlencoded', 'multipart/form-data; boundary=x'])
      expect(respond(requestBodyGuard, 'POST', { 'content-type': type, 'transfer-encoding': 'chunked' })).toMatchObject({
        passed: false,
        status: 411,
      })
    expect(respond(requestBodyGuard, 'POST', { 'content-type': 'application/x-www-form-urlencoded', 'content-length': '12' }).passed).toBe(
      true,
    )
  })

  it('refuses a request larger than the overall limit with 413', () => {
    const big = { 'content-type': 'multipart/form-data; boundary=x', 'content-length': String(MAX_REQUEST_BYTES + 1) }
    expect(respond(requestBodyGuard, 'POST', big)).toMatchObject({ passed: false, status: 413 })
  })
})

describe('securityHeaders', () => {
  it('sends HSTS only when PUBLIC_URL is https, and no-store to signed-in browsers', () => {
    const before = process.env.PUBLIC_URL
    try {
      process.env.PUBLIC_URL = 'https://jcj.example.cn'
      const signedIn = respond(securityHeaders, 'GET', { cookie: 'lang=zh-CN; jcj_session=abc' })
      expect(signedIn.headers['strict-transport-security']).toContain('max-age=')
      expect(signedIn.headers['cache-control']).toBe('private, no-store')
      process.env.PUBLIC_URL = 'http://localhost:3000'
      const visitor = respond(securityHeaders, 'GET', { cookie: 'lang=zh-CN' })
      expect(visitor.headers['strict-transport-security']).toBeUndefined()
      expect(visitor.headers['cache-control']).toBeUndefined()
    } finally {
      if (before === undefined) delete process.env.PUBLIC_URL
      else process.env.PUBLIC_URL = before
    }
  })
})
