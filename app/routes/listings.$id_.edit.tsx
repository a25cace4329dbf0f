import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { Card } from '~/components/card'
import { RouteErrorBoundary } from '~/components/error-page'
import { ListingForm } from '~/components/listing-form'
import { requireUser } from '~/domain/accounts/guards.server'
import { handleListingSubmission } from '~/domain/listings/form-submission.server'
import { changeListingStatus, updateListing } from '~/domain/listings/mutations.server'
import { getListing } from '~/domain/listings/queries.server'
import { DomainError, respondingToDomainErrors } from '~/domain/errors.server'
import { parseId } from '~/lib/http'
import { useT } from '~/lib/i18n'
import type { CooperationTypeCode } from '~/lib/schemas/listing'

export const loader = respondingToDomainErrors(async ({ request, params }: LoaderFunctionArgs) => {
  const actor = await requireUser(request)
  const listing = await getListing({ id: parseId(params.id), actor })
  if (!listing.canEdit) throw new DomainError('not_found', 'listing.notFound')
  return { listing }
})

export const action = respondingToDomainErrors(async ({ request, params }: ActionFunctionArgs) => {
  const actor = await requireUser(request)
  const id = parseId(params.id)
  // Who may edit is settled before the form is even read.
  const before = await getListing({ id, actor })
  if (!before.canEdit) throw new DomainError('not_found', 'listing.notFound')
  const isDraft = before.status === 'draft'
  return handleListingSubmission(
    request,
    async (input, publish) => {
      await updateListing({ actor, id, input })
      if (publish && isDraft) await changeListingStatus({ actor, id, action: 'publish' })
      return redirect(`/listings/${id}?flash=${publish && isDraft ? 'published' : isDraft ? 'draft' : 'saved'}`)
    },
    { draftAllowed: isDraft },
  )
})

export default function EditListing() {
  const { listing } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const t = useT()
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <h1 className="text-xl font-bold">{t('publish.editTitle', { title: listing.title })}</h1>
      <Card>
        <ListingForm
          type={listing.type as CooperationTypeCode}
          lastResult={lastResult}
          canPublish={listing.organisationVerification === 'verified'}
          canSaveDraft={listing.status === 'draft'}
          submitLabel={t(listing.status === 'draft' ? 'publish.saveAndPublish' : 'publish.saveChanges')}
          defaultValue={{
            direction: listing.direction,
            title: listing.title,
            description: listing.description,
            clusters: listing.clusters,
            cityCode: listing.city,
            capacity: listing.capacity === null ? '' : String(listing.capacity),
            startsOn: listing.startsOn ?? '',
            endsOn: listing.endsOn ?? '',
            reference: listing.reference ?? '',
            details: listing.details,
            majors: listing.majors,
          }}
        />
      </Card>
    </div>
  )
}

export const ErrorBoundary = RouteErrorBoundary
