import { describe, expect, it, vi } from 'vitest'

// Once `down`, the database refuses every connection: each query the app builds rejects as postgres-js does then.
const outage = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })
const state = vi.hoisted(() => {
  // Sessions are signed with this instead of a secret file written into DATA_DIR.
  process.env.SESSION_SECRET = 'database-down-test-secret-0123456789abcdef'
  return { down: true }
})
const unreachable: unknown = new Proxy(function () {}, {
  get: (_, key) =>
    key === 'then'
      ? (resolve: (v: unknown) => void, reject: (e: unknown) => void) => (state.down ? reject(outage) : resolve([]))
      : unreachable,
  apply: () => unreachable,
})
vi.mock('~/db.server', async (importOriginal) => ({ ...(await importOriginal<object>()), db: unreachable }))

async function thrown(work: () => Promise<unknown>) {
  try {
    await work()
  } catch (error) {
    return error as Response
  }
  throw new Error('expected a throw')
}

describe('when the database is down', () => {
  it('a page answers 503 暂时不可用 (its own page), not a server error', async () => {
    const { loader } = await import('./routes/_index')
    const request = new Request('http://localhost/')
    const response = await thrown(() => loader({ request, params: {}, context: {} }) as Promise<unknown>)
    expect(response).toBeInstanceOf(Response)
    expect(response.status).toBe(503)
    expect(await response.text()).toBe('数据库暂时不可用，请稍后重试。')
  })

  it('the root answers 503 for a signed-in visitor, in their language', async () => {
    const { loader } = await import('./root')
    const { createUserSession } = await import('./domain/accounts/session.server')
    state.down = false
    const cookie = await createUserSession({ userId: 1, activeOrganisationId: null })
    state.down = true
    const request = new Request('http://localhost/', { headers: { Cookie: `lang=en; ${cookie.split(';')[0]}` } })
    const response = await thrown(() => loader({ request, params: {}, context: {} }) as Promise<unknown>)
    expect(response.status).toBe(503)
    expect(await response.text()).toBe('The database is temporarily unavailable. Please try again shortly.')
  })
})
