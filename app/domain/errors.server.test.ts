import { parseWithZod } from '@conform-to/zod'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { DomainError, isUnavailable, orRespond, replyWithError, respondingToDomainErrors } from './errors.server'

const Schema = z.object({ email: z.string(), password: z.string() })
const submissionOf = (values: Record<string, string>) => {
  const form = new FormData()
  for (const [k, v] of Object.entries(values)) form.set(k, v)
  return parseWithZod(form, { schema: Schema })
}

async function thrown(work: () => unknown) {
  try {
    await work()
  } catch (error) {
    return error
  }
  throw new Error('expected a throw')
}

describe('replyWithError', () => {
  it('puts the message beside its field in the reader’s language and keeps the input', async () => {
    const submission = submissionOf({ email: 'x@demo.jcj.example.cn', password: 'secret-password' })
    const response = replyWithError(submission, new DomainError('conflict', 'domain.emailTaken', { field: 'email' }), 'zh-CN', {
      hideFields: ['password'],
    })
    expect(response.status).toBe(409)
    const reply = await response.json()
    expect(reply.error).toEqual({ email: ['该邮箱已注册'] })
    expect(reply.initialValue).toEqual({ email: 'x@demo.jcj.example.cn' })
  })

  it('puts a message without a field above the form, in English for an English reader', async () => {
    const response = replyWithError(submissionOf({ email: 'a', password: 'b' }), new DomainError('invalid', 'auth.login.wrong'), 'en')
    expect(response.status).toBe(400)
    expect((await response.json()).error).toEqual({ '': ['Wrong email or password'] })
  })

  it('fills the message’s variables', async () => {
    const error = new DomainError('rate_limited', 'auth.login.tooManyAttempts', { vars: { minutes: 15 } })
    const response = replyWithError(submissionOf({ email: 'a', password: 'b' }), error, 'zh-CN')
    expect(response.status).toBe(429)
    expect((await response.json()).error[''][0]).toContain('15 分钟后再试')
  })

  it('turns a refusal into the 403/404 page response instead of a form message', async () => {
    const forbidden = await thrown(() => replyWithError(submissionOf({}), new DomainError('forbidden', 'domain.notOrgAdmin'), 'zh-CN'))
    expect(forbidden).toBeInstanceOf(Response)
    expect((forbidden as Response).status).toBe(403)
    expect(await (forbidden as Response).text()).toBe('您不是该机构的管理员')
    const missing = await thrown(() => replyWithError(submissionOf({}), new DomainError('not_found', 'listing.notFound'), 'en'))
    expect((missing as Response).status).toBe(404)
  })

  it('rethrows anything that is not a refusal', async () => {
    const bug = new TypeError('a bug')
    expect(await thrown(() => replyWithError(submissionOf({}), bug, 'zh-CN'))).toBe(bug)
  })
})

describe('orRespond and respondingToDomainErrors', () => {
  it('answer a DomainError with its status and translated text', async () => {
    const response = await thrown(() =>
      orRespond('en', async () => {
        throw new DomainError('conflict', 'domain.lastAdmin')
      }),
    )
    expect((response as Response).status).toBe(409)
    expect(await (response as Response).text()).toBe('An organisation must keep at least one administrator.')
  })

  it('read the language from the request’s cookie', async () => {
    const loader = respondingToDomainErrors(async (_: { request: Request }) => {
      throw new DomainError('forbidden', 'domain.platformAdminOnly')
    })
    const request = new Request('http://localhost/admin', { headers: { Cookie: 'lang=en' } })
    const response = (await thrown(() => loader({ request }))) as Response
    expect(response.status).toBe(403)
    expect(await response.text()).toBe('Only platform administrators may do this.')
  })

  it('answer a database outage with 503, and pass other errors and results through', async () => {
    const outage = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })
    const response = (await thrown(() => orRespond('zh-CN', () => Promise.reject(outage)))) as Response
    expect(response.status).toBe(503)
    const bug = new Error('bug')
    expect(await thrown(() => orRespond('zh-CN', () => Promise.reject(bug)))).toBe(bug)
    expect(await orRespond('zh-CN', async () => 42)).toBe(42)
  })
})

describe('isUnavailable', () => {
  it('recognises connection failures, also wrapped as a cause, and nothing else', () => {
    expect(isUnavailable(Object.assign(new Error(), { code: 'CONNECT_TIMEOUT' }))).toBe(true)
    expect(isUnavailable(Object.assign(new Error(), { code: '57P01' }))).toBe(true)
    expect(isUnavailable(Object.assign(new Error(), { code: '08006' }))).toBe(true)
    expect(isUnavailable(new Error('query failed', { cause: Object.assign(new Error(), { code: 'ECONNRESET' }) }))).toBe(true)
    expect(isUnavailable(Object.assign(new Error(), { code: '23505' }))).toBe(false)
    expect(isUnavailable(new Error('plain'))).toBe(false)
    expect(isUnavailable(null)).toBe(false)
  })
})
