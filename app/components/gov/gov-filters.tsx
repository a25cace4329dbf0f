import { Form } from '@remix-run/react'
import { PERIOD_PRESETS, type GovParams } from '~/lib/gov-params'
import { cityLabel, regionLabel } from '~/lib/gov-labels'
import { taxonomyLabel, useT } from '~/lib/i18n'
import { taxonomy } from '../../../db/reference'

const field = 'rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm'

/** The period, area and slice of every government page: a GET form, so it works before JavaScript and keeps the URL shareable. */
export function GovFilters({
  params,
  regions,
  cities,
  action,
  extra,
}: {
  params: GovParams
  regions: string[]
  cities: string[]
  action: string
  extra?: Record<string, string>
}) {
  const t = useT()
  const preset = params.preset ?? (params.from || params.to ? 'custom' : 'this_year')
  return (
    <Form
      method="get"
      action={action}
      className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3 text-sm print:hidden"
    >
      {Object.entries(extra ?? {}).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <label className="flex flex-col gap-1">
        <span className="text-xs text-slate-600">{t('gov.period')}</span>
        <select name="preset" defaultValue={preset} className={field}>
          {PERIOD_PRESETS.map((p) => (
            <option key={p} value={p}>
              {t(`gov.period.${p}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1">
        <span className="text-xs text-slate-600">{t('gov.period.from')}</span>
        <input type="date" name="from" defaultValue={params.from ?? ''} className={field} />
      </label>
      <label className="flex flex-col gap-1">
        <span className="text-xs text-slate-600">{t('gov.period.to')}</span>
        <input type="date" name="to" defaultValue={params.to ?? ''} className={field} />
      </label>
      {regions.length > 1 ? (
        <label className="flex flex-col gap-1">
          <span className="text-xs text-slate-600">{t('gov.filter.region')}</span>
          <select name="region" defaultValue={params.region ?? ''} className={field}>
            <option value="">{t('gov.scope.all')}</option>
            {regions.map((r) => (
              <option key={r} value={r}>
                {regionLabel(r, t.lang)}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      {cities.length > 1 ? (
        <label className="flex flex-col gap-1">
          <span className="text-xs text-slate-600">{t('gov.filter.city')}</span>
          <select name="city" defaultValue={params.city ?? ''} className={field}>
            <option value="">{t('gov.scope.all')}</option>
            {cities.map((c) => (
              <option key={c} value={c}>
                {cityLabel(c, t.lang)}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <label className="flex flex-col gap-1">
        <span className="text-xs text-slate-600">{t('gov.filter.cluster')}</span>
        <select name="cluster" defaultValue={params.cluster ?? ''} className={`${field} max-w-48`}>
          <option value="">{t('gov.filter.any')}</option>
          {taxonomy.clusters.map((c) => (
            <option key={c.code} value={c.code}>
              {taxonomyLabel.cluster(c.code, t.lang)}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1">
        <span className="text-xs text-slate-600">{t('gov.filter.type')}</span>
        <select name="type" defaultValue={params.type ?? ''} className={`${field} max-w-48`}>
          <option value="">{t('gov.filter.any')}</option>
          {taxonomy.cooperation_types.map((c) => (
            <option key={c.code} value={c.code}>
              {taxonomyLabel.type(c.code, t.lang)}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="rounded-md bg-brand-600 px-4 py-1.5 font-medium text-white hover:bg-brand-700">
        {t('gov.filter.apply')}
      </button>
    </Form>
  )
}
