import type { LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { Card } from '~/components/card'
import { ExportLinks } from '~/components/gov/export-links'
import { Change, FigureLink } from '~/components/gov/figure-link'
import { GovErrorBoundary } from '~/components/gov/gov-error'
import { GovTable } from '~/components/gov/gov-table'
import { orRespond } from '~/domain/errors.server'
import { getOverview, type OverviewFigure } from '~/domain/metrics/overview.server'
import { loadGovRequest } from '~/domain/metrics/request.server'
import type { GovParams } from '~/lib/gov-params'
import { taxonomyLabel, useT, type MessageKey } from '~/lib/i18n'
import { DIRECTIONS } from '../../db/reference'

export async function loader({ request }: LoaderFunctionArgs) {
  const { lang, params, q } = await loadGovRequest(request)
  return { params, overview: await orRespond(lang, () => getOverview(q)) }
}

function FigureCell({ f, params }: { f: OverviewFigure; params: GovParams }) {
  const money = f.id.endsWith('Yuan')
  return (
    <div className="flex flex-col">
      <FigureLink value={f.current} params={params} figureRef={f.ref} money={money} className="text-lg font-semibold" />
      <Change current={f.current} previous={f.previous} />
    </div>
  )
}

export default function GovOverview() {
  const { params, overview } = useLoaderData<typeof loader>()
  const t = useT()
  const types = [...new Set(overview.listings.map((f) => f.type!))]
  return (
    <div className="space-y-4">
      <Card>
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div>
            <h2 className="text-sm text-slate-600">{t('gov.orgs.active')}</h2>
            <FigureCell f={overview.organisations} params={params} />
            <p className="mt-1 text-xs text-slate-500">{t('gov.orgs.activeHint')}</p>
          </div>
          <ExportLinks table="overview" params={params} />
        </div>
      </Card>
      <Card>
        <h2 className="mb-2 text-base font-semibold">{t('gov.section.listings')}</h2>
        <GovTable
          name="listings"
          columns={[{ label: t('gov.col.type') }, ...DIRECTIONS.map((d) => ({ key: d, label: t(`gov.direction.${d}`) }))]}
        >
          {types.map((type) => (
            <tr key={type}>
              <th scope="row" className="py-2 pr-2 text-left font-normal">
                {taxonomyLabel.type(type, t.lang)}
              </th>
              {DIRECTIONS.map((d) => (
                <td key={d} className="pr-2">
                  <FigureCell f={overview.listings.find((f) => f.type === type && f.ref.direction === d)!} params={params} />
                </td>
              ))}
            </tr>
          ))}
        </GovTable>
      </Card>
      <FigureGrid
        title={t('gov.section.stages')}
        table="stages"
        columns="sm:grid-cols-3 lg:grid-cols-6"
        figures={overview.stages}
        params={params}
      />
      <FigureGrid title={t('gov.section.outcomes')} table="outcomes" columns="lg:grid-cols-3" figures={overview.outcomes} params={params} />
    </div>
  )
}

export const ErrorBoundary = GovErrorBoundary

/** A card of labelled figures, each linking to its records. */
function FigureGrid({
  title,
  table,
  columns,
  figures,
  params,
}: {
  title: string
  table: string
  columns: string
  figures: Parameters<typeof FigureCell>[0]['f'][]
  params: Parameters<typeof FigureCell>[0]['params']
}) {
  const t = useT()
  return (
    <Card>
      <h2 className="mb-2 text-base font-semibold">{title}</h2>
      <dl className={`grid grid-cols-2 gap-3 ${columns}`} data-table={table}>
        {figures.map((f) => (
          <div key={f.id}>
            <dt className="text-xs text-slate-600">{t(f.label as MessageKey)}</dt>
            <dd>
              <FigureCell f={f} params={params} />
            </dd>
          </div>
        ))}
      </dl>
    </Card>
  )
}
