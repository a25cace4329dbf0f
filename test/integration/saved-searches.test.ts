import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { db } from '../../app/db.server'
import { sendSearchAlerts } from '../../app/domain/alerts/digest.server'
import {
  changeSavedSearch,
  confirmSavedSearch,
  listSavedSearches,
  manageKey,
  ownerOf,
  saveSearch,
  unsubscribeSavedSearch,
} from '../../app/domain/alerts/saved-searches.server'
import { mailOutbox } from '../../db/schema'
import { createListing, createOrganisation } from '../factories'
import { createUser, signIn } from '../factories/accounts'

const ORIGIN = 'https://jcj.example.cn'
const QUERY = 'q=机电一体化&type=internship&city=taiyuan&city=jinzhong'
/**
 * The job looks only at listings published a minute before it runs or earlier; here each run happens ten
 * minutes after the last, and listings are published a second after the last run.
 */
let clock = Date.now()
const runAlerts = () => {
  clock += 10 * 60_000
  return sendSearchAlerts({ origin: ORIGIN, now: new Date(clock + 60_000) })
}
const justPublished = () => new Date(Math.max(Date.now(), clock) + 1_000)
const mailTo = (email: string) => db.select().from(mailOutbox).where(eq(mailOutbox.to, email)).orderBy(mailOutbox.id)
const tokenIn = (text: string, path: string) => new RegExp(`${path}/([A-Za-z0-9_.-]+)`).exec(text)?.[1] ?? ''

async function publishPair(publishedAt = justPublished(), subject = '机电一体化技术') {
  const org = await createOrganisation({ name: '晋中示例煤机装备有限公司', cityCode: 'jinzhong' })
  const matching = await createListing(org.id, { title: `综采支架装配顶岗实习（${subject}）`, publishedAt })
  const other = await createListing(org.id, {
    title: '碳化硅晶圆缺陷检测联合攻关',
    description: '半导体材料检测技术合作。',
    type: 'tech_transfer',
    cityCode: 'datong',
    clusters: ['semiconductor'],
    publishedAt,
  })
  return { matching, other }
}

describe('saved searches with mail alerts', () => {
  it('mails one digest with the matching new listing, never twice, and stops after the one-click unsubscribe', async () => {
    const org = await createOrganisation()
    await createListing(org.id, { title: '机电一体化技术顶岗实习（早已发布）', publishedAt: new Date(Date.now() - 86_400_000) })
    const user = await createUser({ email: 'hr-alerts@demo.jcj.example.cn' })
    const { actor } = await signIn(user.id)
    const saved = await saveSearch({ actor, query: QUERY, address: '10.20.0.1', confirmUrl: (t) => t })
    expect(saved).toEqual({ status: 'active', email: user.email })
    const { matching, other } = await publishPair()

    expect(await runAlerts()).toBe(1)
    const mails = await mailTo(user.email)
    expect(mails).toHaveLength(1)
    const [mail] = mails
    expect(mail!.subject).toContain('「机电一体化 · 实习实训（顶岗实习） · 太原市/晋中市」')
    expect(mail!.text).toContain(matching.title)
    expect(mail!.text).toContain(`${ORIGIN}/listings/${matching.id}`)
    expect(mail!.text).not.toContain(other.title)
    expect(mail!.text).not.toContain('早已发布')
    const unsubscribe = tokenIn(mail!.text, '/saved-searches/unsubscribe')
    expect(mail!.headers).toEqual({
      'List-Unsubscribe': `<${ORIGIN}/saved-searches/unsubscribe/${unsubscribe}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    })

    expect(await runAlerts()).toBe(0)
    expect(await mailTo(user.email)).toHaveLength(1)

    await expect(unsubscribeSavedSearch({ token: `${unsubscribe.split('.')[0]}.forged` })).rejects.toMatchObject({ code: 'not_found' })
    await unsubscribeSavedSearch({ token: unsubscribe })
    await createListing(org.id, { title: '机电一体化技术实习（退订之后）', cityCode: 'taiyuan', publishedAt: justPublished() })
    expect(await runAlerts()).toBe(0)
    expect(await mailTo(user.email)).toHaveLength(1)
    expect((await listSavedSearches({ owner: { kind: 'user', userId: user.id } }))[0]).toMatchObject({ status: 'unsubscribed' })
  })

  it('sends an unconfirmed visitor address only the confirmation, and alerts once it is confirmed', async () => {
    const email = 'visitor-alerts@demo.jcj.example.cn'
    const saved = await saveSearch({
      actor: { kind: 'anonymous' },
      query: 'q=风电运维&type=internship&city=jinzhong',
      email,
      address: '10.20.0.2',
      confirmUrl: (t) => `${ORIGIN}/saved-searches/confirm/${t}`,
    })
    expect(saved).toEqual({ status: 'pending', email })
    await publishPair(new Date(), '风电运维')
    expect(await runAlerts()).toBe(0)
    const [confirmation, ...rest] = await mailTo(email)
    expect(rest).toHaveLength(0)
    expect(confirmation!.subject).toContain('请确认搜索提醒')

    await confirmSavedSearch({ token: tokenIn(confirmation!.text, '/saved-searches/confirm') })
    await expect(confirmSavedSearch({ token: tokenIn(confirmation!.text, '/saved-searches/confirm') })).rejects.toMatchObject({
      code: 'invalid',
    })
    // Only what is published after the confirmation counts.
    expect(await runAlerts()).toBe(0)
    const { matching } = await publishPair(justPublished(), '风电运维')
    expect(await runAlerts()).toBe(1)
    const mails = await mailTo(email)
    expect(mails).toHaveLength(2)
    expect(mails[1]!.text).toContain(matching.title)
  })

  it('refuses an empty search and keeps another user’s saved searches out of reach', async () => {
    const owner = await createUser()
    const stranger = await createUser()
    const ownerActor = (await signIn(owner.id)).actor
    await expect(saveSearch({ actor: ownerActor, query: 'page=3', address: '10.20.0.3', confirmUrl: (t) => t })).rejects.toMatchObject({
      code: 'invalid',
      messageKey: 'alerts.save.empty',
    })
    await saveSearch({ actor: ownerActor, query: 'q=焊接&city=taiyuan', address: '10.20.0.3', confirmUrl: (t) => t })
    const [mine] = await listSavedSearches({ owner: { kind: 'user', userId: owner.id } })
    expect(mine).toBeDefined()

    const strangerOwner = (await ownerOf({ actor: (await signIn(stranger.id)).actor }))!
    expect(await listSavedSearches({ owner: strangerOwner })).toEqual([])
    for (const change of ['pause', 'delete'] as const)
      await expect(changeSavedSearch({ owner: strangerOwner, id: mine!.id, change })).rejects.toMatchObject({ code: 'not_found' })
    await expect(
      ownerOf({ actor: { kind: 'anonymous' }, key: `${(await manageKey(stranger.email)).split('.')[0]}.forged` }),
    ).rejects.toThrow()
    const byKey = (await ownerOf({ actor: { kind: 'anonymous' }, key: await manageKey(stranger.email) }))!
    await expect(changeSavedSearch({ owner: byKey, id: mine!.id, change: 'delete' })).rejects.toMatchObject({ code: 'not_found' })

    await changeSavedSearch({ owner: { kind: 'user', userId: owner.id }, id: mine!.id, change: 'delete' })
    expect(await listSavedSearches({ owner: { kind: 'user', userId: owner.id } })).toEqual([])
  })
})
