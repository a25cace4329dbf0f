import { parseWithZod } from '@conform-to/zod'
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData } from '@remix-run/react'
import { Button } from '~/components/button'
import { Card, CardTitle } from '~/components/card'
import { RouteErrorBoundary } from '~/components/error-page'
import { CheckboxField, ErrorList, SelectField } from '~/components/field'
import { requireUser } from '~/domain/accounts/guards.server'
import { DomainError, replyWithError } from '~/domain/errors.server'
import { readAll, uploadedFile, withUploadForm } from '~/domain/files/uploads.server'
import { IMPORT_MAX_BYTES } from '~/domain/listings/import.server'
import { startImportCheck } from '~/domain/listings/import-jobs.server'
import { getLanguage } from '~/lib/i18n'
import { DETAILS_SCHEMAS, type CooperationTypeCode } from '~/lib/schemas/listing'
import { z } from 'zod'
import { taxonomy } from '../../db/reference'
import { taxonomyLabel, useT } from '~/lib/i18n'

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireUser(request)
  if (!actor.activeOrganisationId) throw redirect('/account')
  return null
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireUser(request)
  if (!actor.activeOrganisationId) throw redirect('/account')
  const organisationId = actor.activeOrganisationId
  let form = new FormData()
  let jobId: string
  try {
    jobId = await withUploadForm(request, { maxBytes: IMPORT_MAX_BYTES, field: 'file', tooLarge: 'import.tooBig' }, async (upload) => {
      form = upload.fields
      const type = String(form.get('type'))
      if (!Object.hasOwn(DETAILS_SCHEMAS, type)) throw new DomainError('invalid', 'form.chooseType', { field: 'type' })
      const file = uploadedFile({ form: upload, field: 'file', missing: 'import.chooseFile' })
      // A workbook is read whole to parse it (the import limit keeps that small); the check runs after this request.
      return startImportCheck({
        actor,
        organisationId,
        type: type as CooperationTypeCode,
        file: { name: file.name, bytes: await readAll(file) },
        asDrafts: form.get('asDrafts') === 'on',
      }).id
    })
  } catch (error) {
    return replyWithError(parseWithZod(form, { schema: z.object({ type: z.string().optional() }) }), error, getLanguage(request))
  }
  return redirect(`/import/${jobId}`)
}

export default function ImportPage() {
  const errors = useActionData<typeof action>()?.error
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

export const ErrorBoundary = RouteErrorBoundary
