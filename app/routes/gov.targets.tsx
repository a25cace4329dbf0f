import type { LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { Card } from '~/components/card'
import { ExportLinks } from '~/components/gov/export-links'
import { GovErrorBoundary } from '~/components/gov/gov-error'
import { TargetsTable } from '~/components/gov/targets-table'
import { orRespond } from '~/domain/errors.server'
import { loadGovRequest } from '~/domain/metrics/request.server'
import { getTargets } from '~/domain/metrics/targets.server'
import { useT } from '~/lib/i18n'

export async function loader({ request }: LoaderFunctionArgs) {
  const { lang, params, q } = await loadGovRequest(request)
  return { params, province: q.scope.type === 'province', targets: await orRespond(lang, () => getTargets(q)) }
}

export default function GovTargets() {
  const { params, province, targets } = useLoaderData<typeof loader>()
  const t = useT()
  return (
    <Card>
      <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
        <h2 className="text-base font-semibold">{t('gov.targets.title')}</h2>
        <ExportLinks table="targets" params={params} />
      </div>
      <p className="mb-3 text-xs text-slate-600">
        {t('gov.targets.hint')} {province ? null : t('gov.targets.provinceWide')}
      </p>
      <TargetsTable targets={targets} params={params} />
    </Card>
  )
}

export const ErrorBoundary = GovErrorBoundary
