import { Link } from '@remix-run/react'
import { formatDateRange } from '~/lib/format'
import { taxonomyLabel, useT, type MessageKey } from '~/lib/i18n'
import type { QuotaLine } from '~/lib/quota'
import { Badge } from './badge'
import { Card } from './card'

type QuotaPost = {
  id: number
  title: string
  type: string
  capacity: number | null
  startsOn: string | null
  endsOn: string | null
  reason: 'counted' | 'not_published' | 'outside_year'
}

const LABELS: Record<string, { name: MessageKey; base: MessageKey; type: string }> = {
  internship_post_ratio: { name: 'quota.internships', base: 'form.label.technicalPostCount', type: 'internship' },
  teacher_practice_ratio: { name: 'quota.teacherPractice', base: 'form.label.staffCount', type: 'teacher_practice' },
}

/** How far the enterprise is from its policy quotas in a year (晋政办发〔2018〕38号 第十二条), and which posts count. */
export function QuotaPanel({
  quota,
  yearHref,
}: {
  quota: { year: number; lines: QuotaLine[]; posts: QuotaPost[]; postCount: number }
  yearHref: (year: number) => string
}) {
  const t = useT()
  return (
    <Card>
      <div className="mb-3 flex flex-wrap items-center gap-2">
        <h2 className="text-base font-semibold text-slate-900">{t('quota.title', { year: quota.year })}</h2>
        <nav aria-label={t('quota.yearNav')} className="ml-auto flex items-center gap-1 text-sm">
          <Link to={yearHref(quota.year - 1)} className="rounded border border-slate-300 px-2 py-1 hover:bg-slate-50" preventScrollReset>
            ‹ {t('quota.prevYear')}
          </Link>
          <span className="px-2 font-semibold tabular-nums" aria-current="page">
            {quota.year}
          </span>
          <Link to={yearHref(quota.year + 1)} className="rounded border border-slate-300 px-2 py-1 hover:bg-slate-50" preventScrollReset>
            {t('quota.nextYear')} ›
          </Link>
        </nav>
      </div>
      <p className="mb-3 text-xs text-slate-600">{t('quota.howCounted', { year: quota.year })}</p>
      <div className="grid gap-4 sm:grid-cols-2">
        {quota.lines.map((line) => {
          const label = LABELS[line.indicator]!
          const base = t(label.base)
          const share = line.required ? Math.min(1, line.published / line.required) : 0
          return (
            <div key={line.indicator} className="rounded-md border border-slate-200 p-3">
              <p className="text-sm font-medium">
                {t('quota.rule', { name: t(label.name), base, share: (line.threshold * 100).toLocaleString(t.lang) })}
              </p>
              {line.required === null ? (
                <p className="mt-1 text-sm text-slate-600">{t('quota.fillBase', { base })}</p>
              ) : (
                <>
                  <p className="mt-1 text-2xl font-bold tabular-nums">
                    {line.published} <span className="text-base font-normal text-slate-500">/ {line.required}</span>
                  </p>
                  <div
                    className="mt-2 h-2 rounded bg-slate-100"
                    role="progressbar"
                    aria-valuenow={Math.round(share * 100)}
                    aria-valuemin={0}
                    aria-valuemax={100}
                    aria-label={t(label.name)}
                  >
                    <div className={`h-2 rounded ${line.met ? 'bg-emerald-600' : 'bg-amber-500'}`} style={{ width: `${share * 100}%` }} />
                  </div>
                  <p className="mt-2 text-sm">
                    {line.met ? (
                      <span className="text-emerald-700">{t('quota.met', { base, n: line.base?.toLocaleString(t.lang) ?? '' })}</span>
                    ) : (
                      <>
                        {t('quota.missing', { missing: line.missing ?? 0, base, n: line.base?.toLocaleString(t.lang) ?? '' })}{' '}
                        <Link to={`/listings/new?type=${label.type}`} className="text-brand-700 underline">
                          {t('quota.publish')}
                        </Link>
                      </>
                    )}
                  </p>
                </>
              )}
            </div>
          )
        })}
      </div>
      <QuotaPosts posts={quota.posts} total={quota.postCount} year={quota.year} />
    </Card>
  )
}

function QuotaPosts({ posts, total, year }: { posts: QuotaPost[]; total: number; year: number }) {
  const t = useT()
  if (total === 0) return <p className="mt-3 text-sm text-slate-600">{t('quota.postsNone')}</p>
  return (
    <details className="mt-3 text-sm" open={posts.some((p) => p.reason !== 'counted')}>
      <summary className="cursor-pointer font-medium text-brand-700">{t('quota.posts', { n: total })}</summary>
      <ul className="mt-2 divide-y divide-slate-100" data-testid="quota-posts">
        {posts.map((p) => (
          <li key={p.id} className="flex flex-wrap items-baseline gap-x-3 gap-y-1 py-1.5" data-reason={p.reason}>
            <Link to={`/listings/${p.id}`} className="min-w-0 flex-1 basis-60 text-brand-700 hover:underline">
              {p.title}
            </Link>
            <span className="text-xs text-slate-600">
              {[
                taxonomyLabel.type(p.type, t.lang),
                p.capacity === null ? null : t('quota.places', { n: p.capacity }),
                p.startsOn && p.endsOn ? formatDateRange(p.startsOn, p.endsOn, t.lang) : null,
              ]
                .filter(Boolean)
                .join(' · ')}
            </span>
            <Badge tone={p.reason === 'counted' ? 'green' : 'amber'}>{t(`quota.reason.${p.reason}`, { year })}</Badge>
          </li>
        ))}
      </ul>
    </details>
  )
}
