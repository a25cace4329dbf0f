import type { LoaderFunctionArgs } from '@remix-run/node'
import { NavLink, Outlet, useLoaderData } from '@remix-run/react'
import { CityMap } from '~/components/gov/city-map'
import { GovErrorBoundary } from '~/components/gov/gov-error'
import { GovFilters } from '~/components/gov/gov-filters'
import { citiesInScope } from '~/domain/accounts/guards.server'
import { orRespond } from '~/domain/errors.server'
import { regionsOf } from '~/domain/metrics/gov-query.server'
import { loadGovRequest } from '~/domain/metrics/request.server'
import { getCityValues } from '~/domain/metrics/trends.server'
import { TREND_METRICS } from '~/lib/gov-figures'
import { formatDate } from '~/lib/format'
import { scopeLabel } from '~/lib/gov-labels'
import { govHref } from '~/lib/gov-params'
import { useT } from '~/lib/i18n'

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor, lang, params, q, url } = await loadGovRequest(request)
  const mapMetric = url.searchParams.get('map') ?? 'contact'
  const map = await orRespond(lang, () => getCityValues(q, mapMetric))
  const own = citiesInScope(actor.govScope)
  return {
    params,
    own: actor.govScope,
    scope: q.scope,
    period: q.period,
    regions: actor.govScope.type === 'province' ? regionsOf(own).map((g) => g.code) : [],
    cities: own,
    map,
  }
}

const TABS = [
  ['/gov', 'gov.tab.overview'],
  ['/gov/funnel', 'gov.tab.funnel'],
  ['/gov/quota', 'gov.tab.quota'],
  ['/gov/coverage', 'gov.tab.coverage'],
  ['/gov/targets', 'gov.tab.targets'],
  ['/gov/trends', 'gov.tab.trends'],
  ['/gov/tokens', 'gov.tab.tokens'],
] as const

export default function GovLayout() {
  const { params, own, scope, period, regions, cities, map } = useLoaderData<typeof loader>()
  const t = useT()
  const province = t('gov.scope.province')
  const year = period.to.slice(0, 4)
  return (
    <div className="space-y-4">
      <header className="flex flex-wrap items-baseline gap-x-4 gap-y-1">
        <h1 className="text-xl font-bold">
          {t('gov.title')} · <span data-scope>{scopeLabel(scope, t.lang, province)}</span>
        </h1>
        <p className="text-sm text-slate-600">{t('gov.scope.yours', { scope: scopeLabel(own, t.lang, province) })}</p>
        <p className="text-sm text-slate-600">
          {t('gov.period.shown', {
            from: formatDate(period.from, t.lang),
            to: formatDate(period.to, t.lang),
            pfrom: formatDate(period.previous.from, t.lang),
            pto: formatDate(period.previous.to, t.lang),
          })}
        </p>
      </header>
      <GovFilters params={params} regions={regions} cities={cities} action="" />
      <nav aria-label={t('gov.tabs')} className="-mx-1 flex flex-wrap gap-1 border-b border-slate-200 pb-2 print:hidden">
        {TABS.map(([to, key]) => (
          <NavLink
            key={to}
            to={govHref(to, params)}
            end
            className={({ isActive }) =>
              `rounded-md px-3 py-1.5 text-sm whitespace-nowrap ${isActive ? 'bg-brand-50 font-medium text-brand-700' : 'text-slate-700 hover:bg-slate-100'}`
            }
          >
            {t(key)}
          </NavLink>
        ))}
        <NavLink to={govHref('/gov/report', params, { year })} className="rounded-md px-3 py-1.5 text-sm text-slate-700 hover:bg-slate-100">
          {t('gov.tab.report')}
        </NavLink>
      </nav>
      <div className="grid gap-4 lg:grid-cols-[1fr_18rem]">
        <div className="min-w-0">
          <Outlet />
        </div>
        <aside className="space-y-2 rounded-lg border border-slate-200 bg-white p-3 print:hidden">
          <h2 className="text-sm font-semibold">{t('gov.map.title')}</h2>
          <form method="get" className="flex items-center gap-2 text-xs">
            {Object.entries(params).map(([k, v]) => (
              <input key={k} type="hidden" name={k} value={v} />
            ))}
            <label htmlFor="map-metric">{t('gov.map.metric')}</label>
            <select
              id="map-metric"
              name="map"
              defaultValue={map.metric}
              className="rounded border border-slate-300 px-1 py-1"
              onChange={(e) => e.currentTarget.form?.requestSubmit()}
            >
              {TREND_METRICS.map((m) => (
                <option key={m} value={m}>
                  {t(`gov.trends.metric.${m}`)}
                </option>
              ))}
            </select>
            <noscript>
              <button type="submit">{t('gov.filter.apply')}</button>
            </noscript>
          </form>
          <CityMap values={map.values} params={params} selected={scope.type === 'city' ? scope.code : null} />
        </aside>
      </div>
    </div>
  )
}

export const ErrorBoundary = GovErrorBoundary
