import { parseWithZod } from '@conform-to/zod'
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import type { ReactNode } from 'react'
import { Badge } from '~/components/badge'
import { Button } from '~/components/button'
import { Card, CardTitle } from '~/components/card'
import { RouteErrorBoundary } from '~/components/error-page'
import { ErrorList, SelectField, TextAreaField, TextField } from '~/components/field'
import { MatchTimeline } from '~/components/match-timeline'
import { StageBadge, StageSteps } from '~/components/match-stage'
import { Notice } from '~/components/notice'
import { OutcomeTable } from '~/components/outcome-table'
import { requireUser } from '~/domain/accounts/guards.server'
import { DomainError, errorResponse, isDomainError, orRespond, replyWithError } from '~/domain/errors.server'
import { readUploadForm, type UploadedFile } from '~/domain/files/uploads.server'
import { MATCH_ATTACHMENT_LIMITS, addMatchAttachment } from '~/domain/matches/attachments.server'
import { MESSAGE_MAX, applyMatchAction, postMessage, setListedPublicly } from '~/domain/matches/mutations.server'
import { markNotificationsRead } from '~/domain/matches/notifications.server'
import { OUTCOME_FIELDS, type OutcomeType } from '~/domain/matches/outcomes'
import { getMatch } from '~/domain/matches/queries.server'
import { REPORT_REASONS, reportMatch } from '~/domain/matches/reports.server'
import { MATCH_ACTIONS, type MatchAction } from '~/domain/matches/transitions'
import { MATCH_NOTE_MAX, MatchFormSchema } from '~/lib/schemas/matches'
import { formatDate, formatNumber } from '~/lib/format'
import { parseId } from '~/lib/http'
import { getLanguage, langFromMatches, taxonomyLabel, translate, useT, type MessageKey } from '~/lib/i18n'
import { endReasonKey } from '~/lib/match-format'
import { TECH_CONTRACT_KINDS, type MatchStage } from '../../db/reference'
import { readForm as readPlainForm } from '~/domain/request-form.server'
import { parseFormId } from '~/lib/schemas/ids'

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const lang = langFromMatches(matches)
  return [
    {
      title: `${data ? translate(lang, 'match.page.title', { counterpart: data.match.counterpart.name }) : translate(lang, 'error.notFound')} · ${translate(lang, 'app.brand')}`,
    },
  ]
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireUser(request)
  const id = parseId(params.id)
  const match = await orRespond(getLanguage(request), () => getMatch({ actor, id }))
  if (!match.readOnly) await markNotificationsRead({ actor, matchId: id })
  const fields = OUTCOME_FIELDS[match.type as OutcomeType]
  const signedYear = match.signedAt ? new Date(match.signedAt).getUTCFullYear() : new Date().getUTCFullYear()
  const incomeYears =
    match.type === 'tech_transfer' ? Array.from({ length: new Date().getUTCFullYear() + 1 - signedYear + 1 }, (_, i) => signedYear + i) : []
  return {
    match,
    fields,
    incomeYears,
    reported: new URL(request.url).searchParams.has('reported'),
    existing: new URL(request.url).searchParams.has('existing'),
    reportReasons: REPORT_REASONS,
    maxMb: MATCH_ATTACHMENT_LIMITS.maxBytes / 1024 / 1024,
    messageMax: MESSAGE_MAX,
  }
}

/** An upload streams to a temporary file (removed by `dispose`); any other form is read as usual. */
async function readForm(request: Request) {
  const none = { files: new Map<string, UploadedFile>(), dispose: async () => {} }
  if (!(request.headers.get('Content-Type') ?? '').startsWith('multipart/form-data'))
    return { ...none, form: await readPlainForm(request), tooLarge: false }
  try {
    const upload = await readUploadForm(request, { maxBytes: MATCH_ATTACHMENT_LIMITS.maxBytes, field: 'file' })
    return { form: upload.fields, files: upload.files, dispose: upload.dispose, tooLarge: false }
  } catch (error) {
    if (isDomainError(error) && error.code === 'too_large') return { ...none, form: new FormData(), tooLarge: true }
    throw errorResponse(new DomainError('invalid', 'input.formUnreadable'), getLanguage(request))
  }
}

export async function action(args: ActionFunctionArgs) {
  const read = await readForm(args.request)
  try {
    return await act(args, read)
  } finally {
    await read.dispose()
  }
}

async function act({ request, params }: ActionFunctionArgs, { form, files, tooLarge }: Awaited<ReturnType<typeof readForm>>) {
  const actor = await requireUser(request)
  const matchId = parseId(params.id)
  const lang = getLanguage(request)
  if (tooLarge) form.set('intent', 'upload')
  const submission = parseWithZod(form, { schema: MatchFormSchema })
  if (submission.status !== 'success') return Response.json(submission.reply(), { status: 400 })
  const value = (name: string) => {
    const v = form.get(name)
    return typeof v === 'string' ? v : null
  }
  try {
    switch (submission.value.intent) {
      case 'message':
        await postMessage({ actor, matchId, body: value('body') ?? '' })
        break
      case 'upload': {
        if (tooLarge)
          throw new DomainError('invalid', 'match.attachment.tooLarge', {
            field: 'file',
            vars: { mb: MATCH_ATTACHMENT_LIMITS.maxBytes / 1024 / 1024 },
          })
        await addMatchAttachment({ actor, matchId, file: files.get('file') ?? null })
        break
      }
      case 'report':
        await reportMatch({ actor, matchId, reason: value('reason') ?? '', note: value('note'), eventId: parseFormId(value('eventId')) })
        return redirect(`/matches/${matchId}?reported=1`)
      case 'list':
        await setListedPublicly({ actor, matchId, listed: value('listed') === 'on' })
        break
      case 'act': {
        const name = value('action') ?? ''
        if (!(MATCH_ACTIONS as readonly string[]).includes(name)) throw new DomainError('invalid', 'match.rule.stage')
        const outcome: Record<string, string> = {}
        for (const [k, v] of form.entries()) if (typeof v === 'string') outcome[k] = v
        await applyMatchAction({
          actor,
          matchId,
          version: parseFormId(value('version')) ?? 0,
          action: name as MatchAction,
          reason: value('reason'),
          note: value('note'),
          attachmentId: parseFormId(value('attachmentId')),
          outcome,
        })
        break
      }
    }
  } catch (error) {
    return replyWithError(submission, error, lang)
  }
  return redirect(`/matches/${matchId}`)
}

type ActionData = { initialValue?: Record<string, unknown> | null; error?: Record<string, string[] | null> | null } | undefined

/** The errors and kept input of the form that was just sent, when it is this one. */
function useFormState(intent: string, step?: MatchAction) {
  const data = useActionData() as ActionData
  const initial = data?.initialValue ?? {}
  const mine = initial.intent === intent && (!step || initial.action === step)
  return {
    errors: (field: string) => (mine ? (data?.error?.[field] ?? undefined) : undefined),
    value: (field: string) => (mine && typeof initial[field] === 'string' ? (initial[field] as string) : undefined),
  }
}

function ActionForm({
  action,
  children,
  variant = 'primary',
}: {
  action: MatchAction
  children?: React.ReactNode
  variant?: 'primary' | 'secondary' | 'danger'
}) {
  const { match } = useLoaderData<typeof loader>()
  const t = useT()
  const state = useFormState('act', action)
  const busy = useNavigation().state === 'submitting'
  return (
    <Form method="post" className="space-y-3" data-action={action}>
      <input type="hidden" name="intent" value="act" />
      <input type="hidden" name="action" value={action} />
      <input type="hidden" name="version" value={match.version} />
      {children}
      <ErrorList errors={state.errors('')} />
      <Button type="submit" variant={variant} disabled={busy}>
        {t(`match.action.${action}`)}
      </Button>
    </Form>
  )
}

/** A refusal tucked behind its summary, opened again when its form came back with an error. */
function ReasonDisclosure({
  open,
  summaryClass,
  label,
  children,
}: {
  open: boolean
  summaryClass: string
  label: string
  children: ReactNode
}) {
  return (
    <details className="rounded-md border border-slate-200 p-3" open={open}>
      <summary className={`cursor-pointer text-sm font-medium ${summaryClass}`}>{label}</summary>
      <div className="mt-3">{children}</div>
    </details>
  )
}

function ReasonFields({
  action,
  reasons,
  prefix,
}: {
  action: MatchAction
  reasons: readonly string[]
  prefix: 'match.endReason' | 'match.declineReason'
}) {
  const t = useT()
  const state = useFormState('act', action)
  return (
    <>
      <SelectField
        id={`${action}-reason`}
        name="reason"
        label={t('match.page.reason')}
        required
        placeholder={t('match.page.pickAttachment')}
        defaultValue={state.value('reason')}
        errors={state.errors('reason')}
        options={reasons.map((r) => ({ value: r, label: t(`${prefix}.${r}` as MessageKey) }))}
      />
      <TextAreaField
        id={`${action}-note`}
        name="note"
        rows={2}
        label={t('match.page.reasonText')}
        required={action === 'terminate'}
        defaultValue={state.value('note')}
        errors={state.errors('note')}
      />
    </>
  )
}

function OutcomeFields() {
  const { match, fields, incomeYears } = useLoaderData<typeof loader>()
  const t = useT()
  const state = useFormState('act', 'propose_complete')
  const label = (k: string) => t(`outcome.${k}` as MessageKey)
  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-medium text-slate-800">{t('match.page.outcome')}</legend>
      <p className="text-xs text-slate-600">{t('match.page.outcomeHint')}</p>
      {match.type === 'tech_transfer' ? (
        <SelectField
          id="o-contractKind"
          name="contractKind"
          label={label('contractKind')}
          required
          placeholder={t('match.page.pickAttachment')}
          defaultValue={state.value('contractKind')}
          errors={state.errors('contractKind')}
          options={TECH_CONTRACT_KINDS.map((k) => ({ value: k, label: t(`contractKind.${k}`) }))}
        />
      ) : null}
      <div className="grid gap-3 sm:grid-cols-2">
        {fields.numbers.map((k) => (
          <TextField
            key={k}
            id={`o-${k}`}
            name={k}
            label={label(k)}
            inputMode="decimal"
            required={fields.required.includes(k)}
            defaultValue={state.value(k)}
            errors={state.errors(k)}
          />
        ))}
        {incomeYears.map((y) => (
          <TextField
            key={y}
            id={`o-income-${y}`}
            name={`incomeByYear.${y}`}
            label={t('outcome.incomeByYear', { year: y })}
            inputMode="decimal"
            defaultValue={state.value(`incomeByYear.${y}`)}
            errors={state.errors(`incomeByYear.${y}`)}
          />
        ))}
      </div>
      {fields.texts
        .filter((k) => k !== 'contractKind')
        .map((k) => (
          <TextField key={k} id={`o-${k}`} name={k} label={label(k)} defaultValue={state.value(k)} errors={state.errors(k)} />
        ))}
      {fields.flags.map((k) => (
        <label key={k} className="flex items-center gap-2 text-sm text-slate-800">
          <input type="checkbox" name={k} className="size-4 accent-brand-600" defaultChecked={state.value(k) === 'on'} />
          {label(k)}
        </label>
      ))}
      {match.type === 'internship' ? (
        <>
          <TextField
            id="o-postStaff"
            name="postStaff"
            label={t('match.page.postStaff')}
            inputMode="numeric"
            defaultValue={state.value('postStaff')}
          />
          <TextField
            id="o-capacityReason"
            name="capacityReason"
            label={t('match.page.capacityReason')}
            defaultValue={state.value('capacityReason')}
          />
        </>
      ) : null}
    </fieldset>
  )
}

function NextSteps() {
  const { match } = useLoaderData<typeof loader>()
  const t = useT()
  const open = match.openProposal
  const has = (a: MatchAction) => match.actions.includes(a)
  const main = match.actions.filter((a) => a !== 'terminate')
  const declining = useFormState('act', 'decline').value('reason') !== undefined
  const terminating = useFormState('act', 'terminate').value('note') !== undefined
  return (
    <Card>
      <CardTitle>{t('match.page.actions')}</CardTitle>
      <div className="space-y-4">
        {open ? (
          <div className="rounded-md border border-amber-200 bg-amber-50 p-3 text-sm" data-testid="open-proposal">
            <p className="font-medium text-amber-900">
              {t('match.page.proposalOpen', {
                org: open.byMe ? match.mine.name : match.counterpart.name,
                kind: t(`match.proposal.${open.kind}`),
                who: open.byMe ? t('match.page.proposalThem') : t('match.page.proposalYou'),
              })}
            </p>
            {open.note ? <p className="mt-1 whitespace-pre-line text-slate-700">{open.note}</p> : null}
            {open.attachmentId ? (
              <a
                href={`/matches/files/${open.attachmentId}`}
                className="mt-1 inline-block text-brand-700 underline"
                target="_blank"
                rel="noreferrer"
              >
                {t('match.page.agreement')}
              </a>
            ) : null}
            {open.outcome ? (
              <div className="mt-2">
                <OutcomeTable type={match.type} outcome={open.outcome} />
              </div>
            ) : null}
          </div>
        ) : null}
        {main.length === 0 && !has('terminate') ? <p className="text-sm text-slate-600">{t('match.page.noActions')}</p> : null}
        {has('confirm') ? <ActionForm action="confirm" /> : null}
        {has('dispute') ? <DisputeForm /> : null}
        {has('withdraw') ? <ActionForm action="withdraw" variant="secondary" /> : null}
        {has('negotiate') ? <ActionForm action="negotiate" /> : null}
        {has('start') ? <ActionForm action="start" /> : null}
        {has('propose_sign') ? <ProposeSignForm key={match.attachments.length} /> : null}
        {has('propose_complete') ? (
          <ActionForm action="propose_complete">
            <OutcomeFields />
          </ActionForm>
        ) : null}
        {has('decline') ? (
          <ReasonDisclosure open={declining} summaryClass="text-slate-800" label={t('match.action.decline')}>
            <ActionForm action="decline" variant="secondary">
              <ReasonFields action="decline" reasons={match.declineReasons} prefix="match.declineReason" />
            </ActionForm>
          </ReasonDisclosure>
        ) : null}
        {has('terminate') ? (
          <ReasonDisclosure open={terminating} summaryClass="text-red-800" label={t('match.action.terminate')}>
            <ActionForm action="terminate" variant="danger">
              <ReasonFields action="terminate" reasons={match.endReasons} prefix="match.endReason" />
            </ActionForm>
          </ReasonDisclosure>
        ) : null}
      </div>
    </Card>
  )
}

function DisputeForm() {
  const t = useT()
  const state = useFormState('act', 'dispute')
  return (
    <details className="rounded-md border border-slate-200 p-3" open={state.value('note') !== undefined}>
      <summary className="cursor-pointer text-sm font-medium text-slate-800">{t('match.action.dispute')}</summary>
      <div className="mt-3">
        <ActionForm action="dispute" variant="secondary">
          <TextAreaField
            id="dispute-note"
            name="note"
            rows={3}
            required
            label={t('match.page.disputeReason')}
            defaultValue={state.value('note')}
            errors={state.errors('note')}
          />
        </ActionForm>
      </div>
    </details>
  )
}

function ProposeSignForm() {
  const { match } = useLoaderData<typeof loader>()
  const t = useT()
  const state = useFormState('act', 'propose_sign')
  return (
    <ActionForm action="propose_sign">
      <SelectField
        id="sign-attachment"
        name="attachmentId"
        label={t('match.page.agreement')}
        hint={t('match.page.agreementHint')}
        required
        placeholder={t('match.page.pickAttachment')}
        defaultValue={state.value('attachmentId') ?? (match.attachments.length ? String(match.attachments.at(-1)!.id) : undefined)}
        errors={state.errors('attachmentId')}
        options={match.attachments.map((a) => ({ value: String(a.id), label: a.fileName }))}
      />
      <TextField id="sign-note" name="note" label={t('match.page.note')} defaultValue={state.value('note')} errors={state.errors('note')} />
    </ActionForm>
  )
}

export default function MatchPage() {
  const { match, maxMb, messageMax, reportReasons, reported, existing } = useLoaderData<typeof loader>()
  const t = useT()
  const message = useFormState('message')
  const upload = useFormState('upload')
  const report = useFormState('report')
  const reached = [...new Set(match.events.filter((e) => e.kind === 'stage_change').map((e) => e.toStage as MatchStage))]
  const c = match.counterpart
  const endKey = endReasonKey(match.endReason)
  const theirMessages = match.events.filter((e) => e.kind === 'message' && e.organisationId === c.id).slice(-20)
  return (
    <div className="space-y-6">
      <header className="space-y-3">
        <p className="text-sm">
          <Link to="/matches" className="text-brand-700 hover:underline">
            ← {t('match.list.title')}
          </Link>
        </p>
        <div className="flex flex-wrap items-center gap-2">
          <StageBadge stage={match.stage} />
          <Badge>{taxonomyLabel.type(match.type, t.lang)}</Badge>
          {match.stale ? <Badge tone="amber">{t('match.list.staleBadge')}</Badge> : null}
          <span className="text-xs text-slate-500">{t('match.page.version', { n: match.version })}</span>
        </div>
        <h1 className="text-2xl leading-snug font-bold break-words text-slate-900">
          <Link to={`/orgs/${c.id}`} className="hover:underline">
            {c.name}
          </Link>
        </h1>
        <p className="text-sm text-slate-700">
          {t('match.page.startedBy', {
            org: match.initiatorOrganisationId === match.mine.id ? match.mine.name : c.name,
            date: formatDate(match.createdAt, t.lang),
          })}
          {match.listing ? (
            <>
              {' · '}
              {t('match.page.listing')}
              {t('common.colon')}
              <Link to={`/listings/${match.listing.id}`} className="text-brand-700 hover:underline">
                {match.listing.title}
              </Link>
            </>
          ) : null}
          {match.broughtListing ? (
            <>
              {' · '}
              {t('match.page.bring')}
              {t('common.colon')}
              <Link to={`/listings/${match.broughtListing.id}`} className="text-brand-700 hover:underline">
                {match.broughtListing.title}
              </Link>
            </>
          ) : null}
        </p>
        <StageSteps stage={match.stage} reached={reached} />
        {match.readOnly ? <Notice tone="info">{t('match.page.readOnly')}</Notice> : null}
        {reported ? <Notice tone="success">{t('match.report.done')}</Notice> : null}
        {existing ? <Notice tone="info">{t('match.new.existing')}</Notice> : null}
        {match.stage === 'terminated' && endKey ? (
          <Notice tone="warning">
            {t(endKey)}
            {match.endNote ? `${t('common.colon')}${match.endNote}` : ''}
          </Notice>
        ) : null}
      </header>

      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="min-w-0 space-y-4">
          {!match.readOnly && (match.actions.length || match.openProposal) ? <NextSteps /> : null}
          {match.stage === 'completed' && Object.keys(match.outcome).length ? (
            <Card>
              <CardTitle>{t('match.page.outcomeConfirmed')}</CardTitle>
              <OutcomeTable type={match.type} outcome={match.outcome} />
            </Card>
          ) : null}
          <Card>
            <CardTitle>{t('match.page.timeline')}</CardTitle>
            <MatchTimeline
              events={match.events}
              orgNames={match.orgNames}
              mineId={match.mine.id}
              type={match.type}
              proposals={match.proposalOutcomes}
            />
            {!match.readOnly ? (
              <Form method="post" className="mt-4 space-y-2" key={match.events.length}>
                <input type="hidden" name="intent" value="message" />
                <TextAreaField
                  id="message-body"
                  name="body"
                  rows={3}
                  maxLength={messageMax}
                  label={t('match.page.message')}
                  placeholder={t('match.page.messagePlaceholder')}
                  defaultValue={message.value('body')}
                  errors={message.errors('body')}
                />
                <Button type="submit">{t('match.page.send')}</Button>
              </Form>
            ) : null}
          </Card>
        </div>

        <aside className="space-y-4">
          <Card>
            <CardTitle>{t('match.page.contact')}</CardTitle>
            <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
              <dt className="text-slate-600">{t('listing.contactName')}</dt>
              <dd>{c.contactName ?? '—'}</dd>
              <dt className="text-slate-600">{t('match.page.phone')}</dt>
              <dd>
                {c.contactPhone ? (
                  <a href={`tel:${c.contactPhone}`} className="text-brand-700 underline">
                    {c.contactPhone}
                  </a>
                ) : (
                  '—'
                )}
              </dd>
              <dt className="text-slate-600">{t('match.page.email')}</dt>
              <dd className="break-all">
                {c.contactEmail ? (
                  <a href={`mailto:${c.contactEmail}`} className="text-brand-700 underline">
                    {c.contactEmail}
                  </a>
                ) : (
                  '—'
                )}
              </dd>
            </dl>
          </Card>
          <Card>
            <CardTitle>{t('match.page.attachments')}</CardTitle>
            <ul className="space-y-1 text-sm">
              {match.attachments.map((a) => (
                <li key={a.id} className="flex flex-wrap items-baseline gap-2">
                  <a href={`/matches/files/${a.id}`} className="break-all text-brand-700 underline" target="_blank" rel="noreferrer">
                    {a.fileName}
                  </a>
                  <span className="text-xs text-slate-500">
                    {formatNumber(Math.ceil(a.sizeBytes / 1024), t.lang)} KB · {match.orgNames[a.organisationId]}
                  </span>
                </li>
              ))}
            </ul>
            {!match.readOnly ? (
              <Form method="post" encType="multipart/form-data" className="mt-3 space-y-2" key={match.attachments.length}>
                <input type="hidden" name="intent" value="upload" />
                <label htmlFor="match-file" className="block text-sm font-medium text-slate-800">
                  {t('match.page.chooseFile')}
                </label>
                <input
                  id="match-file"
                  name="file"
                  type="file"
                  accept=".pdf,.jpg,.jpeg,.png"
                  className="block max-w-full text-sm"
                  aria-describedby="match-file-hint"
                />
                <p id="match-file-hint" className="text-xs text-slate-600">
                  {t('match.page.attachmentHint', { mb: maxMb })}
                </p>
                <ErrorList errors={upload.errors('file')} />
                <Button type="submit" variant="secondary">
                  {t('match.page.upload')}
                </Button>
              </Form>
            ) : null}
          </Card>
          {!match.readOnly ? (
            <Card>
              <Form method="post" className="space-y-2">
                <input type="hidden" name="intent" value="list" />
                <label className="flex items-center gap-2 text-sm text-slate-800">
                  <input type="checkbox" name="listed" defaultChecked={match.listedPublicly} className="size-4 accent-brand-600" />
                  {t('match.page.listPublicly')}
                </label>
                <Button type="submit" variant="ghost">
                  {t('match.page.save')}
                </Button>
              </Form>
              <details className="mt-3" open={report.errors('reason') !== undefined || report.errors('note') !== undefined}>
                <summary className="cursor-pointer text-sm text-slate-600">{t('match.page.report')}</summary>
                <Form method="post" className="mt-2 space-y-2">
                  <input type="hidden" name="intent" value="report" />
                  <SelectField
                    id="report-reason"
                    name="reason"
                    label={t('match.page.reportReason')}
                    required
                    placeholder={t('match.page.pickAttachment')}
                    errors={report.errors('reason')}
                    options={reportReasons.map((r) => ({ value: r, label: t(`match.reportReason.${r}`) }))}
                  />
                  <SelectField
                    id="report-message"
                    name="eventId"
                    label={t('match.page.reportMessage')}
                    placeholder={t('match.page.reportWholeMatch')}
                    options={theirMessages.map((e) => ({ value: String(e.id), label: (e.body ?? '').slice(0, 40) }))}
                  />
                  <TextAreaField
                    id="report-note"
                    name="note"
                    rows={2}
                    maxLength={MATCH_NOTE_MAX}
                    label={t('match.page.reasonText')}
                    defaultValue={report.value('note')}
                    errors={report.errors('note')}
                  />
                  <Button type="submit" variant="secondary">
                    {t('match.page.reportSubmit')}
                  </Button>
                </Form>
              </details>
            </Card>
          ) : null}
        </aside>
      </div>
    </div>
  )
}

export const ErrorBoundary = RouteErrorBoundary
