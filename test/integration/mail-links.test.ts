import { describe, expect, it } from 'vitest'
import { db } from '../../app/db.server'
import { action as forgotPassword } from '../../app/routes/forgot-password'
import { mailOutbox } from '../../db/schema'
import { createUser } from '../factories/accounts'

const post = (url: string, email: string) =>
  forgotPassword({ request: new Request(url, { method: 'POST', body: new URLSearchParams({ email }) }), params: {}, context: {} })

describe('password-reset links', () => {
  it('are never built from a forged Host: nothing is mailed, and known and unknown emails get the same answer', async () => {
    const user = await createUser()
    const before = (await db.select().from(mailOutbox)).length
    const known = (await post('http://attacker.example/forgot-password', user.email)) as Response
    const unknown = (await post('http://attacker.example/forgot-password', 'nobody@demo.jcj.example.cn')) as Response
    expect(known.status).toBe(503)
    expect(unknown.status).toBe(503)
    expect((await known.json()).error).toEqual((await unknown.json()).error)
    expect(await db.select().from(mailOutbox)).toHaveLength(before)
  })

  it('point at the trusted origin when there is one', async () => {
    const user = await createUser()
    const response = (await post('http://localhost:3000/forgot-password', user.email)) as Response
    expect(response.status).toBe(302)
    const mail = (await db.select().from(mailOutbox)).filter((m) => m.to === user.email)
    expect(mail).toHaveLength(1)
    expect(mail[0]!.text).toMatch(/http:\/\/localhost:3000\/reset-password\/[\w-]{20,}/)
  })
})
