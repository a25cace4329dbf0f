import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { db } from '../../app/db.server'
import { postMessage, startMatch } from '../../app/domain/matches/mutations.server'
import { listMatches } from '../../app/domain/matches/queries.server'
import { nudgeStaleMatches } from '../../app/domain/matches/stale.server'
import { mailOutbox, notifications } from '../../db/schema'
import { createMatchParties } from '../factories/matches'

const DAY = 86_400_000

describe('stale matches', () => {
  it('nudges both sides once after 30 days without activity, and again only after new activity goes quiet', async () => {
    const p = await createMatchParties()
    const t0 = new Date('2026-09-01T02:00:00Z')
    const { id } = await startMatch({ actor: p.colActor, listingId: p.listing.id, message: '希望合作', now: t0 })
    const staleOf = async () =>
      (await db.select().from(notifications).where(eq(notifications.kind, 'stale'))).filter((n) => n.matchId === id)

    expect(await nudgeStaleMatches({ db, now: new Date(t0.getTime() + 29 * DAY) })).toBe(0)
    expect(await nudgeStaleMatches({ db, now: new Date(t0.getTime() + 31 * DAY) })).toBe(1)
    expect((await staleOf()).map((n) => n.userId).sort()).toEqual([p.enterpriseUser.id, p.collegeUser.id].sort())
    expect(
      (await db.select().from(mailOutbox).where(eq(mailOutbox.to, p.collegeUser.email))).some((m) => m.subject.includes('30 天')),
    ).toBe(true)
    expect(await nudgeStaleMatches({ db, now: new Date(t0.getTime() + 40 * DAY) })).toBe(0)
    const list = await listMatches({
      actor: p.entActor,
      organisationId: p.enterprise.id,
      filters: { tab: 'stale' },
      now: new Date(t0.getTime() + 40 * DAY),
    })
    expect(list.items.map((i) => i.id)).toEqual([id])

    await postMessage({ actor: p.entActor, matchId: id, body: '抱歉回复晚了', now: new Date(t0.getTime() + 41 * DAY) })
    expect(await nudgeStaleMatches({ db, now: new Date(t0.getTime() + 60 * DAY) })).toBe(0)
    expect(await nudgeStaleMatches({ db, now: new Date(t0.getTime() + 72 * DAY) })).toBe(1)
    expect(await staleOf()).toHaveLength(4)
  })
})
