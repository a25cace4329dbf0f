import { parseWithZod } from '@conform-to/zod'
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { z } from 'zod'
import { ButtonLink } from '~/components/button'
import { Card, CardTitle } from '~/components/card'
import { RouteErrorBoundary } from '~/components/error-page'
import { ListingManager } from '~/components/listing-manager'
import { Notice } from '~/components/notice'
import { QuotaPanel } from '~/components/quota-panel'
import { DashboardRecommendations } from '~/components/recommendations'
import { VerificationBadge } from '~/components/verification-badge'
import { requireUser } from '~/domain/accounts/guards.server'
import { isOrgAdmin, isPlatformAdmin } from '~/domain/actor'
import { BULK_ACTIONS, bulkUpdateListings, listManagedListings, parseManageQuery } from '~/domain/listings/manage.server'
import { dashboardPanel } from '~/domain/matching/panel.server'
import { getEnterpriseQuota, parseQuotaYear } from '~/domain/metrics/quota.server'
import { getOrganisationProfile } from '~/domain/orgs/queries.server'
import { replyWithError, respondingToDomainErrors } from '~/domain/errors.server'
import { getLanguage, taxonomyLabel, translate, useT } from '~/lib/i18n'
import { translateMessage } from '~/lib/i18n/form-messages'
import { taxonomy } from '../../db/reference'
import { readForm } from '~/domain/request-form.server'
import { idField } from '~/lib/schemas/ids'

export const loader = respondingToDomainErrors(async ({ request }: LoaderFunctionArgs) => {
  const actor = await requireUser(request)
  // Officials work on the government dashboard unless they act for an organisation.
  if (actor.govScope && !actor.activeOrganisationId) throw redirect('/gov')
  const organisationId = actor.activeOrganisationId
  // Platform admins work on the verification queue unless they act for an organisation.
  if (!organisationId) throw redirect(isPlatformAdmin(actor) ? '/admin/verification' : '/account')
  const params = new URL(request.url).searchParams
  const query = parseManageQuery(params)
  const [org, managed, quota, recommendations] = await Promise.all([
    getOrganisationProfile({ id: organisationId, actor }),
    listManagedListings({ actor, organisationId, query }),
    getEnterpriseQuota({ actor, organisationId, year: parseQuotaYear(params.get('year')) }),
    dashboardPanel({ actor, organisationId }),
  ])
  return { org: org!, managed, query, quota, recommendations, isAdmin: isOrgAdmin(actor, organisationId) }
})

const BulkSchema = z.object({
  intent: z.literal('bulk'),
  action: z.enum(BULK_ACTIONS),
  ids: z.array(idField()).default([]),
  days: z.coerce.number().optional(),
})

/** Bulk pause / close / extend of the active organisation's own listings (scoped in the domain). */
export const action = respondingToDomainErrors(async ({ request }: ActionFunctionArgs) => {
  const actor = await requireUser(request)
  const organisationId = actor.activeOrganisationId
  if (!organisationId) throw redirect('/account')
  const lang = getLanguage(request)
  const submission = parseWithZod(await readForm(request), { schema: BulkSchema })
  if (submission.status !== 'success')
    return Response.json(submission.reply({ formErrors: [translate(lang, 'manage.unknownAction')] }), { status: 400 })
  let result: { changed: number; skipped: number }
  try {
    result = await bulkUpdateListings({ actor, organisationId, ...submission.value, days: submission.value.days ?? 0 })
  } catch (error) {
    return replyWithError(submission, error, lang)
  }
  const back = new URL(request.url).searchParams
  back.delete('index')
  back.set('changed', String(result.changed))
  back.set('skipped', String(result.skipped))
  return redirect(`/dashboard?${back}`)
})

export default function Dashboard() {
  const { org, managed, query, quota, recommendations, isAdmin } = useLoaderData<typeof loader>()
  const reply = useActionData<typeof action>()
  const t = useT()
  const [searchParams] = useSearchParams()
  const result = reply
    ? {
        error: Object.values(reply.error ?? {})
          .flat()
          .filter((e): e is string => Boolean(e))
          .map((e) => translateMessage(t.lang, e))
          .join(' '),
      }
    : searchParams.has('changed')
      ? { changed: Number(searchParams.get('changed')) || 0, skipped: Number(searchParams.get('skipped')) || 0 }
      : undefined
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
