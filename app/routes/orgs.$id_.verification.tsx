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
import { readUploadForm, uploadedFile } from '~/domain/files/uploads.server'
import { getOrganisationProfile } from '~/domain/orgs/queries.server'
import { EVIDENCE_LIMITS, submitVerificationEvidence } from '~/domain/orgs/verification.server'
import { parseId } from '~/lib/http'
import { getLanguage } from '~/lib/i18n'
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
    const form = await readUploadForm(request, { maxBytes: EVIDENCE_LIMITS.maxBytes, field: 'evidence' })
    const file = await uploadedFile({ form, field: 'evidence', missing: 'domain.evidenceMissing' })
    await submitVerificationEvidence({ actor, organisationId: id, file })
  } catch (error) {
    return replyWithError(submission, error, getLanguage(request))
  }
  return redirect(`/orgs/${id}/verification`)
}

export default function VerificationPage() {
  const { org } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const [search] = useSearchParams()
  const submitted = org.verification === 'pending'
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-xl font-bold">机构认证：{org.name}</h1>
      {search.get('registered') ? (
        <Notice tone="success">注册成功！请上传证明材料申请认证。认证前可以保存草稿，认证后才能发布。</Notice>
      ) : null}
      <Card>
        <p className="flex items-center gap-2 text-sm">
          当前状态：
          <VerificationBadge state={org.verification} />
        </p>
        {org.verification === 'rejected' && org.verificationNote ? (
          <div className="mt-3">
            <Notice tone="error">未通过原因：{org.verificationNote}。请补充材料后重新提交。</Notice>
          </div>
        ) : null}
      </Card>
      {org.verification !== 'verified' ? (
        <Card>
          <CardTitle>{submitted ? '材料已提交，平台将在 3 个工作日内审核' : '上传证明材料'}</CardTitle>
          <Form method="post" encType="multipart/form-data" className="space-y-3">
            <label htmlFor="evidence" className="block text-sm font-medium">
              营业执照或事业单位法人证书（PDF、JPG 或 PNG，不超过 5 MB）
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
            <Button type="submit">{submitted ? '重新提交' : '提交审核'}</Button>
          </Form>
        </Card>
      ) : null}
    </div>
  )
}

export const ErrorBoundary = RouteErrorBoundary
