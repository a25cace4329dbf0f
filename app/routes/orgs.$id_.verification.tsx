import {
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
} from '@remix-run/node'
import { Form, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { Button } from '~/components/button'
import { Card, CardTitle } from '~/components/card'
import { ErrorList } from '~/components/field'
import { Notice } from '~/components/notice'
import { VerificationBadge } from '~/components/verification-badge'
import { requireOrgRole } from '~/domain/accounts/guards.server'
import { getOrganisationProfile } from '~/domain/orgs/queries.server'
import { EVIDENCE_LIMITS, submitVerificationEvidence } from '~/domain/orgs/verification.server'
import { invariantResponse, parseId } from '~/lib/http'
import { getLanguage, translate, useT } from '~/lib/i18n'
import { formMessage } from '~/lib/i18n/form-messages'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = parseId(params.id)
  const actor = await requireOrgRole(request, id, 'admin')
  const org = await getOrganisationProfile({ id, actor })
  invariantResponse(org, translate(getLanguage(request), 'org.notFound'))
  return { org: { id: org.id, name: org.name, verification: org.verification, verificationNote: org.verificationNote } }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const id = parseId(params.id)
  const actor = await requireOrgRole(request, id, 'admin')
  let form: FormData
  try {
    form = await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: EVIDENCE_LIMITS.maxBytes }))
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError)
      return Response.json({ error: formMessage('attachments.tooBig', { mb: EVIDENCE_LIMITS.maxBytes / 1024 / 1024 }) }, { status: 400 })
    return Response.json({ error: formMessage('attachments.failed') }, { status: 400 })
  }
  const file = form.get('evidence')
  if (!(file instanceof File)) return Response.json({ error: formMessage('verify.chooseFile') }, { status: 400 })
  const result = await submitVerificationEvidence({
    actor,
    organisationId: id,
    file: { name: file.name, size: file.size, bytes: new Uint8Array(await file.arrayBuffer()) },
  })
  if (!result.ok) return Response.json({ error: result.message }, { status: 400 })
  return Response.json({ error: null, submitted: true })
}

export default function VerificationPage() {
  const { org } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const [search] = useSearchParams()
  const t = useT()
  const submitted = (result && 'submitted' in result) || org.verification === 'pending'
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
            <ErrorList id="evidence-error" errors={result?.error ? [result.error] : undefined} />
            <Button type="submit">{t(submitted ? 'verify.resubmit' : 'verify.submit')}</Button>
          </Form>
        </Card>
      ) : null}
    </div>
  )
}
