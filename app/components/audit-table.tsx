import { formatDate } from '~/lib/format'

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
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full min-w-[48rem] text-sm">
        <thead className="bg-slate-50 text-left text-xs text-slate-500">
          <tr>
            <th className="px-3 py-2 font-medium">时间</th>
            <th className="px-3 py-2 font-medium">操作人</th>
            <th className="px-3 py-2 font-medium">机构</th>
            <th className="px-3 py-2 font-medium">操作</th>
            <th className="px-3 py-2 font-medium">摘要</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((r) => (
            <tr key={r.id} className="align-top">
              <td className="px-3 py-2 whitespace-nowrap">
                {formatDate(r.createdAt, 'zh-CN')} {new Date(r.createdAt).toISOString().slice(11, 16)}
              </td>
              <td className="px-3 py-2">{r.actorName ?? '系统'}</td>
              <td className="px-3 py-2">{r.organisationName ?? '—'}</td>
              <td className="px-3 py-2 font-mono text-xs">
                {r.action}
                {r.entityId ? ` #${r.entityId}` : ''}
              </td>
              <td className="px-3 py-2 font-mono text-xs break-all text-slate-600">{JSON.stringify(r.summary)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
