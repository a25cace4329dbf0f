import { sql } from 'drizzle-orm'
import type { Database } from '../../db/client'

/**
 * Grows the seeded matches for the benchmark: `matches` closed copies of seeded matches between
 * shuffled pairs of organisations (closed, so the one-open-match rule does not apply), then message
 * events until there are `events` in total, in set-based SQL so millions of rows take minutes.
 */
export async function growMatches(db: Database, { matches, events }: { matches: number; events: number }) {
  await db.execute(sql`
    with seeded as (select m.*, row_number() over (order by id) - 1 as rn, count(*) over () as total from matches m)
    insert into matches (listing_id, initiator_organisation_id, partner_organisation_id, type, stage, outcome, version,
                         signed_at, completed_at, last_activity_at, created_at, updated_at)
    select m.listing_id, m.initiator_organisation_id, m.partner_organisation_id, m.type,
           case when g % 3 = 0 then 'terminated' else 'completed' end, m.outcome, m.version, m.signed_at, m.completed_at,
           m.last_activity_at - (g % 900) * interval '1 day', m.created_at - (g % 900) * interval '1 day', now()
    from generate_series(1, ${matches}) g
    join seeded m on m.rn = (g::bigint * 7919) % m.total`)
  const [{ n }] = (await db.execute(sql`select count(*)::int as n from match_events`)) as unknown as { n: number }[]
  const missing = Math.max(0, events - Number(n))
  const [{ total }] = (await db.execute(sql`select count(*)::int as total from matches`)) as unknown as { total: number }[]
  const perMatch = Math.ceil(missing / Number(total))
  // Whole matches at a time, so every history stays gap-free: seq continues after the match's last event.
  await db.execute(sql`
    insert into match_events (match_id, actor_user_id, actor_organisation_id, kind, body, seq, created_at)
    select m.id, null, case when k % 2 = 0 then m.initiator_organisation_id else m.partner_organisation_id end, 'message',
           '基准测试留言：双方就实习安排与补贴标准继续沟通。', coalesce(last.seq, 0) + k, m.created_at + k * interval '1 hour'
    from matches m
    left join lateral (select max(seq) as seq from match_events e where e.match_id = m.id) last on true
    cross join generate_series(1, ${perMatch}) k`)
  await db.execute(sql`analyze matches; analyze match_events`)
}
