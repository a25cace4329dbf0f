import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { Button } from '~/components/button'
import { Card, CardTitle } from '~/components/card'
import { SelectField, TextField } from '~/components/field'
import { FormErrors } from '~/components/form-errors'
import { Notice } from '~/components/notice'
import { requireOrgRole } from '~/domain/accounts/guards.server'
import { isOrgAdmin } from '~/domain/actor'
import { publicUrl } from '~/domain/mail/mail.server'
import { inviteMember, listMembers, updateMember } from '~/domain/orgs/members.server'
import { formatDate } from '~/lib/format'
import { fieldProps, selectProps } from '~/lib/forms'
import { parseId } from '~/lib/http'
import { InviteSchema } from '~/lib/schemas/auth'
import { useT } from '~/lib/i18n'
import { formMessage, translateMessage } from '~/lib/i18n/form-messages'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const organisationId = parseId(params.id)
  const actor = await requireOrgRole(request, organisationId, 'member')
  return { ...(await listMembers({ actor, organisationId })), isAdmin: isOrgAdmin(actor, organisationId), me: actor.userId }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const organisationId = parseId(params.id)
  const actor = await requireOrgRole(request, organisationId, 'admin')
  const form = await request.formData()
  if (form.get('intent') === 'invite') {
    const submission = parseWithZod(form, { schema: InviteSchema })
    if (submission.status !== 'success') return Response.json({ ok: false, result: submission.reply(), message: null }, { status: 400 })
    const outcome = await inviteMember({
      actor,
      organisationId,
      ...submission.value,
      acceptUrl: (t) => publicUrl(request, `/invitations/${t}`),
    })
    if (!outcome.ok)
      return Response.json({ ok: false, result: submission.reply({ fieldErrors: outcome.fieldErrors }), message: null }, { status: 400 })
    return Response.json({
      ok: true,
      result: submission.reply({ resetForm: true }),
      message: formMessage('auth.members.invited', { email: submission.value.email }),
    })
  }
  const userId = Number(form.get('userId'))
  const change =
    form.get('intent') === 'remove'
      ? ({ remove: true } as const)
      : { role: form.get('role') === 'admin' ? ('admin' as const) : ('member' as const) }
  const outcome = await updateMember({ actor, organisationId, userId, change })
  return Response.json(
    { ok: outcome.ok, result: null, message: outcome.ok ? formMessage('auth.members.updated') : outcome.message },
    { status: outcome.ok ? 200 : 400 },
  )
}

export default function Members() {
  const { members, pending, isAdmin, me } = useLoaderData<typeof loader>()
  const data = useActionData<typeof action>()
  const t = useT()
  const [form, fields] = useForm({
    lastResult: data?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: InviteSchema }),
  })
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <h1 className="text-xl font-bold">{t('auth.members.heading')}</h1>
      {data?.message ? <Notice tone={data.ok ? 'success' : 'error'}>{translateMessage(t.lang, data.message)}</Notice> : null}
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
