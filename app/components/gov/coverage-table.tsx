import type { Coverage } from '~/domain/metrics/coverage.server'
import { cityLabel, regionLabel } from '~/lib/gov-labels'
import type { GovParams } from '~/lib/gov-params'
import { taxonomyLabel, useT } from '~/lib/i18n'
import { FigureLink } from './figure-link'

/** Cluster × area, one small count per platform kind, gaps in red; each count links to its records. */
export function CoverageTable({ coverage, params, links = true }: { coverage: Coverage; params: GovParams; links?: boolean }) {
  const t = useT()
  const columns = [
    ...coverage.columns.map((c) => ({ ...c, label: c.kind === 'region' ? regionLabel(c.code, t.lang) : cityLabel(c.code, t.lang) })),
  ]
  return (
    <div className="overflow-x-auto">
      <p className="mb-2 flex flex-wrap gap-3 text-xs text-slate-600">
        {coverage.kinds.map((k) => (
          <span key={k}>
            <b>{t(`gov.platform.abbr.${k}`)}</b> = {t(`gov.platform.${k}`)}
          </span>
        ))}
      </p>
      <table className="w-full min-w-[36rem] border-collapse text-xs" data-table="coverage">
        <thead>
          <tr className="text-left text-slate-500">
            <th className="py-1.5 pr-2 font-medium">{t('gov.col.cluster')}</th>
            {columns.map((c) => (
              <th key={c.code} className="px-1 font-medium">
                {c.label}
              </th>
            ))}
            {columns.length > 1 ? <th className="px-1 font-medium">{t('gov.col.total')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {coverage.matrix.map((row) => (
            <tr key={row.cluster} className="border-t border-slate-100">
              <th scope="row" className="py-1 pr-2 text-left font-normal">
                {taxonomyLabel.clusterShort(row.cluster, t.lang)}
              </th>
              {[
                ...row.cells.map((cell, i) => ({ cell, col: columns[i]! })),
                ...(columns.length > 1 ? [{ cell: row.total, col: null }] : []),
              ].map(({ cell, col }) => (
                <td key={col?.code ?? 'total'} className="px-1 py-1">
                  <span className="flex flex-wrap gap-1">
                    {coverage.kinds.map((k) => {
                      const gap = cell[k] === 0
                      const scope: Record<string, string | null> = col
                        ? col.kind === 'city'
                          ? { city: col.code, region: null }
                          : { region: col.code, city: null }
                        : {}
                      return (
                        <span
                          key={k}
                          className={`inline-flex min-w-10 items-center gap-0.5 rounded px-1 py-0.5 ${gap ? 'bg-red-100 text-red-900' : 'bg-emerald-50 text-emerald-900'}`}
                          title={`${t(`gov.platform.${k}`)}${gap ? ` · ${t('gov.coverage.gap')}` : ''}`}
                          data-gap={gap ? 'true' : undefined}
                        >
                          <b>{t(`gov.platform.abbr.${k}`)}</b>
                          {links ? (
                            <FigureLink
                              value={cell[k]}
                              params={params}
                              figureRef={{ figure: 'platforms', platform: k, cluster: row.cluster }}
                              extra={scope}
                            />
                          ) : (
                            cell[k]
                          )}
                        </span>
                      )
                    })}
                  </span>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
