import { Card, CardTitle } from '~/components/card'
import { formatNumber } from '~/lib/format'
import { taxonomyLabel, useT } from '~/lib/i18n'
import type { Responsiveness } from '~/lib/responsiveness'

/** Median time to first reply and share answered (last 12 months), completed cooperations by type. */
export function ResponsivenessCard({ value, partners }: { value: Responsiveness; partners: { id: number; name: string }[] }) {
  const t = useT()
  const hours = value.medianFirstReplyHours
  const completed = Object.entries(value.completedByType).sort((a, b) => b[1] - a[1])
  return (
    <Card>
      <CardTitle>{t('responsiveness.title')}</CardTitle>
      {value.interestsReceived === 0 ? (
        <p className="text-sm text-slate-600">{t('responsiveness.none')}</p>
      ) : (
        <dl className="grid grid-cols-2 gap-3" data-testid="responsiveness">
          <div>
            <dt className="text-xs text-slate-600">{t('responsiveness.median')}</dt>
            <dd className="text-lg font-semibold text-slate-900 tabular-nums">
              {hours === null
                ? '—'
                : hours >= 48
                  ? t('responsiveness.daysValue', { n: formatNumber(hours / 24, t.lang, 1) })
                  : t('responsiveness.hours', { n: formatNumber(hours, t.lang, 1) })}
            </dd>
          </div>
          <div>
            <dt className="text-xs text-slate-600">{t('responsiveness.answered')}</dt>
            <dd className="text-lg font-semibold text-slate-900 tabular-nums">
              {formatNumber(Math.round((value.answeredShare ?? 0) * 100), t.lang)}%
              <span className="block text-xs font-normal text-slate-600">
                {t('responsiveness.share', {
                  answered: formatNumber(value.interestsAnswered, t.lang),
                  received: formatNumber(value.interestsReceived, t.lang),
                })}
              </span>
            </dd>
          </div>
        </dl>
      )}
      {completed.length ? (
        <div className="mt-3">
          <p className="text-xs text-slate-600">{t('responsiveness.completed')}</p>
          <ul className="mt-1 flex flex-wrap gap-1.5 text-sm">
            {completed.map(([type, n]) => (
              <li key={type} className="rounded bg-emerald-50 px-2 py-0.5 text-emerald-900">
                {taxonomyLabel.type(type, t.lang)} <span className="font-semibold tabular-nums">{formatNumber(n, t.lang)}</span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {partners.length ? (
        <div className="mt-3">
          <p className="text-xs text-slate-600">{t('responsiveness.partners')}</p>
          <p className="mt-1 text-sm break-words text-slate-800">{partners.map((p) => p.name).join(t('common.listSeparator'))}</p>
        </div>
      ) : null}
    </Card>
  )
}
