import { formatNumber } from '~/lib/format'
import { useT } from '~/lib/i18n'
import { Card, CardTitle } from './card'

export type ListingStats = { viewsLast30: number; viewsTotal: number; interest: number }

/** Views and interest of one listing, shown to its own organisation only (the loader sends nothing to others). */
export function ListingStatsCard({ stats }: { stats: ListingStats }) {
  const t = useT()
  const figure = (label: string, value: number, name: string) => (
    <div>
      <dt className="text-xs text-slate-600">{label}</dt>
      <dd className="text-lg font-semibold text-slate-900 tabular-nums" data-stat={name}>
        {formatNumber(value, t.lang)}
      </dd>
    </div>
  )
  return (
    <Card>
      <CardTitle>{t('listing.stats.title')}</CardTitle>
      <dl className="grid grid-cols-3 gap-3" data-listing-stats>
        {figure(t('listing.stats.views30'), stats.viewsLast30, 'views30')}
        {figure(t('listing.stats.viewsTotal'), stats.viewsTotal, 'viewsTotal')}
        {figure(t('listing.stats.interest'), stats.interest, 'interest')}
      </dl>
      <p className="mt-2 text-xs text-slate-600">{t('listing.stats.hint')}</p>
    </Card>
  )
}
