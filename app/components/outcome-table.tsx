import { formatNumber, formatYuan } from '~/lib/format'
import { useT, type MessageKey } from '~/lib/i18n'
import { OUTCOME_KEY_ORDER } from '~/lib/outcome-fields'

/** A match's outcome figures as a small definition list, labels from the outcome catalogue. */
export function OutcomeTable({ type, outcome }: { type: string; outcome: Record<string, unknown> }) {
  const t = useT()
  const rows: [string, string][] = []
  const rank = (k: string) => OUTCOME_KEY_ORDER.indexOf(k) + 1 || 999
  for (const [key, value] of Object.entries(outcome).sort((a, b) => rank(a[0]) - rank(b[0]))) {
    if (key === 'incomeByYear' && value && typeof value === 'object') {
      for (const [year, amount] of Object.entries(value as Record<string, number>))
        rows.push([t('outcome.incomeByYear', { year }), formatYuan(amount, t.lang)])
      continue
    }
    const label = t(`outcome.${key}` as MessageKey)
    if (typeof value === 'boolean') rows.push([label, t(value ? 'common.yes' : 'common.no')])
    else if (typeof value === 'number') rows.push([label, key.endsWith('Yuan') ? formatYuan(value, t.lang) : formatNumber(value, t.lang)])
    else if (key === 'contractKind') rows.push([label, t(`contractKind.${value}` as MessageKey)])
    else if (Array.isArray(value)) rows.push([label, value.join(t('common.listSeparator'))])
    else if (value) rows.push([label, String(value)])
  }
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm" data-type={type}>
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-slate-600">{label}</dt>
          <dd className="font-medium text-slate-900 tabular-nums">{value}</dd>
        </div>
      ))}
    </dl>
  )
}
