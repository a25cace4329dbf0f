import { formatNumber } from '~/lib/format'
import { useT, type MessageKey } from '~/lib/i18n'

type Unit = 'yuan' | 'wan' | 'days' | 'hours' | 'percent' | 'people' | 'years'

/** Each cooperation type's own fields, in the order people read them; labels live in i18n (detail.*). */
const FIELDS: Record<string, [key: string, unit?: Unit][]> = {
  internship: [
    ['majors'],
    ['period'],
    ['location'],
    ['dailyHours', 'hours'],
    ['stipendYuanPerMonth', 'yuan'],
    ['accommodation'],
    ['orderClass'],
    ['apprenticeship'],
    ['practicalHoursShare', 'percent'],
  ],
  teacher_practice: [['field'], ['durationDays', 'days'], ['schedule'], ['tasks'], ['countsForDualQualified'], ['majors']],
  joint_lab: [
    ['researchDirection'],
    ['investmentEnterpriseWan', 'wan'],
    ['investmentCollegeWan', 'wan'],
    ['equipment'],
    ['durationYears', 'years'],
    ['expectedOutputs'],
    ['majors'],
  ],
  industry_college: [['majors'], ['plannedEnrolmentPerYear', 'people'], ['coBuiltResources'], ['governance']],
  tech_transfer: [
    ['kind'],
    ['budgetWan', 'wan'],
    ['deadline'],
    ['requiredCapability'],
    ['patentNumbers'],
    ['trl'],
    ['mode'],
    ['priceMinWan', 'wan'],
    ['priceMaxWan', 'wan'],
    ['majors'],
  ],
}

const isEmpty = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)
const LONG_TEXT = 40

/** The type-specific part of a listing, as a definition list with labels in the reader's language. */
export function ListingDetails({ type, details }: { type: string; details: Record<string, unknown> }) {
  const t = useT()
  const render = (key: string, value: unknown, unit?: Unit): string => {
    if (Array.isArray(value)) return value.map(String).join(t('common.listSeparator'))
    if (typeof value === 'boolean') return t(value ? 'common.yes' : 'common.no')
    if (key === 'kind' && (value === 'problem' || value === 'result')) return t(`detail.kind.${value}`)
    if (typeof value === 'number') {
      const n = formatNumber(value, t.lang)
      switch (unit) {
        case 'yuan':
          return t('unit.yuan', { n })
        // Chinese readers count money in 万元; English readers get the full figure.
        case 'wan':
          return t.lang === 'zh-CN' ? t('unit.wan', { n }) : t('unit.wan', { n: formatNumber(value * 10_000, t.lang) })
        case 'days':
          return t('common.days', { n })
        case 'hours':
          return t('unit.hours', { n })
        case 'percent':
          return t('unit.percent', { n })
        case 'people':
          return t('common.people', { n })
        case 'years':
          return t('unit.years', { n })
      }
      return n
    }
    return String(value)
  }
  const rows = (FIELDS[type] ?? []).filter(([key]) => !isEmpty(details[key]))
  if (rows.length === 0) return null
  return (
    <dl className="grid gap-x-6 gap-y-4 sm:grid-cols-2">
      {rows.map(([key, unit]) => {
        const text = render(key, details[key], unit)
        return (
          <div key={key} className={text.length > LONG_TEXT ? 'sm:col-span-2' : undefined}>
            <dt className="text-xs text-slate-600">{t(`detail.${key}` as MessageKey)}</dt>
            <dd className="mt-0.5 text-sm break-words whitespace-pre-line text-slate-900">{text}</dd>
          </div>
        )
      })}
    </dl>
  )
}
