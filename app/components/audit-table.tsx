import { Fragment } from 'react'
import { auditActionLabel, auditSummaryLines } from '~/lib/audit-labels'
import { useT } from '~/lib/i18n'
import { formatDateTime } from '~/lib/match-format'

export type AuditRow = {
  id: number
  action: string
  entity: string
  entityId: number | null
  summary: Record<string, unknown>
  createdAt: string | Date
  actorName: string | null
  actorEmail: string | null
  organisationName: string | null
}

export function AuditTable({ rows }: { rows: AuditRow[] }) {
  const t = useT()
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      {/* On phones each row is a block (time, who, organisation, action, summary): the five columns need 48rem. */}
      <table className="w-full text-sm sm:min-w-[48rem]">
        <thead className="bg-slate-50 text-left text-xs text-slate-500 max-sm:hidden">
          <tr>
            <th className="px-3 py-2 font-medium">{t('audit.time')}</th>
            <th className="px-3 py-2 font-medium">{t('audit.actor')}</th>
            <th className="px-3 py-2 font-medium">{t('audit.org')}</th>
            <th className="px-3 py-2 font-medium">{t('audit.action')}</th>
            <th className="px-3 py-2 font-medium">{t('audit.summary')}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((r) => (
            <tr key={r.id} className="align-top max-sm:block max-sm:py-2">
              <td className="px-3 py-2 whitespace-nowrap max-sm:block max-sm:py-0.5 max-sm:text-xs max-sm:text-slate-500">
                {formatDateTime(r.createdAt, t.lang)}
              </td>
              <td className="px-3 py-2 max-sm:block max-sm:py-0.5">{r.actorName ?? t('common.system')}</td>
              <td className="px-3 py-2 max-sm:block max-sm:py-0.5">{r.organisationName ?? '—'}</td>
              <td className="px-3 py-2 text-xs max-sm:block max-sm:py-0.5">
                {auditActionLabel(r.action, t.lang)}
                {r.entityId ? <span className="text-slate-500"> #{r.entityId}</span> : null}
              </td>
              <td className="px-3 py-2 text-xs break-words text-slate-700 max-sm:block max-sm:py-0.5">
                <dl className="grid grid-cols-[auto_1fr] gap-x-2">
                  {auditSummaryLines(r.summary, t.lang).map((line) => (
                    <Fragment key={line.label}>
                      <dt className="text-slate-500">{line.label}</dt>
                      <dd>{line.value}</dd>
                    </Fragment>
                  ))}
                </dl>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
