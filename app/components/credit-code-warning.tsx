import { taxonomyLabel, useT } from '~/lib/i18n'
import { checkCreditCodeDivision, PROVINCES } from '../../db/reference'

/**
 * Where a credit code was registered, when that is outside Shanxi or not the chosen city: a
 * warning to check, not a refusal (a branch may hold its parent's code).
 */
export function CreditCodeWarning({ code, cityCode }: { code?: string; cityCode?: string }) {
  const t = useT()
  const check = checkCreditCodeDivision(code?.trim().toUpperCase(), cityCode)
  if (!check?.flag || !code || code.trim().length !== 18) return null
  const place = check.divisionCity
    ? taxonomyLabel.city(check.divisionCity, t.lang)
    : ((t.lang === 'zh-CN' ? PROVINCES[check.province]?.name : PROVINCES[check.province]?.en) ?? check.province)
  return (
    <p role="status" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900 sm:col-span-2">
      {check.flag === 'outside_shanxi'
        ? t('registration.divisionOutside', { place, division: check.division })
        : t('registration.divisionMismatch', { place, division: check.division, city: taxonomyLabel.city(cityCode ?? '', t.lang) })}
    </p>
  )
}
