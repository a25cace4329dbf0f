import type { LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useT } from '~/lib/i18n'
import { AuditTable } from '~/components/audit-table'
import { RouteErrorBoundary } from '~/components/error-page'
import { requireOrgRole } from '~/domain/accounts/guards.server'
import { listAuditEntries } from '~/domain/audit/audit-log.server'
import { respondingToDomainErrors } from '~/domain/errors.server'
import { parseId } from '~/lib/http'

export const loader = respondingToDomainErrors(async ({ request, params }: LoaderFunctionArgs) => {
  const organisationId = parseId(params.id)
  const actor = await requireOrgRole(request, organisationId, 'admin')
  return { rows: await listAuditEntries({ actor, organisationId }) }
})

export default function OrganisationAudit() {
  const { rows } = useLoaderData<typeof loader>()
  const t = useT()
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-bold">{t('audit.orgTitle')}</h1>
      <AuditTable rows={rows} />
    </div>
  )
}

export const ErrorBoundary = RouteErrorBoundary
