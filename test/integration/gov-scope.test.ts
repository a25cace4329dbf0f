import { describe, expect, it } from 'vitest'
import { citiesInScope, requireGovScope } from '../../app/domain/accounts/guards.server'
import { createUser, signIn } from '../factories/accounts'
import { thrown } from '../factories/outcomes'

const requestAs = (cookie: string | null, lang = 'zh-CN') =>
  new Request('http://localhost/gov', { headers: { Cookie: [cookie, `lang=${lang}`].filter(Boolean).join('; ') } })

describe('requireGovScope', () => {
  it('sends an anonymous visitor to sign in, back to where they were', async () => {
    const response = await thrown(() => requireGovScope(new Request('http://localhost/gov?city=taiyuan')))
    expect(response.status).toBe(302)
    expect(response.headers.get('Location')).toBe(`/login?redirectTo=${encodeURIComponent('/gov?city=taiyuan')}`)
  })

  it('refuses a user without a government scope with a translated 403', async () => {
    const { cookie } = await signIn((await createUser()).id)
    const zh = await thrown(() => requireGovScope(requestAs(cookie)))
    expect(zh.status).toBe(403)
    expect(await zh.text()).toBe('仅政府用户可访问')
    const en = await thrown(() => requireGovScope(requestAs(cookie, 'en')))
    expect(await en.text()).toBe('Only government users may see this.')
  })

  it('returns the actor with its scope for a government user', async () => {
    const { cookie } = await signIn((await createUser({ govScopeType: 'region', govScopeCode: 'southeast' })).id)
    const actor = await requireGovScope(requestAs(cookie))
    expect(actor.govScope).toEqual({ type: 'region', code: 'southeast' })
    expect(citiesInScope(actor.govScope)).toEqual(['changzhi', 'jincheng'])
  })
})

describe('citiesInScope', () => {
  it('covers all 11 cities for the province, a group’s cities for a region, one city for a city', () => {
    expect(citiesInScope({ type: 'province', code: 'shanxi' })).toHaveLength(11)
    expect(citiesInScope({ type: 'province', code: 'shanxi' })).toContain('yuncheng')
    expect(citiesInScope({ type: 'region', code: 'north' })).toEqual(['datong', 'shuozhou'])
    expect(citiesInScope({ type: 'city', code: 'taiyuan' })).toEqual(['taiyuan'])
  })

  it('covers nothing for an unknown region or city, rather than everything', () => {
    expect(citiesInScope({ type: 'region', code: 'atlantis' })).toEqual([])
    expect(citiesInScope({ type: 'city', code: 'beijing' })).toEqual([])
  })
})
