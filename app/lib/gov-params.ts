/** The dashboard's URL state, shared by loaders (parsing) and components (links). Pure: safe in the browser. */
export const PERIOD_PRESETS = ['this_year', 'last_year', 'last_12_months', 'custom'] as const
export type PeriodPreset = (typeof PERIOD_PRESETS)[number]

export const GOV_PARAM_KEYS = ['preset', 'from', 'to', 'year', 'city', 'region', 'cluster', 'type', 'size'] as const
export type GovParamKey = (typeof GOV_PARAM_KEYS)[number]
export type GovParams = Partial<Record<GovParamKey, string>>

/** The dashboard parameters found in a URL, dropping everything else. */
export function pickGovParams(search: URLSearchParams | string): GovParams {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search
  const out: GovParams = {}
  for (const key of GOV_PARAM_KEYS) {
    const value = params.get(key)
    if (value) out[key] = value
  }
  return out
}

/** A link keeping the current scope, period and filters, with some replaced (null removes one). */
export function govHref(path: string, current: GovParams, changes: Record<string, string | number | null | undefined> = {}) {
  const params = new URLSearchParams()
  for (const [k, v] of Object.entries(current)) if (v) params.set(k, v)
  for (const [k, v] of Object.entries(changes)) {
    if (v === null || v === undefined || v === '') params.delete(k)
    else params.set(k, String(v))
  }
  const query = params.toString()
  return query ? `${path}?${query}` : path
}
