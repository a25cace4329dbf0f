import { describe, expect, it } from 'vitest'
import { createApiToken } from '../../app/domain/metrics/api-tokens.server'
import type { GovActor } from '../../app/domain/metrics/gov-query.server'
import { loader } from '../../app/routes/api.v1.$'
import { createUser, signIn } from '../factories/accounts'

describe('the data API with a valid token', () => {
  it('answers 404 for prototype names used as endpoint names, never a 500 or an echo of its own query', async () => {
    const official = await createUser({ govScopeType: 'province', govScopeCode: 'shanxi' })
    const { actor } = await signIn(official.id)
    const { token } = await createApiToken({ actor: actor as GovActor, name: '省级监测' })
    const call = (name: string) =>
      loader({
        request: new Request(`http://localhost/api/v1/${name}`, { headers: { Authorization: `Bearer ${token}` } }),
        params: { '*': name },
        context: {},
      }).then(
        (r) => r.status,
        (thrown: unknown) => (thrown instanceof Response ? thrown.status : 500),
      )
    for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'])
      expect([name, await call(name)]).toEqual([name, 404])
    expect(await call('overview')).toBe(200)
  })
})
