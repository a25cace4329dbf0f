import { Link } from '@remix-run/react'
import { formatCount, formatNumber } from '~/lib/format'
import { govHref, type GovParams } from '~/lib/gov-params'
import { useT } from '~/lib/i18n'

export type FigureRefLike = Record<string, string | number | undefined>

/** Turns a figure reference into the records page's URL parameters. */
export function recordsHref(params: GovParams, ref: FigureRefLike, extra: Record<string, string | null> = {}) {
  const changes: Record<string, string | null> = { ...extra }
  for (const [k, v] of Object.entries(ref))
    if (v !== undefined) changes[k === 'type' ? 'ftype' : k === 'cluster' ? 'fcluster' : k] = String(v)
  return govHref('/gov/records', params, changes)
}

/** A figure as a link to the records behind it. */
export function FigureLink({
  value,
  params,
  figureRef,
  extra,
  money = false,
  className = '',
}: {
  value: number
  params: GovParams
  figureRef: FigureRefLike
  extra?: Record<string, string | null>
  money?: boolean
  className?: string
}) {
  const t = useT()
  return (
    <Link
      to={recordsHref(params, figureRef, extra)}
      className={`text-brand-700 tabular-nums underline-offset-2 hover:underline ${className}`}
      data-figure
    >
      {money ? formatNumber(value, t.lang, 0) : formatCount(value, t.lang)}
    </Link>
  )
}

/** Change against the previous period, as text with its sign. */
export function Change({ current, previous }: { current: number; previous: number }) {
  const t = useT()
  if (previous === 0) return <span className="text-xs text-slate-500">{current === 0 ? t('gov.change.same') : t('gov.change.new')}</span>
  const ratio = current / previous - 1
  if (ratio === 0) return <span className="text-xs text-slate-500">{t('gov.change.same')}</span>
  const pct = `${formatNumber(Math.abs(ratio) * 100, t.lang, 1)}%`
  return (
    <span className={`text-xs tabular-nums ${ratio > 0 ? 'text-emerald-700' : 'text-red-700'}`}>
      {t('gov.change', { sign: ratio > 0 ? '+' : '−', pct })}
    </span>
  )
}
