import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { Card, CardTitle } from '~/components/card'
import { EmptyState } from '~/components/empty-state'
import { ListingCard } from '~/components/listing-card'
import { Notice } from '~/components/notice'
import { VerificationBadge } from '~/components/verification-badge'
import { getActor } from '~/domain/accounts/session.server'
import { getOrganisationProfile } from '~/domain/orgs/queries.server'
import { formatCount } from '~/lib/format'
import { invariantResponse, parseId } from '~/lib/http'
import { taxonomyLabel, useT } from '~/lib/i18n'
import { MATCH_STAGES } from '../../db/schema'
import { regionOfCity } from '../../db/taxonomy'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.org.name} · 晋产教` : '晋产教' }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = parseId(params.id)
  const actor = await getActor(request)
  const org = await getOrganisationProfile({ id, actor })
  invariantResponse(org, '机构不存在')
  return { org }
}

export default function OrganisationPage() {
  const { org } = useLoaderData<typeof loader>()
  const t = useT()
  const region = regionOfCity.get(org.city)
  const facts = [
    org.staffCount ? [t('org.staff'), formatCount(org.staffCount, t.lang)] : null,
    org.technicalPostCount ? [t('org.technicalPosts'), formatCount(org.technicalPostCount, t.lang)] : null,
    org.studentCount ? [t('org.students'), formatCount(org.studentCount, t.lang)] : null,
  ].filter((f): f is string[] => f !== null)
  const totalMatches = Object.values(org.matchStages).reduce((a, b) => a + b, 0)
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <div className="flex flex-wrap items-center gap-2">
          <h1 className="text-2xl font-bold">{org.name}</h1>
          <VerificationBadge state={org.verification} />
        </div>
        <p className="text-sm text-slate-600">
          {taxonomyLabel.orgKind(org.kind, t.lang)} · {taxonomyLabel.city(org.city, t.lang)}
          {region ? ` · ${region.name}` : ''}
        </p>
        {org.verificationNote ? <Notice tone="error">{org.verificationNote}</Notice> : null}
      </header>
      <div className="grid gap-4 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <p className="text-sm leading-relaxed text-slate-800">{org.description}</p>
          <ul className="mt-3 flex flex-wrap gap-1.5">
            {org.clusters.map((c) => (
              <li key={c}>
                <Link to={`/search?cluster=${c}`} className="rounded-full border border-amber-300 bg-amber-50 px-2.5 py-0.5 text-xs text-amber-900">
                  {taxonomyLabel.cluster(c, t.lang)}
                </Link>
              </li>
            ))}
          </ul>
          {org.majors.length ? (
            <p className="mt-3 text-sm text-slate-700">
              <span className="text-slate-500">{t('org.majors')}：</span>
              {org.majors.join(t.lang === 'zh-CN' ? '、' : ', ')}
            </p>
          ) : null}
          {org.address ? (
            <p className="mt-1 text-sm text-slate-700">
              <span className="text-slate-500">{t('org.address')}：</span>
              {org.address}
            </p>
          ) : null}
        </Card>
        <Card>
          {facts.length ? (
            <dl className="mb-4 grid grid-cols-2 gap-3">
              {facts.map(([label, value]) => (
                <div key={label}>
                  <dt className="text-xs text-slate-500">{label}</dt>
                  <dd className="text-lg font-semibold tabular-nums">{value}</dd>
                </div>
              ))}
            </dl>
          ) : null}
          <CardTitle>{t('org.record')}</CardTitle>
          <dl className="grid grid-cols-2 gap-2 text-sm">
            {MATCH_STAGES.map((stage) => (
              <div key={stage} className="flex justify-between gap-2 rounded bg-slate-50 px-2 py-1">
                <dt className="text-slate-600">{t(`stage.${stage}`)}</dt>
                <dd className="font-medium tabular-nums">{org.matchStages[stage] ?? 0}</dd>
              </div>
            ))}
          </dl>
          <p className="mt-2 text-xs text-slate-500">Σ {totalMatches}</p>
        </Card>
      </div>
      <section>
        <h2 className="mb-3 text-lg font-semibold">
          {t('org.listings')} <span className="text-sm font-normal text-slate-500">({org.listingTotal})</span>
        </h2>
        {org.listings.length ? (
          <div className="grid gap-3 md:grid-cols-2">
            {org.listings.map((l) => (
              <ListingCard key={l.id} listing={{ ...l, organisationName: org.name, organisationVerified: org.verification === 'verified' }} />
            ))}
          </div>
        ) : (
          <EmptyState title="—" />
        )}
      </section>
    </div>
  )
}
