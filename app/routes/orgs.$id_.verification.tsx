import { parseWithZod } from '@conform-to/zod'
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { Button } from '~/components/button'
import { Card, CardTitle } from '~/components/card'
import { RouteErrorBoundary } from '~/components/error-page'
import { ErrorList } from '~/components/field'
import { Notice } from '~/components/notice'
import { VerificationBadge } from '~/components/verification-badge'
import { requireOrgRole } from '~/domain/accounts/guards.server'
import { replyWithError, respondingToDomainErrors } from '~/domain/errors.server'
import { uploadedFile, withUploadForm } from '~/domain/files/uploads.server'
import { getOrganisationProfile } from '~/domain/orgs/queries.server'
import { EVIDENCE_LIMITS, submitVerificationEvidence } from '~/domain/orgs/verification.server'
import { parseId } from '~/lib/http'
import { getLanguage, useT } from '~/lib/i18n'
import { z } from 'zod'

export const loader = respondingToDomainErrors(async ({ request, params }: LoaderFunctionArgs) => {
  const id = parseId(params.id)
  const actor = await requireOrgRole(request, id, 'admin')
  const org = await getOrganisationProfile({ id, actor })
  return { org: { id: org.id, name: org.name, verification: org.verification, verificationNote: org.verificationNote } }
})

export async function action({ request, params }: ActionFunctionArgs) {
  const id = parseId(params.id)
  const actor = await requireOrgRole(request, id, 'admin')
  // The file itself is checked in the domain; the submission only carries the reply.
  const submission = parseWithZod(new FormData(), { schema: z.object({}) })
  try {
    await withUploadForm(request, { maxBytes: EVIDENCE_LIMITS.maxBytes, field: 'evidence' }, (form) =>
      submitVerificationEvidence({
        actor,
        organisationId: id,
        file: uploadedFile({ form, field: 'evidence', missing: 'verify.chooseFile' }),
      }),
    )
  } catch (error) {
    return replyWithError(submission, error, getLanguage(request))
  }
  return redirect(`/orgs/${id}/verification`)
}

export default function VerificationPage() {
  const { org } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const [search] = useSearchParams()
  const t = useT()
  const submitted = org.verification === 'pending'
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-xl font-bold">{t('verify.title', { org: org.name })}</h1>
      {search.get('registered') ? <Notice tone="success">{t('verify.registered')}</Notice> : null}
      <Card>
        <p className="flex items-center gap-2 text-sm">
          {t('verify.state')}
          <VerificationBadge state={org.verification} />
        </p>
        {org.verification === 'rejected' && org.verificationNote ? (
          <div className="mt-3">
            <Notice tone="error">{t('verify.rejected', { note: org.verificationNote })}</Notice>
          </div>
        ) : null}
      </Card>
      {org.verification !== 'verified' ? (
        <Card>
          <CardTitle>{t(submitted ? 'verify.submitted' : 'dashboard.uploadEvidence')}</CardTitle>
          <Form method="post" encType="multipart/form-data" className="space-y-3">
            <label htmlFor="evidence" className="block text-sm font-medium">
              {t('verify.fileLabel')}
            </label>
            <input
              id="evidence"
              name="evidence"
              type="file"
              accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
              aria-describedby="evidence-error"
              className="block w-full text-sm"
            />
            <ErrorList id="evidence-error" errors={result?.error?.evidence ?? undefined} />
            <Button type="submit">{t(submitted ? 'verify.resubmit' : 'verify.submit')}</Button>
          </Form>
        </Card>
      ) : null}
    </div>
  )
}

export const ErrorBoundary = RouteErrorBoundary
