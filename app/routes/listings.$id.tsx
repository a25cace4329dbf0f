import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { Badge } from '~/components/badge'
import { ButtonLink } from '~/components/button'
import { Card, CardTitle } from '~/components/card'
import { ListingDetails } from '~/components/listing-details'
import { VerificationBadge } from '~/components/verification-badge'
import { getActor } from '~/domain/accounts/session.server'
import { requireUser } from '~/domain/accounts/guards.server'
import { ListingRuleError, STATUS_TRANSITIONS, changeListingStatus, duplicateListing, type StatusAction } from '~/domain/listings/mutations.server'
import { getListing, listListingVersions } from '~/domain/listings/queries.server'
import { listListingAttachments } from '~/domain/listings/attachments.server'
import { Button } from '~/components/button'
import { Notice } from '~/components/notice'
import { formatDate } from '~/lib/format'
import { invariantResponse, parseId } from '~/lib/http'
import { taxonomyLabel, useT } from '~/lib/i18n'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.listing.title} · 晋产教` : '晋产教' }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = parseId(params.id)
  const actor = await getActor(request)
  const listing = await getListing({ id, actor })
  invariantResponse(listing, '需求或供给不存在')
  const versions = listing.canEdit ? await listListingVersions({ id, actor }) : []
  const actions = listing.canEdit ? Object.entries(STATUS_TRANSITIONS).filter(([, t]) => t.from.includes(listing.status)).map(([name]) => name) : []
  const attachments = await listListingAttachments(id)
  const attachmentError = new URL(request.url).searchParams.get('attachmentError')
  return { listing, versions, actions, attachments, attachmentError, signedIn: actor.kind === 'user' }
}

/** Status changes and duplication by members of the owning organisation (checked in the domain). */
export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireUser(request)
  const id = parseId(params.id)
  const intent = String((await request.formData()).get('intent'))
  if (intent === 'duplicate') return redirect(`/listings/${await duplicateListing({ actor, id })}/edit`)
  if (!(intent in STATUS_TRANSITIONS)) return Response.json({ error: '未知的操作' }, { status: 400 })
  try {
    await changeListingStatus({ actor, id, action: intent as StatusAction })
    return Response.json({ error: null })
  } catch (error) {
    if (error instanceof ListingRuleError) return Response.json({ error: error.message }, { status: 400 })
    throw error
  }
}

const ACTION_LABELS: Record<string, string> = { publish: '发布', pause: '暂停', resume: '恢复发布', close: '关闭', reopen: '重新开放' }

export default function ListingPage() {
  const { listing, signedIn, versions, actions, attachments, attachmentError } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const t = useT()
  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
      <article className="min-w-0 space-y-4">
        <div className="flex flex-wrap items-center gap-1.5">
          <Badge tone={listing.direction === 'need' ? 'blue' : 'brand'}>{t(`direction.${listing.direction}`)}</Badge>
          <Badge>{taxonomyLabel.type(listing.type, t.lang)}</Badge>
          {listing.status !== 'published' ? <Badge tone="amber">{t(`listing.status.${listing.status}`)}</Badge> : null}
        </div>
        <h1 className="text-2xl leading-snug font-bold">{listing.title}</h1>
        <dl className="grid grid-cols-2 gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-4">
          <div>
            <dt className="text-xs text-slate-500">{t('listing.capacity')}</dt>
            <dd className="text-lg font-semibold tabular-nums">{listing.capacity.toLocaleString()}</dd>
          </div>
          <div>
            <dt className="text-xs text-slate-500">{t('listing.city')}</dt>
            <dd className="text-sm font-medium">{taxonomyLabel.city(listing.city, t.lang)}</dd>
          </div>
          <div className="col-span-2">
            <dt className="text-xs text-slate-500">{t('listing.window')}</dt>
            <dd className="text-sm font-medium">
              {formatDate(listing.startsOn, t.lang)} – {formatDate(listing.endsOn, t.lang)}
            </dd>
          </div>
        </dl>
        <Card>
          <CardTitle>{t('listing.description')}</CardTitle>
          <p className="text-sm leading-relaxed whitespace-pre-line text-slate-800">{listing.description}</p>
        </Card>
        <Card>
          <CardTitle>{t('listing.details')}</CardTitle>
          <ListingDetails type={listing.type} details={listing.details} />
        </Card>
        {attachments.length || listing.canEdit ? (
          <Card>
            <CardTitle>附件</CardTitle>
            <ul className="space-y-1 text-sm">
              {attachments.map((a) => (
                <li key={a.id} className="flex flex-wrap items-center gap-2">
                  <a href={`/files/attachments/${a.id}`} className="text-brand-700 underline" target="_blank" rel="noreferrer">
                    {a.fileName}
                  </a>
                  <span className="text-xs text-slate-500">{Math.ceil(a.sizeBytes / 1024).toLocaleString()} KB</span>
                  {listing.canEdit ? (
                    <Form method="post" action={`/listings/${listing.id}/attachments`} encType="multipart/form-data">
                      <button type="submit" name="remove" value={a.id} className="text-xs text-slate-500 underline">
                        删除
                      </button>
                    </Form>
                  ) : null}
                </li>
              ))}
            </ul>
            {listing.canEdit ? (
              <Form method="post" action={`/listings/${listing.id}/attachments`} encType="multipart/form-data" className="mt-3 flex flex-wrap items-center gap-2">
                <label htmlFor="attachment-file" className="sr-only">
                  选择附件
                </label>
                <input id="attachment-file" name="file" type="file" accept=".pdf,.jpg,.jpeg,.png" aria-describedby="attachment-error" className="text-sm" />
                <Button type="submit" variant="secondary">
                  上传附件
                </Button>
                <p className="w-full text-xs text-slate-500">PDF、JPG 或 PNG，每个不超过 10 MB，最多 5 个。</p>
                {attachmentError ? (
                  <p id="attachment-error" role="alert" className="w-full text-sm text-red-700">
                    {attachmentError}
                  </p>
                ) : null}
              </Form>
            ) : null}
          </Card>
        ) : null}
        <div>
          <h2 className="mb-2 text-sm font-semibold text-slate-700">{t('listing.clusters')}</h2>
          <ul className="flex flex-wrap gap-1.5">
            {listing.clusters.map((c) => (
              <li key={c}>
                <Link to={`/search?cluster=${c}`} className="rounded-full border border-amber-300 bg-amber-50 px-2.5 py-0.5 text-xs text-amber-900 hover:border-amber-500">
                  {taxonomyLabel.cluster(c, t.lang)}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      </article>
      <aside className="space-y-4">
        <Card>
          <CardTitle>{t('listing.publisher')}</CardTitle>
          <Link to={`/orgs/${listing.organisationId}`} className="font-medium text-brand-700 hover:underline">
            {listing.organisationName}
          </Link>
          <div className="mt-2 flex flex-wrap items-center gap-1.5 text-xs text-slate-600">
            <VerificationBadge state={listing.organisationVerification} />
            <span>{taxonomyLabel.orgKind(listing.organisationKind, t.lang)}</span>
            <span>{taxonomyLabel.city(listing.organisationCity, t.lang)}</span>
          </div>
        </Card>
        <Card>
          <CardTitle>{t('listing.contact')}</CardTitle>
          {signedIn ? (
            <dl className="space-y-1 text-sm">
              <dd>{listing.contactName}</dd>
              <dd>{listing.contactPhone}</dd>
              <dd className="break-all">{listing.contactEmail}</dd>
            </dl>
          ) : (
            <div className="space-y-3">
              <p className="text-sm text-slate-600">{t('listing.contactHint')}</p>
              <ButtonLink to={`/login?redirectTo=/listings/${listing.id}`}>{t('nav.signIn')}</ButtonLink>
            </div>
          )}
        </Card>
        {listing.canEdit ? (
          <Card>
            <CardTitle>管理</CardTitle>
            {result?.error ? (
              <div className="mb-3">
                <Notice tone="error">{result.error}</Notice>
              </div>
            ) : null}
            {listing.reference ? (
              <p className="mb-3 text-xs text-slate-500">
                {t('listing.reference')}: {listing.reference}
              </p>
            ) : null}
            <Form method="post" className="flex flex-wrap gap-2">
              <ButtonLink variant="secondary" to={`/listings/${listing.id}/edit`}>
                {t('listing.edit')}
              </ButtonLink>
              {actions.map((a) => (
                <Button key={a} type="submit" name="intent" value={a} variant={a === 'publish' || a === 'resume' || a === 'reopen' ? 'primary' : 'secondary'}>
                  {ACTION_LABELS[a]}
                </Button>
              ))}
              <Button type="submit" name="intent" value="duplicate" variant="ghost">
                复制为新草稿
              </Button>
            </Form>
            {versions.length ? (
              <details className="mt-4 text-xs">
                <summary className="cursor-pointer text-slate-600">修改记录（{versions.length}）</summary>
                <ul className="mt-2 space-y-1">
                  {versions.map((v) => (
                    <li key={v.version}>
                      v{v.version} · {formatDate(v.createdAt, t.lang)} · {v.actorName ?? '系统'} · {Object.keys(v.changes).join('、')}
                    </li>
                  ))}
                </ul>
              </details>
            ) : null}
          </Card>
        ) : null}
      </aside>
    </div>
  )
}
