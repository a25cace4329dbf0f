import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { Button } from '~/components/button'
import { Card, CardTitle } from '~/components/card'
import { RouteErrorBoundary } from '~/components/error-page'
import { SelectField, TextField } from '~/components/field'
import { FormErrors } from '~/components/form-errors'
import { Notice } from '~/components/notice'
import { requireOrgRole } from '~/domain/accounts/guards.server'
import { isOrgAdmin } from '~/domain/actor'
import { replyWithError, respondingToDomainErrors } from '~/domain/errors.server'
import { publicUrl } from '~/domain/mail/mail.server'
import { inviteMember, listMembers, updateMember } from '~/domain/orgs/members.server'
import { formatDate } from '~/lib/format'
import { fieldProps, selectProps } from '~/lib/forms'
import { parseId } from '~/lib/http'
import { getLanguage, useT } from '~/lib/i18n'
import { InviteSchema } from '~/lib/schemas/auth'
import { z } from 'zod'
import { readForm } from '~/domain/request-form.server'
import { idField } from '~/lib/schemas/ids'

const MemberChangeSchema = z.object({
  intent: z.enum(['role', 'remove']),
  userId: idField(),
  role: z.enum(['admin', 'member']).optional(),
})

export const loader = respondingToDomainErrors(async ({ request, params }: LoaderFunctionArgs) => {
  const organisationId = parseId(params.id)
  const actor = await requireOrgRole(request, organisationId, 'member')
  return { ...(await listMembers({ actor, organisationId })), isAdmin: isOrgAdmin(actor, organisationId), me: actor.userId }
})

export const action = respondingToDomainErrors(async ({ request, params }: ActionFunctionArgs) => {
  const organisationId = parseId(params.id)
  const actor = await requireOrgRole(request, organisationId, 'admin')
  const lang = getLanguage(request)
  const form = await readForm(request)
  if (form.get('intent') === 'invite') {
    const submission = parseWithZod(form, { schema: InviteSchema })
    if (submission.status !== 'success') return Response.json(submission.reply(), { status: 400 })
    try {
      await inviteMember({ actor, organisationId, ...submission.value, acceptUrl: (t) => publicUrl(request, `/invitations/${t}`) })
    } catch (error) {
      return replyWithError(submission, error, lang)
    }
    return redirect(`/orgs/${organisationId}/members?invited=${encodeURIComponent(submission.value.email)}`)
  }
  const submission = parseWithZod(form, { schema: MemberChangeSchema })
  if (submission.status !== 'success') return Response.json(submission.reply(), { status: 400 })
  const { intent, userId, role } = submission.value
  try {
    await updateMember({ actor, organisationId, userId, change: intent === 'remove' ? { remove: true } : { role: role ?? 'member' } })
  } catch (error) {
    return replyWithError(submission, error, lang)
  }
  return redirect(`/orgs/${organisationId}/members?updated=1`)
})

export default function Members() {
  const { members, pending, isAdmin, me } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const t = useT()
  // Row buttons (role, remove) answer above the list; the invite form answers beside its fields.
  const rowResult = lastResult && lastResult.initialValue?.intent !== 'invite' ? lastResult : undefined
  const invited = searchParams.get('invited')
  const [form, fields] = useForm({
    lastResult: rowResult ? undefined : lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: InviteSchema }),
  })
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <h1 className="text-xl font-bold">{t('auth.members.heading')}</h1>
      {rowResult?.error?.['']?.length ? <Notice tone="error">{rowResult.error[''].join(' ')}</Notice> : null}
      {!lastResult && invited ? <Notice tone="success">{t('auth.members.invited', { email: invited })}</Notice> : null}
      {!lastResult && searchParams.get('updated') ? <Notice tone="success">{t('auth.members.updated')}</Notice> : null}
      <Card>
        <ul className="divide-y divide-slate-100">
          {members.map((m) => (
            <li key={m.userId} className="flex flex-wrap items-center gap-2 py-2 text-sm">
              <span className="font-medium">{m.name}</span>
              <span className="text-slate-500">{m.email}</span>
              <span className="text-xs">{t(m.role === 'admin' ? 'auth.role.admin' : 'auth.role.member')}</span>
              {isAdmin && m.userId !== me ? (
                <Form method="post" className="ml-auto flex gap-2">
                  <input type="hidden" name="userId" value={m.userId} />
                  <input type="hidden" name="role" value={m.role === 'admin' ? 'member' : 'admin'} />
                  <Button variant="secondary" type="submit" name="intent" value="role">
                    {t(m.role === 'admin' ? 'auth.members.makeMember' : 'auth.members.makeAdmin')}
                  </Button>
                  <Button variant="ghost" type="submit" name="intent" value="remove">
                    {t('auth.members.remove')}
                  </Button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
        {pending.length ? (
          <p className="mt-3 text-xs text-slate-500">
            {t('auth.members.pending', {
              list: pending
                .map((p) => t('auth.members.pendingItem', { email: p.email, date: formatDate(p.expiresAt, t.lang) }))
                .join(t('common.listSeparator')),
            })}
          </p>
        ) : null}
      </Card>
      {isAdmin ? (
        <Card>
          <CardTitle>{t('auth.members.invite')}</CardTitle>
          <Form method="post" className="grid gap-3 sm:grid-cols-[1fr_10rem_auto] sm:items-end" {...getFormProps(form)}>
            <FormErrors errors={form.errors} />
            <TextField label={t('auth.email')} {...fieldProps(fields.email, 'email')} />
            <SelectField
              label={t('auth.role')}
              options={[
                { value: 'member', label: t('auth.role.member') },
                { value: 'admin', label: t('auth.role.admin') },
              ]}
              {...selectProps(fields.role)}
            />
            <Button type="submit" name="intent" value="invite">
              {t('auth.members.send')}
            </Button>
          </Form>
        </Card>
      ) : null}
    </div>
  )
}

export const ErrorBoundary = RouteErrorBoundary
