import {
  MaxPartSizeExceededError,
  redirect,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
} from '@remix-run/node'
import { Form, useActionData } from '@remix-run/react'
import { Button } from '~/components/button'
import { Card, CardTitle } from '~/components/card'
import { CheckboxField, ErrorList, SelectField } from '~/components/field'
import { requireUser } from '~/domain/accounts/guards.server'
import { IMPORT_MAX_BYTES } from '~/domain/listings/import.server'
import { startImportCheck } from '~/domain/listings/import-jobs.server'
import { DETAILS_SCHEMAS, type CooperationTypeCode } from '~/lib/schemas/listing'
import { taxonomy } from '../../db/reference'
import { taxonomyLabel, useT } from '~/lib/i18n'
import { formMessage } from '~/lib/i18n/form-messages'

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireUser(request)
  if (!actor.activeOrganisationId) throw redirect('/account')
  return null
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireUser(request)
  if (!actor.activeOrganisationId) throw redirect('/account')
  let form: FormData
  try {
    form = await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: IMPORT_MAX_BYTES }))
  } catch (error) {
    const message =
      error instanceof MaxPartSizeExceededError
        ? formMessage('import.tooBig', { mb: IMPORT_MAX_BYTES / 1024 / 1024 })
        : formMessage('attachments.failed')
    return Response.json({ errors: { file: [message] } }, { status: 400 })
  }
  const type = String(form.get('type'))
  const file = form.get('file')
  if (!(type in DETAILS_SCHEMAS)) return Response.json({ errors: { type: [formMessage('form.chooseType')] } }, { status: 400 })
  if (!(file instanceof File) || file.size === 0)
    return Response.json({ errors: { file: [formMessage('import.chooseFile')] } }, { status: 400 })
  const job = startImportCheck({
    actor,
    organisationId: actor.activeOrganisationId,
    type: type as CooperationTypeCode,
    file: { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) },
    asDrafts: form.get('asDrafts') === 'on',
  })
  return redirect(`/import/${job.id}`)
}

export default function ImportPage() {
  const data = useActionData<typeof action>()
  const errors = data?.errors as Record<string, string[]> | undefined
  const t = useT()
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <h1 className="text-xl font-bold">{t('import.heading')}</h1>
      <Card>
        <CardTitle>{t('import.step1')}</CardTitle>
        <p className="mb-3 text-sm text-slate-600">{t('import.step1Hint')}</p>
        <ul className="flex flex-wrap gap-2">
          {taxonomy.cooperation_types.map((ct) => (
            <li key={ct.code}>
              <a
                href={`/import/template/${ct.code}`}
                className="inline-block rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-50"
              >
                {taxonomyLabel.type(ct.code, t.lang)}.xlsx
              </a>
            </li>
          ))}
        </ul>
      </Card>
      <Card>
        <CardTitle>{t('import.step2')}</CardTitle>
        <Form method="post" encType="multipart/form-data" className="space-y-3">
          <SelectField
            id="import-type"
            name="type"
            label={t('listing.type')}
            placeholder={t('auth.choose')}
            options={taxonomy.cooperation_types.map((ct) => ({ value: ct.code, label: taxonomyLabel.type(ct.code, t.lang) }))}
            errors={errors?.type}
          />
          <div>
            <label htmlFor="import-file" className="block text-sm font-medium">
              {t('import.fileLabel')}
            </label>
            <input
              id="import-file"
              name="file"
              type="file"
              accept=".xlsx,.csv"
              aria-describedby="import-file-error"
              className="mt-1 block w-full text-sm"
            />
            <ErrorList id="import-file-error" errors={errors?.file} />
          </div>
          <CheckboxField id="import-as-drafts" name="asDrafts" label={t('import.asDrafts')} />
          <Button type="submit">{t('import.check')}</Button>
          <p className="text-xs text-slate-500">{t('import.checkHint')}</p>
        </Form>
      </Card>
    </div>
  )
}
