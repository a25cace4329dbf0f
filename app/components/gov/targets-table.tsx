import type { TargetLine } from '~/domain/metrics/targets.server'
import { formatNumber } from '~/lib/format'
import type { GovParams } from '~/lib/gov-params'
import { useT, type MessageKey } from '~/lib/i18n'
import { FigureLink } from './figure-link'
import { GovTable } from './gov-table'

function amount(value: number, unit: TargetLine['unit'], lang: 'zh-CN' | 'en') {
  return unit === 'share' ? `${formatNumber(value * 100, lang, 1)}%` : formatNumber(value, lang, 0)
}

/** Each measurable indicator as progress towards its target with source and formula; the rest listed as unmeasurable. */
export function TargetsTable({ targets, params, links = true }: { targets: TargetLine[]; params: GovParams; links?: boolean }) {
  const t = useT()
  const measurable = targets.filter((x) => x.measurable)
  const other = targets.filter((x) => !x.measurable)
  return (
    <div className="space-y-4">
      <GovTable
        name="targets"
        minWidth="44rem"
        align="top"
        columns={[
          { label: t('gov.targets.indicator') },
          { label: t('gov.targets.target'), numeric: true },
          { label: t('gov.targets.actual'), numeric: true },
          { label: t('gov.targets.progress') },
          { label: t('gov.targets.formula') },
        ]}
      >
        {measurable.map((x) => {
          const pct = x.progress === null ? null : Math.min(1, x.progress)
          const vars = { ...(x.detail ?? {}), prev: (x.detail?.year ?? 0) - 1 }
          return (
            <tr key={x.code} data-target={x.code}>
              <td className="py-2 pr-2">
                <p>{t(`gov.indicator.${x.code}` as MessageKey)}</p>
                <p className="text-xs text-slate-500">
                  {t('gov.targets.source')}: {t(`gov.indicatorSource.${x.code}` as MessageKey)}
                </p>
              </td>
              <td className="pr-2 text-right tabular-nums">{amount(x.threshold, x.unit, t.lang)}</td>
              <td className="pr-2 text-right tabular-nums">
                {x.actual === null ? (
                  t('gov.targets.noData')
                ) : links && x.ref && x.unit === 'count' ? (
                  <FigureLink
                    value={x.actual}
                    params={params}
                    figureRef={x.ref}
                    extra={x.range ? { preset: 'custom', from: x.range.from, to: x.range.to } : {}}
                  />
                ) : (
                  amount(x.actual, x.unit, t.lang)
                )}
              </td>
              <td className="w-32 pr-2">
                {pct === null ? (
                  '—'
                ) : (
                  <span className="flex items-center gap-1">
                    <span className="h-2 w-20 overflow-hidden rounded bg-slate-200" aria-hidden>
                      <span
                        className={`block h-2 ${pct >= 1 ? 'bg-emerald-600' : 'bg-brand-600'}`}
                        style={{ width: `${Math.max(0, pct) * 100}%` }}
                      />
                    </span>
                    <span className="text-xs tabular-nums">{formatNumber((x.progress ?? 0) * 100, t.lang, 0)}%</span>
                  </span>
                )}
              </td>
              <td className="text-xs text-slate-600">{t(x.formulaKey as MessageKey, vars)}</td>
            </tr>
          )
        })}
      </GovTable>
      <div>
        <h3 className="mb-1 text-sm font-semibold">{t('gov.targets.unmeasurable')}</h3>
        <ul className="list-disc space-y-1 pl-5 text-sm" data-table="unmeasurable">
          {other.map((x) => (
            <li key={x.code}>
              {t(`gov.indicator.${x.code}` as MessageKey)}{' '}
              <span className="text-xs text-slate-500">
                ({t('gov.targets.source')}: {t(`gov.indicatorSource.${x.code}` as MessageKey)})
              </span>{' '}
              — {t(x.formulaKey as MessageKey)}
            </li>
          ))}
        </ul>
      </div>
    </div>
  )
}
