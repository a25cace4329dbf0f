import { parseWithZod } from '@conform-to/zod'
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { z } from 'zod'
import { Button, ButtonLink } from '~/components/button'
import { Card } from '~/components/card'
import { RouteErrorBoundary } from '~/components/error-page'
import { ErrorList, SelectField, TextAreaField } from '~/components/field'
import { Notice } from '~/components/notice'
import { requireUser } from '~/domain/accounts/guards.server'
import { orRespond, replyWithError } from '~/domain/errors.server'
import { MESSAGE_MAX, startMatch } from '~/domain/matches/mutations.server'
import { getStartForm } from '~/domain/matches/queries.server'
import { getLanguage, langFromMatches, taxonomyLabel, translate, useT } from '~/lib/i18n'
import { taxonomy } from '../../db/reference'
import { readForm } from '~/domain/request-form.server'
import { parseFormId } from '~/lib/schemas/ids'

export const meta: MetaFunction = ({ matches }) => {
  const lang = langFromMatches(matches)
  return [{ title: `${translate(lang, 'match.new.title')} · ${translate(lang, 'app.brand')}` }]
}

/** `?listing=<id>` (what the interest is about), `&bring=<own listing id>`, or `?org=<id>` from a profile. */
function target(request: Request) {
  const params = new URL(request.url).searchParams
  const id = (name: string) => {
    const v = Number(params.get(name))
    return Number.isSafeInteger(v) && v > 0 ? v : null
  }
  return { listingId: id('listing'), organisationId: id('org'), bring: id('bring'), type: params.get('type') }
}

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireUser(request)
  const { listingId, organisationId, bring, type } = target(request)
  const form = await orRespond(getLanguage(request), () => getStartForm({ actor, listingId, organisationId }))
  if (form.existingMatchId) throw redirect(`/matches/${form.existingMatchId}?existing=1`)
  return {
    ...form,
    bring: form.ownListings.some((l) => l.id === bring) ? bring : null,
    type: type ?? form.listing?.type ?? null,
    messageMax: MESSAGE_MAX,
  }
}

const StartSchema = z.object({ message: z.string().optional(), bring: z.string().optional(), type: z.string().optional() })

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireUser(request)
  const lang = getLanguage(request)
  const { listingId, organisationId } = target(request)
  const submission = parseWithZod(await readForm(request), { schema: StartSchema })
  if (submission.status !== 'success') return Response.json(submission.reply(), { status: 400 })
  try {
    const { id, existing } = await startMatch({
      actor,
      listingId,
      organisationId: listingId ? null : organisationId,
      bringListingId: parseFormId(submission.value.bring),
      type: submission.value.type ?? null,
      message: submission.value.message ?? '',
    })
    return redirect(`/matches/${id}${existing ? '?existing=1' : ''}`)
  } catch (error) {
    return replyWithError(submission, error, lang)
  }
}

export default function StartMatch() {
  const data = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>() as { initialValue?: Record<string, string>; error?: Record<string, string[]> } | undefined
  const t = useT()
  const busy = useNavigation().state === 'submitting'
  const kept = result?.initialValue ?? {}
  const errors = result?.error ?? {}
  if (data.block)
    return (
      <div className="mx-auto max-w-xl space-y-4">
        <h1 className="text-xl font-bold">{t('match.new.title')}</h1>
        <Notice tone="warning">{t(`match.start.${data.block}`)}</Notice>
        {data.block === 'unverified' && data.organisationId ? (
          <ButtonLink to={`/orgs/${data.organisationId}/verification`}>{t('match.cta.verify')}</ButtonLink>
        ) : null}
        {data.block === 'noOrganisation' ? <ButtonLink to="/register">{t('nav.register')}</ButtonLink> : null}
      </div>
    )
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-xl font-bold">{t('match.new.title')}</h1>
      <Card>
        <dl className="mb-4 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
          <dt className="text-slate-600">{t('match.new.to')}</dt>
          <dd>
            <Link to={`/orgs/${data.target.id}`} className="font-medium text-brand-700 hover:underline">
              {data.target.name}
            </Link>
          </dd>
          {data.listing ? (
            <>
              <dt className="text-slate-600">{t('match.new.about')}</dt>
              <dd>
                <Link to={`/listings/${data.listing.id}`} className="text-brand-700 hover:underline">
                  {data.listing.title}
                </Link>
              </dd>
            </>
          ) : null}
        </dl>
        <Form method="post" className="space-y-4">
          {!data.listing ? (
            <SelectField
              id="start-type"
              name="type"
              label={t('match.new.type')}
              required
              placeholder={t('match.page.pickAttachment')}
              defaultValue={kept.type ?? data.type ?? undefined}
              errors={errors.type}
              options={taxonomy.cooperation_types.map((c) => ({ value: c.code, label: taxonomyLabel.type(c.code, t.lang) }))}
            />
          ) : null}
          <SelectField
            id="start-bring"
            name="bring"
            label={t('match.new.bring')}
            defaultValue={kept.bring ?? (data.bring ? String(data.bring) : '')}
            errors={errors.bring}
            placeholder={t('match.new.bringNone')}
            options={data.ownListings.map((l) => ({ value: String(l.id), label: `${taxonomyLabel.type(l.type, t.lang)} · ${l.title}` }))}
          />
          <TextAreaField
            id="start-message"
            name="message"
            rows={6}
            required
            maxLength={data.messageMax}
            label={t('match.new.message')}
            hint={t('match.new.messageHint', { max: data.messageMax })}
            defaultValue={kept.message}
            errors={errors.message}
          />
          <ErrorList errors={errors['']} />
          <Button type="submit" disabled={busy}>
            {t('match.new.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  )
}

export const ErrorBoundary = RouteErrorBoundary
