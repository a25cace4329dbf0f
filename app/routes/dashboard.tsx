import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { ButtonLink } from '~/components/button'
import { Card, CardTitle } from '~/components/card'
import { RouteErrorBoundary } from '~/components/error-page'
import { ListingManager } from '~/components/listing-manager'
import { Notice } from '~/components/notice'
import { QuotaPanel } from '~/components/quota-panel'
import { DashboardRecommendations } from '~/components/recommendations'
import { VerificationBadge } from '~/components/verification-badge'
import { requireUser } from '~/domain/accounts/guards.server'
import { isOrgAdmin } from '~/domain/actor'
import { isDomainError } from '~/domain/errors.server'
import { BULK_ACTIONS, bulkUpdateListings, listManagedListings, parseManageQuery, type BulkAction } from '~/domain/listings/manage.server'
import { dashboardPanel } from '~/domain/matching/panel.server'
import { getEnterpriseQuota, parseQuotaYear } from '~/domain/metrics/quota.server'
import { getOrganisationProfile } from '~/domain/orgs/queries.server'
import { getLanguage, taxonomyLabel, translate, useT } from '~/lib/i18n'
import { taxonomy } from '../../db/reference'

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireUser(request)
  const organisationId = actor.activeOrganisationId
  if (!organisationId) throw redirect('/account')
  const params = new URL(request.url).searchParams
  const query = parseManageQuery(params)
  const [org, managed, quota, recommendations] = await Promise.all([
    getOrganisationProfile({ id: organisationId, actor }),
    listManagedListings({ actor, organisationId, query }),
    getEnterpriseQuota({ actor, organisationId, year: parseQuotaYear(params.get('year')) }),
    dashboardPanel({ actor, organisationId }),
  ])
  return { org: org!, managed, query, quota, recommendations, isAdmin: isOrgAdmin(actor, organisationId) }
}

/** Bulk pause / close / extend of the active organisation's own listings (scoped in the domain). */
export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireUser(request)
  const organisationId = actor.activeOrganisationId
  if (!organisationId) throw redirect('/account')
  const lang = getLanguage(request)
  const form = await request.formData()
  const action = String(form.get('action') ?? '')
  if (form.get('intent') !== 'bulk' || !BULK_ACTIONS.includes(action as BulkAction))
    return Response.json({ error: translate(lang, 'manage.unknownAction') }, { status: 400 })
  try {
    const result = await bulkUpdateListings({
      actor,
      organisationId,
      ids: form.getAll('ids').map((v) => Number(v)),
      action: action as BulkAction,
      days: Number(form.get('days')),
    })
    return Response.json(result)
  } catch (error) {
    if (isDomainError(error) && error.code === 'invalid')
      return Response.json({ error: translate(lang, error.messageKey, error.vars) }, { status: 400 })
    throw error
  }
}

export default function Dashboard() {
  const { org, managed, query, quota, recommendations, isAdmin } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>() as { changed?: number; skipped?: number; error?: string } | undefined
  const t = useT()
  const [searchParams] = useSearchParams()
  const yearHref = (year: number) => {
    const next = new URLSearchParams(searchParams)
    next.set('year', String(year))
    return `?${next}`
  }
  return (
    <div className="space-y-5">
      <header className="flex flex-wrap items-center gap-2">
        <h1 className="text-xl font-bold">{org.name}</h1>
        <VerificationBadge state={org.verification} />
        <div className="ml-auto flex flex-wrap gap-2">
          <ButtonLink to="/listings/new">{t('publish.new')}</ButtonLink>
          <ButtonLink to="/import" variant="secondary">
            {t('publish.import')}
          </ButtonLink>
          <details className="relative">
            <summary className="inline-flex cursor-pointer items-center rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50">
              {t('publish.exportAs')}
            </summary>
            <ul className="absolute right-0 z-10 mt-1 w-56 rounded-md border border-slate-200 bg-white py-1 text-sm shadow">
              {taxonomy.cooperation_types.map((ct) => (
                <li key={ct.code}>
                  <a href={`/orgs/${org.id}/export?type=${ct.code}`} className="block px-3 py-1.5 hover:bg-slate-50">
                    {taxonomyLabel.type(ct.code, t.lang)}.xlsx
                  </a>
                </li>
              ))}
            </ul>
          </details>
        </div>
      </header>
      {org.verification !== 'verified' ? (
        <Notice tone="warning">
          {t('dashboard.unverified')}{' '}
          {isAdmin ? (
            <Link to={`/orgs/${org.id}/verification`} className="underline">
              {t('dashboard.uploadEvidence')}
            </Link>
          ) : null}
        </Notice>
      ) : null}
      {quota ? <QuotaPanel quota={quota} yearHref={yearHref} /> : null}
      <DashboardRecommendations panel={recommendations} />
      <Card>
        <CardTitle>{t('dashboard.myListings')}</CardTitle>
        <ListingManager {...managed} query={query} result={result} />
      </Card>
      <nav className="flex flex-wrap gap-3 text-sm">
        <Link to={`/orgs/${org.id}`} className="text-brand-700 underline">
          {t('dashboard.profile')}
        </Link>
        {['undergrad', 'vocational_undergrad', 'vocational_higher', 'vocational_secondary'].includes(org.kind) ? (
          <Link to="/allocations" className="text-brand-700 underline">
            {t('allocation.title')}
          </Link>
        ) : null}
        <Link to={`/orgs/${org.id}/members`} className="text-brand-700 underline">
          {t('auth.members.heading')}
        </Link>
        {isAdmin ? (
          <Link to={`/orgs/${org.id}/audit`} className="text-brand-700 underline">
            {t('dashboard.audit')}
          </Link>
        ) : null}
      </nav>
    </div>
  )
}

export const ErrorBoundary = RouteErrorBoundary
