import { parseWithZod } from '@conform-to/zod'
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { Badge } from '~/components/badge'
import { Card } from '~/components/card'
import { GovErrorBoundary } from '~/components/gov/gov-error'
import { requireGovScope } from '~/domain/accounts/guards.server'
import { replyWithError } from '~/domain/errors.server'
import { API_RATE_LIMIT, createApiToken, listApiTokens, revokeApiToken } from '~/domain/metrics/api-tokens.server'
import type { GovActor } from '~/domain/metrics/gov-query.server'
import { loadGovRequest } from '~/domain/metrics/request.server'
import { formatDate } from '~/lib/format'
import { scopeLabel } from '~/lib/gov-labels'
import { getLanguage, translate, useT } from '~/lib/i18n'
import { readForm } from '~/domain/request-form.server'
import { idField } from '~/lib/schemas/ids'

const TokenSchema = z.discriminatedUnion('intent', [
  z.object({
    intent: z.literal('create'),
    name: z
      .string({ required_error: 'gov.tokens.nameRequired' })
      .trim()
      .min(1, 'gov.tokens.nameRequired')
      .max(60, 'gov.tokens.nameRequired'),
  }),
  z.object({ intent: z.literal('revoke'), id: idField() }),
])

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await loadGovRequest(request)
  return { scope: actor.govScope, limit: API_RATE_LIMIT.limit, tokens: await listApiTokens({ actor }) }
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = (await requireGovScope(request)) as GovActor
  const lang = getLanguage(request)
  const submission = parseWithZod(await readForm(request), { schema: TokenSchema })
  if (submission.status !== 'success') {
    const reply = submission.reply()
    const fieldErrors = Object.fromEntries(
      Object.entries(reply.error ?? {}).map(([k, v]) => [k, (v ?? []).map((m) => translate(lang, m as never))]),
    )
    return Response.json({ result: { ...reply, error: fieldErrors }, token: null }, { status: 400 })
  }
  try {
    if (submission.value.intent === 'create') {
      const { token } = await createApiToken({ actor, name: submission.value.name })
      return Response.json({ result: submission.reply({ resetForm: true }), token })
    }
    await revokeApiToken({ actor, id: submission.value.id })
    return Response.json({ result: submission.reply(), token: null })
  } catch (error) {
    return replyWithError(submission, error, lang)
  }
}

export default function GovTokens() {
  const { scope, limit, tokens } = useLoaderData<typeof loader>()
  const data = useActionData<{
    result?: { error?: Record<string, string[]>; initialValue?: Record<string, unknown> }
    token?: string | null
  }>()
  const t = useT()
  const nameError = data?.result?.error?.name?.[0]
  return (
    <Card>
      <h2 className="mb-2 text-base font-semibold">{t('gov.tokens.title')}</h2>
      <p className="mb-3 text-xs text-slate-600">
        {t('gov.tokens.hint', { scope: scopeLabel(scope, t.lang, t('gov.scope.province')), limit })}{' '}
        <a href="/api/v1/openapi.json" className="text-brand-700 underline">
          {t('gov.tokens.docs')}
        </a>
      </p>
      {data?.token ? (
        <p className="mb-3 rounded border border-emerald-300 bg-emerald-50 p-2 text-sm" role="status">
          {t('gov.tokens.created')}{' '}
          <code className="break-all select-all" data-new-token>
            {data.token}
          </code>
        </p>
      ) : null}
      <Form method="post" className="mb-4 flex flex-wrap items-start gap-2" noValidate>
        <input type="hidden" name="intent" value="create" />
        <div className="flex flex-col gap-1">
          <label htmlFor="token-name" className="text-xs text-slate-600">
            {t('gov.tokens.name')}
          </label>
          <input
            id="token-name"
            name="name"
            defaultValue={String(data?.result?.initialValue?.name ?? '')}
            placeholder={t('gov.tokens.namePlaceholder')}
            aria-invalid={nameError ? true : undefined}
            aria-describedby={nameError ? 'token-name-error' : undefined}
            className="w-72 rounded-md border border-slate-300 px-2 py-1.5 text-sm"
          />
          {nameError ? (
            <p id="token-name-error" className="text-xs text-red-700">
              {nameError}
            </p>
          ) : null}
        </div>
        <button type="submit" className="mt-5 rounded-md bg-brand-600 px-3 py-1.5 text-sm text-white hover:bg-brand-700">
          {t('gov.tokens.create')}
        </button>
      </Form>
      {tokens.length === 0 ? <p className="text-sm text-slate-600">{t('gov.tokens.none')}</p> : null}
      <ul className="divide-y divide-slate-100 text-sm">
        {tokens.map((tok) => (
          <li key={tok.id} className="flex flex-wrap items-center gap-3 py-2">
            <span className="font-medium">{tok.name}</span>
            <code className="text-xs text-slate-500">{tok.prefix}…</code>
            <Badge tone={tok.revokedAt ? 'neutral' : 'green'}>{tok.revokedAt ? t('gov.tokens.revoked') : t('gov.tokens.active')}</Badge>
            <span className="text-xs text-slate-500">
              {t('gov.tokens.lastUsed')}: {tok.lastUsedAt ? formatDate(tok.lastUsedAt, t.lang) : t('gov.tokens.never')}
            </span>
            {tok.revokedAt ? null : (
              <Form method="post" className="ml-auto">
                <input type="hidden" name="intent" value="revoke" />
                <input type="hidden" name="id" value={tok.id} />
                <button type="submit" className="rounded border border-slate-300 px-2 py-1 text-xs hover:bg-slate-50">
                  {t('gov.tokens.revoke')}
                </button>
              </Form>
            )}
          </li>
        ))}
      </ul>
    </Card>
  )
}

export const ErrorBoundary = GovErrorBoundary
