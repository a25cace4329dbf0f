import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { Card } from '~/components/card'
import { RouteErrorBoundary } from '~/components/error-page'
import { ListingForm } from '~/components/listing-form'
import { Notice } from '~/components/notice'
import { requireUser } from '~/domain/accounts/guards.server'
import { handleListingSubmission } from '~/domain/listings/form-submission.server'
import { createListing, duplicateListing } from '~/domain/listings/mutations.server'
import { getOrganisationProfile } from '~/domain/orgs/queries.server'
import { respondingToDomainErrors } from '~/domain/errors.server'
import { parseId } from '~/lib/http'
import { taxonomyLabel, useT } from '~/lib/i18n'
import { titleMeta } from '~/lib/i18n/meta'
import { DETAILS_SCHEMAS, type CooperationTypeCode } from '~/lib/schemas/listing'
import { taxonomy } from '../../db/reference'

export const meta = titleMeta('publish.new')

const isType = (v: string | null): v is CooperationTypeCode => v !== null && Object.hasOwn(DETAILS_SCHEMAS, v)

async function activeOrganisation(request: Request) {
  const actor = await requireUser(request)
  if (!actor.activeOrganisationId) throw redirect('/account')
  return { actor, organisationId: actor.activeOrganisationId }
}

export const loader = respondingToDomainErrors(async ({ request }: LoaderFunctionArgs) => {
  const { actor, organisationId } = await activeOrganisation(request)
  const org = await getOrganisationProfile({ id: organisationId, actor })
  const type = new URL(request.url).searchParams.get('type')
  return {
    type: isType(type) ? type : null,
    org: { name: org!.name, city: org!.city, clusters: org!.clusters, verified: org!.verification === 'verified' },
  }
})

export const action = respondingToDomainErrors(async ({ request }: ActionFunctionArgs) => {
  const { actor, organisationId } = await activeOrganisation(request)
  const duplicateOf = new URL(request.url).searchParams.get('duplicate')
  if (duplicateOf) return redirect(`/listings/${await duplicateListing({ actor, id: parseId(duplicateOf) })}/edit`)
  return handleListingSubmission(request, async (input, publish) => {
    const id = await createListing({ actor, organisationId, input, publish })
    return redirect(`/listings/${id}?flash=${publish ? 'published' : 'draft'}`)
  })
})

export default function NewListing() {
  const { type, org } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const t = useT()
  if (!type)
    return (
      <div className="mx-auto max-w-3xl space-y-4">
        <h1 className="text-xl font-bold">{t('publish.what')}</h1>
        <ul className="grid gap-3 sm:grid-cols-2">
          {taxonomy.cooperation_types.map((ct) => (
            <li key={ct.code}>
              <Link to={`?type=${ct.code}`} className="block rounded-lg border border-slate-200 bg-white p-4 hover:border-brand-600">
                <span className="font-semibold">{taxonomyLabel.type(ct.code, t.lang)}</span>
                {t.lang === 'zh-CN' ? <span className="mt-1 block text-xs text-slate-500">{ct.typical_fields.join(' · ')}</span> : null}
              </Link>
            </li>
          ))}
        </ul>
      </div>
    )
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <h1 className="text-xl font-bold">
        {t('publish.heading', { type: taxonomyLabel.type(type, t.lang) })}{' '}
        <span className="text-sm font-normal text-slate-500">{t('publish.asOrg', { org: org.name })}</span>
      </h1>
      {org.verified ? null : <Notice tone="warning">{t('publish.unverified')}</Notice>}
      <Card>
        <ListingForm
          type={type}
          lastResult={lastResult}
          canPublish={org.verified}
          defaultValue={{ cityCode: org.city, clusters: org.clusters.slice(0, 1), direction: 'offer' }}
        />
      </Card>
    </div>
  )
}

export const ErrorBoundary = RouteErrorBoundary
