import { Link } from '@remix-run/react'
import { Badge } from '~/components/badge'
import { Card, CardTitle } from '~/components/card'
import { formatCount } from '~/lib/format'
import { taxonomyLabel, useT, type MessageKey } from '~/lib/i18n'

export type AllocationViewData = {
  variant: 'deferred_acceptance' | 'flexible_deferred_acceptance'
  summary: { assigned: number; unassigned: number; posts: number; places: number }
  /** Absent on runs saved before the check was recorded. */
  blockingPairs?: number
  requests: { id: string; line: number; major: string; headcount: number; collegeName: string }[]
  assignments: {
    requestId: string
    postId: number
    postTitle: string
    enterpriseName: string
    cityCode: string
    count: number
    choice: number
    choices: number
  }[]
  unassigned: { requestId: string; reason: string; count: number; choices: number }[]
  regionCounts: Record<string, number>
}

const th = 'px-2 py-1.5 text-left text-xs font-medium text-slate-600'
const td = 'px-2 py-1.5 align-top'

/** The assignments with why each one, and the unassigned demand with its reason. */
export function AllocationResult({ view }: { view: AllocationViewData }) {
  const t = useT()
  const request = new Map(view.requests.map((r) => [r.id, r]))
  const label = (id: string) => {
    const r = request.get(id)
    return r ? `${r.line}. ${r.major} · ${r.collegeName}` : id
  }
  return (
    <Card>
      <div id="allocation-result" className="space-y-4">
        <div className="flex flex-wrap items-center gap-2">
          <CardTitle>{t('allocation.result')}</CardTitle>
          <Badge tone="blue">{t(`allocation.variant.${view.variant}`)}</Badge>
          {view.blockingPairs === undefined ? null : (
            <Badge tone={view.blockingPairs === 0 ? 'green' : 'amber'}>{t('allocation.stable', { count: view.blockingPairs })}</Badge>
          )}
        </div>
        <p className="text-sm text-slate-800">
          {t('allocation.summary', {
            assigned: formatCount(view.summary.assigned, t.lang),
            unassigned: formatCount(view.summary.unassigned, t.lang),
            posts: formatCount(view.summary.posts, t.lang),
            places: formatCount(view.summary.places, t.lang),
          })}
        </p>
        <ul className="flex flex-wrap gap-2 text-xs">
          {Object.entries(view.regionCounts).map(([region, n]) => (
            <li key={region} className="rounded bg-slate-100 px-2 py-1">
              {taxonomyLabel.region(region, t.lang)} <span className="font-semibold tabular-nums">{n}</span>
            </li>
          ))}
        </ul>
        <div className="overflow-x-auto">
          <table className="w-full text-sm sm:min-w-[36rem]">
            <thead>
              <tr className="border-b border-slate-200">
                <th className={th}>{t('allocation.col.request')}</th>
                <th className={th}>{t('allocation.col.post')}</th>
                <th className={`${th} hidden sm:table-cell`}>{t('allocation.col.city')}</th>
                <th className={`${th} text-right whitespace-nowrap`}>{t('allocation.col.count')}</th>
                <th className={`${th} hidden sm:table-cell`}>{t('allocation.col.why')}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {view.assignments.map((a) => (
                <tr key={`${a.requestId}-${a.postId}`}>
                  <td className={td}>{label(a.requestId)}</td>
                  <td className={td}>
                    <Link to={`/listings/${a.postId}`} className="break-words text-brand-700 hover:underline">
                      {a.postTitle}
                    </Link>
                    <span className="block text-xs text-slate-600">{a.enterpriseName}</span>
                    {/* On a phone the city and the explanation go under the post instead of their own columns. */}
                    <span className="block text-xs text-slate-700 sm:hidden">
                      {taxonomyLabel.city(a.cityCode, t.lang)} · {t('allocation.why', { choice: a.choice, choices: a.choices })}
                    </span>
                  </td>
                  <td className={`${td} hidden whitespace-nowrap sm:table-cell`}>{taxonomyLabel.city(a.cityCode, t.lang)}</td>
                  <td className={`${td} text-right tabular-nums`}>{a.count}</td>
                  <td className={`${td} hidden text-xs whitespace-nowrap text-slate-700 sm:table-cell`}>
                    {t('allocation.why', { choice: a.choice, choices: a.choices })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {view.unassigned.length ? (
          <section>
            <h3 className="mb-2 text-sm font-semibold text-slate-800">{t('allocation.unassignedTitle')}</h3>
            <div className="overflow-x-auto">
              <table className="w-full text-sm">
                <thead>
                  <tr className="border-b border-slate-200">
                    <th className={th}>{t('allocation.col.request')}</th>
                    <th className={`${th} text-right whitespace-nowrap`}>{t('allocation.col.count')}</th>
                    <th className={th}>{t('allocation.col.reason')}</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {view.unassigned.map((u) => (
                    <tr key={`${u.requestId}-${u.reason}`}>
                      <td className={td}>{label(u.requestId)}</td>
                      <td className={`${td} text-right tabular-nums`}>{u.count}</td>
                      <td className={`${td} text-amber-800`}>{t(`allocation.reason.${u.reason}` as MessageKey, { choices: u.choices })}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        ) : null}
      </div>
    </Card>
  )
}
