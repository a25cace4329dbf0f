import { describe, expect, it } from 'vitest'
import { translateMessage } from '../../app/lib/i18n/form-messages'
import { MAX_QUERY_LENGTH } from '../../app/lib/search-params'
import { action as matchAction } from '../../app/routes/matches.$id'
import { action as newListingAction } from '../../app/routes/listings.new'
import { action as registerAction } from '../../app/routes/register'
import { loader as searchLoader } from '../../app/routes/search'
import { createMatchParties, startMatch } from '../factories/matches'
import { tableChecksums } from '../support/table-checksums'

/**
 * A field of 2,000,000 characters (the as-found probe stored one in details.deadline): each is
 * refused beside its field with its limit, in the reader's language, and nothing is written.
 * The server's 256 KB form limit answers such a body before the route; this is what the route
 * itself does, for a body under that limit and for any path that skips it.
 */
const HUGE = 'x'.repeat(2_000_000)
// Sessions note when they were last seen and sign-up counts attempts: reads and refusals may touch those.
const CHANGES_ON_READ = new Set(['sessions', 'rate_limits'])

const post = (path: string, cookie: string, body: URLSearchParams, lang = 'zh-CN') =>
  new Request(`http://localhost${path}`, {
    method: 'POST',
    headers: { Cookie: `${cookie}; lang=${lang}`, 'Content-Type': 'application/x-www-form-urlencoded' },
    body,
  })

async function refusedBeside(field: string, call: () => Promise<unknown>, lang: 'zh-CN' | 'en' = 'zh-CN') {
  const before = await tableChecksums()
  const response = (await call().catch((thrown: unknown) => thrown)) as Response
  expect(response).toBeInstanceOf(Response)
  expect(response.status).toBe(400)
  const reply = (await response.json()) as { error: Record<string, string[]> }
  const after = await tableChecksums()
  expect(Object.keys(after).filter((t) => !CHANGES_ON_READ.has(t) && after[t] !== before[t])).toEqual([])
  return reply.error[field]!.map((message) => translateMessage(lang, message))
}

const techProblem = (deadline: string) =>
  new URLSearchParams([
    ['intent', 'publish'],
    ['direction', 'need'],
    ['type', 'tech_transfer'],
    ['title', '综采工作面液压支架电液控制系统故障诊断攻关'],
    ['description', '井下电液控制系统通信故障频发，需要高校团队联合攻关，提出诊断方法并在两个工作面验证。'],
    ['clusters', 'coal_machinery'],
    ['cityCode', 'jinzhong'],
    ['capacity', '1'],
    ['startsOn', '2027-03-01'],
    ['endsOn', '2027-12-31'],
    ['details.kind', 'problem'],
    ['details.budgetWan', '80'],
    ['details.requiredCapability', '矿用总线通信与故障诊断'],
    ['details.deadline', deadline],
  ])

describe('every text field has a limit', () => {
  it('a 2,000,000-character details.deadline is refused beside the field, in Chinese and in English', async () => {
    const { entCookie } = await createMatchParties()
    expect(
      await refusedBeside('details.deadline', () =>
        newListingAction({ request: post('/listings/new', entCookie, techProblem(HUGE)), params: {}, context: {} }),
      ),
    ).toEqual(['期限不能超过 40 个字'])
    expect(
      await refusedBeside(
        'details.deadline',
        () => newListingAction({ request: post('/listings/new', entCookie, techProblem(HUGE), 'en'), params: {}, context: {} }),
        'en',
      ),
    ).toEqual(['Deadline can have at most 40 characters'])
    // A draft checks what was filled in, limits included.
    const draft = techProblem(HUGE)
    draft.set('intent', 'draft')
    draft.set('description', HUGE)
    const errors = await refusedBeside('description', () =>
      newListingAction({ request: post('/listings/new', entCookie, draft), params: {}, context: {} }),
    )
    expect(errors).toEqual(['详细说明不能超过 5,000 个字'])
  })

  it('a 2,000,000-character match message or report note is refused beside it (it used to be cut or checked only in the domain)', async () => {
    const parties = await createMatchParties()
    const match = await startMatch({
      actor: parties.colActor,
      listingId: parties.listing.id,
      message: '您好，我院机电一体化专业希望对接实习岗位。',
    })
    const params = { id: String(match.id) }
    expect(
      await refusedBeside('body', () =>
        matchAction({
          request: post(`/matches/${match.id}`, parties.colCookie, new URLSearchParams({ intent: 'message', body: HUGE })),
          params,
          context: {},
        }),
      ),
    ).toEqual(['留言不能超过 2,000 个字'])
    expect(
      await refusedBeside('note', () =>
        matchAction({
          request: post(`/matches/${match.id}`, parties.entCookie, new URLSearchParams({ intent: 'report', reason: 'spam', note: HUGE })),
          params,
          context: {},
        }),
      ),
    ).toEqual(['说明不能超过 1,000 个字'])
  })

  it('a 2,000,000-character organisation name at registration is refused beside it', async () => {
    const body = new URLSearchParams({ kind: 'enterprise', name: HUGE, email: 'bounds@demo.jcj.example.cn' })
    const errors = await refusedBeside('name', () => registerAction({ request: post('/register', '', body), params: {}, context: {} }))
    expect(errors).toEqual(['机构全称不能超过 80 个字'])
  })

  it('a 2,000,000-character search query is searched by its first 200 characters, and the page says so', async () => {
    const request = new Request(`http://localhost/search?q=${'液压支架'.repeat(500_000)}`)
    const data = (await searchLoader({ request, params: {}, context: {} } as never)) as Awaited<ReturnType<typeof searchLoader>>
    expect(data.params.q).toHaveLength(MAX_QUERY_LENGTH)
    expect(data.shortened).toBe(true)
    const short = (await searchLoader({
      request: new Request('http://localhost/search?q=液压支架'),
      params: {},
      context: {},
    } as never)) as typeof data
    expect(short.shortened).toBe(false)
  })
})
