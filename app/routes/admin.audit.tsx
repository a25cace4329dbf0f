import type { LoaderFunctionArgs } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { useT } from '~/lib/i18n'
import { AdminNav } from '~/components/admin-nav'
import { AuditTable } from '~/components/audit-table'
import { RouteErrorBoundary } from '~/components/error-page'
import { requirePlatformAdmin } from '~/domain/accounts/guards.server'
import { listAuditEntries } from '~/domain/audit/audit-log.server'
import { respondingToDomainErrors } from '~/domain/errors.server'

export const loader = respondingToDomainErrors(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requirePlatformAdmin(request)
  return { rows: await listAuditEntries({ actor }) }
})

export default function AdminAudit() {
  const { rows } = useLoaderData<typeof loader>()
  const t = useT()
  return (
    <div className="space-y-4">
      <AdminNav />
      <h1 className="text-xl font-bold">{t('audit.adminTitle', { n: 200 })}</h1>
      <AuditTable rows={rows} />
    </div>
  )
}

export const ErrorBoundary = RouteErrorBoundary
