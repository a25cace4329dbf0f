import { translate, taxonomyLabel, type Language } from '~/lib/i18n'
import { dayToMonth } from '~/lib/search-params'
import type { ListingSearchParams } from '~/search.server'

/** A saved search in words, as its list and its mails show it: 机电一体化 · 实习实训 · 太原市/晋中市. */
export function describeSearch(params: ListingSearchParams, lang: Language) {
  const joined = (values: string[], label: (code: string, lang: Language) => string) => values.map((v) => label(v, lang)).join('/')
  const parts = [
    params.q,
    joined(params.types, taxonomyLabel.type),
    joined(params.directions, (d, l) => translate(l, d === 'need' ? 'direction.need' : 'direction.offer')),
    joined(params.clusters, taxonomyLabel.clusterShort),
    joined(params.regions, taxonomyLabel.region),
    joined(params.cities, taxonomyLabel.city),
    joined(params.orgKinds, taxonomyLabel.orgKind),
    params.majors.join('/'),
    params.verifiedOnly ? translate(lang, 'alerts.label.verified') : '',
    params.from !== undefined || params.to !== undefined ? `${dayToMonth(params.from)}–${dayToMonth(params.to)}` : '',
    params.phase ? translate(lang, params.phase === 'upcoming' ? 'alerts.label.upcoming' : 'alerts.label.ongoing') : '',
  ].filter(Boolean)
  return parts.join(' · ') || translate(lang, 'alerts.label.everything')
}
