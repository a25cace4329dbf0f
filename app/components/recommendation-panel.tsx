import { Form, Link, useSearchParams } from '@remix-run/react'
import { Badge } from '~/components/badge'
import { ButtonLink } from '~/components/button'
import { Card, CardTitle } from '~/components/card'
import { Notice } from '~/components/notice'
import { useT } from '~/lib/i18n'
import { percent, reasonText, type ReasonView } from '~/lib/matching-reasons'
import { DISMISSAL_REASONS } from '../../db/reference'

export type RecommendationItem = {
  key: string
  href: string
  title: string
  subtitle: string
  score: number
  forViewer: number
  forOther: number
  reasons: ReasonView[]
  /** Tracking's start flow, prefilled. */
  startHref: string | null
  dismiss: { targetListingId?: number; targetOrganisationId?: number } | null
}

export type RecommendationSection = { title: string; items: RecommendationItem[] }

/** Ranked counterparts, each with its three strongest reasons and weights, a "not a fit" action and one click to start. */
export function RecommendationPanel({
  title,
  sections,
  redirectTo,
  id = 'recommendations',
}: {
  title: string
  sections: RecommendationSection[]
  redirectTo: string
  id?: string
}) {
  const t = useT()
  const empty = sections.every((s) => s.items.length === 0)
  const [searchParams] = useSearchParams()
  return (
    <Card>
      <div id={id}>
        <CardTitle>{title}</CardTitle>
        {searchParams.get('dismissed') === '1' ? (
          <div className="mb-3">
            <Notice tone="success">{t('matching.dismiss.done')}</Notice>
          </div>
        ) : null}
        {empty ? <p className="text-sm text-slate-600">{t('matching.panel.empty')}</p> : null}
        {sections.map((section) =>
          section.items.length ? (
            <section key={section.title} className="mb-4 last:mb-0">
              <h3 className="mb-2 text-sm font-semibold text-slate-800">{section.title}</h3>
              <ol className="space-y-3">
                {section.items.map((item) => (
                  <li key={item.key} className="rounded-md border border-slate-200 p-3" data-recommendation={item.key}>
                    <div className="flex flex-wrap items-start justify-between gap-2">
                      <div className="min-w-0">
                        <Link to={item.href} className="font-medium break-words text-brand-700 hover:underline">
                          {item.title}
                        </Link>
                        <p className="text-xs break-words text-slate-600">{item.subtitle}</p>
                      </div>
                      <Badge tone="green">{t('matching.panel.score', { pct: percent(item.score) })}</Badge>
                    </div>
                    <ul className="mt-2 space-y-1 text-sm text-slate-800">
                      {item.reasons.map((r) => (
                        <li key={r.key} className="flex items-center gap-2">
                          {/* A fixed track, so the reasons' text lines up whatever the weights. */}
                          <span aria-hidden="true" className="inline-block h-1.5 w-12 shrink-0 overflow-hidden rounded bg-slate-200">
                            <span
                              className="block h-full rounded bg-brand-600"
                              style={{ width: `${Math.max(8, Math.min(100, Math.round(r.weight * 200)))}%` }}
                            />
                          </span>
                          <span className="min-w-0 break-words">{reasonText(t, t.lang, r)}</span>
                          <span className="ml-auto min-w-16 shrink-0 text-right text-xs whitespace-nowrap text-slate-500 tabular-nums">
                            {t('matching.reason.weight', { pct: Math.round(r.weight * 100) })}
                          </span>
                        </li>
                      ))}
                    </ul>
                    <p className="mt-1 text-xs text-slate-500">
                      {t('matching.panel.twoSided', { mine: percent(item.forViewer), theirs: percent(item.forOther) })}
                    </p>
                    <div className="mt-2 flex flex-wrap items-center gap-2">
                      {item.startHref ? (
                        <ButtonLink to={item.startHref} className="px-3 py-1.5">
                          {t('matching.panel.start')}
                        </ButtonLink>
                      ) : null}
                      {item.dismiss ? (
                        <details className="text-sm">
                          <summary className="cursor-pointer rounded px-2 py-1 text-slate-700 hover:bg-slate-100">
                            {t('matching.dismiss.button')}
                          </summary>
                          <Form method="post" action="/recommendations/dismiss" className="mt-2 flex flex-wrap items-end gap-2">
                            <input type="hidden" name="redirectTo" value={redirectTo} />
                            {item.dismiss.targetListingId ? (
                              <input type="hidden" name="targetListingId" value={item.dismiss.targetListingId} />
                            ) : null}
                            {item.dismiss.targetOrganisationId ? (
                              <input type="hidden" name="targetOrganisationId" value={item.dismiss.targetOrganisationId} />
                            ) : null}
                            <label className="flex flex-col text-xs text-slate-700">
                              {t('matching.dismiss.reasonLabel')}
                              <select name="reason" required className="mt-1 rounded border border-slate-300 px-2 py-1 text-sm">
                                {DISMISSAL_REASONS.map((reason) => (
                                  <option key={reason} value={reason}>
                                    {t(`matching.dismiss.reason.${reason}`)}
                                  </option>
                                ))}
                              </select>
                            </label>
                            <button
                              type="submit"
                              className="rounded-md border border-slate-300 bg-white px-3 py-1 text-sm hover:bg-slate-50"
                            >
                              {t('matching.dismiss.submit')}
                            </button>
                          </Form>
                        </details>
                      ) : null}
                    </div>
                  </li>
                ))}
              </ol>
            </section>
          ) : null,
        )}
      </div>
    </Card>
  )
}
