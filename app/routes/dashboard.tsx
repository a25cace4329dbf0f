import { redirect, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData, useSearchParams } from '@remix-run/react'
import { Badge } from '~/components/badge'
import { ButtonLink } from '~/components/button'
import { Card, CardTitle } from '~/components/card'
import { Notice } from '~/components/notice'
import { QuotaPanel } from '~/components/quota-panel'
import { VerificationBadge } from '~/components/verification-badge'
import { requireUser } from '~/domain/accounts/guards.server'
import { isOrgAdmin } from '~/domain/actor'
import { listOrganisationListings } from '~/domain/listings/queries.server'
import { getEnterpriseQuota, parseQuotaYear } from '~/domain/metrics/quota.server'
import { getOrganisationProfile } from '~/domain/orgs/queries.server'
import { formatDate } from '~/lib/format'
import { taxonomyLabel, useT } from '~/lib/i18n'
import { LISTING_STATUSES } from '../../db/reference'

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireUser(request)
  const organisationId = actor.activeOrganisationId
  if (!organisationId) throw redirect('/account')
  const [org, listings, quota] = await Promise.all([
    getOrganisationProfile({ id: organisationId, actor }),
    listOrganisationListings({ actor, organisationId }),
    getEnterpriseQuota({ actor, organisationId, year: parseQuotaYear(new URL(request.url).searchParams.get('year')) }),
  ])
  return { org: org!, listings, quota, isAdmin: isOrgAdmin(actor, organisationId) }
}

export default function Dashboard() {
  const { org, listings, quota, isAdmin } = useLoaderData<typeof loader>()
  const t = useT()
  const [searchParams] = useSearchParams()
  const yearHref = (year: number) => {
    const next = new URLSearchParams(searchParams)
    next.set('year', String(year))
    return `?${next}`
  }
  const counts = Object.fromEntries(LISTING_STATUSES.map((s) => [s, listings.filter((l) => l.status === s).length]))
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
          <ButtonLink to={`/orgs/${org.id}/export`} variant="secondary" reloadDocument>
            {t('publish.export')}
          </ButtonLink>
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
      <Card>
        <CardTitle>{t('dashboard.myListings')}</CardTitle>
        <ul className="mb-3 flex flex-wrap gap-2 text-sm">
          {LISTING_STATUSES.map((s) => (
            <li key={s} className="rounded bg-slate-100 px-2 py-1">
              {t(`listing.status.${s}`)} <span className="font-semibold tabular-nums">{counts[s]}</span>
            </li>
          ))}
        </ul>
        {listings.length === 0 ? <p className="text-sm text-slate-600">{t('dashboard.none')}</p> : null}
        <div className="overflow-x-auto">
          <table className="w-full min-w-[40rem] text-sm">
            <thead className="text-left text-xs text-slate-500">
              <tr>
                <th className="py-1.5 font-medium">{t('form.label.title')}</th>
                <th className="font-medium">{t('dashboard.type')}</th>
                <th className="font-medium">{t('dashboard.status')}</th>
                <th className="font-medium">{t('listing.capacity')}</th>
                <th className="font-medium">{t('form.label.endsOn')}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {listings.slice(0, 100).map((l) => (
                <tr key={l.id}>
                  <td className="py-1.5 pr-2">
                    <Link to={`/listings/${l.id}`} className="text-brand-700 hover:underline">
                      {l.title}
                    </Link>
                  </td>
                  <td className="pr-2 text-xs">{taxonomyLabel.type(l.type, t.lang)}</td>
                  <td className="pr-2">
                    <Badge tone={l.status === 'published' ? 'green' : 'neutral'}>{t(`listing.status.${l.status}`)}</Badge>
                  </td>
                  <td className="pr-2 tabular-nums">{l.capacity}</td>
                  <td className="text-xs">{l.endsOn ? formatDate(l.endsOn, t.lang) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>
      <nav className="flex flex-wrap gap-3 text-sm">
        <Link to={`/orgs/${org.id}`} className="text-brand-700 underline">
          {t('dashboard.profile')}
        </Link>
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
