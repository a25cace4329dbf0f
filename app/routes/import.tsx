import { parseWithZod } from '@conform-to/zod'
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData } from '@remix-run/react'
import { Button } from '~/components/button'
import { Card, CardTitle } from '~/components/card'
import { RouteErrorBoundary } from '~/components/error-page'
import { ErrorList, SelectField } from '~/components/field'
import { requireUser } from '~/domain/accounts/guards.server'
import { DomainError, replyWithError } from '~/domain/errors.server'
import { readUploadForm, uploadedFile } from '~/domain/files/uploads.server'
import { IMPORT_MAX_BYTES } from '~/domain/listings/import.server'
import { startImportCheck } from '~/domain/listings/import-jobs.server'
import { getLanguage } from '~/lib/i18n'
import { DETAILS_SCHEMAS, type CooperationTypeCode } from '~/lib/schemas/listing'
import { z } from 'zod'
import { taxonomy } from '../../db/reference'

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireUser(request)
  if (!actor.activeOrganisationId) throw redirect('/account')
  return null
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireUser(request)
  if (!actor.activeOrganisationId) throw redirect('/account')
  let form = new FormData()
  let jobId: string
  try {
    form = await readUploadForm(request, { maxBytes: IMPORT_MAX_BYTES, field: 'file' })
    const type = String(form.get('type'))
    if (!(type in DETAILS_SCHEMAS)) throw new DomainError('invalid', 'domain.importTypeRequired', { field: 'type' })
    const file = await uploadedFile({ form, field: 'file', missing: 'domain.importFileRequired' })
    jobId = startImportCheck({ actor, organisationId: actor.activeOrganisationId, type: type as CooperationTypeCode, file }).id
  } catch (error) {
    return replyWithError(parseWithZod(form, { schema: z.object({ type: z.string().optional() }) }), error, getLanguage(request))
  }
  return redirect(`/import/${jobId}`)
}

export default function ImportPage() {
  const errors = useActionData<typeof action>()?.error
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <h1 className="text-xl font-bold">批量导入需求与供给</h1>
      <Card>
        <CardTitle>1. 下载模板</CardTitle>
        <p className="mb-3 text-sm text-slate-600">
          每种合作类型一个模板，表头为中文。用“内部编号”标识每一行：再次导入同一编号会更新原记录，不会重复。
        </p>
        <ul className="flex flex-wrap gap-2">
          {taxonomy.cooperation_types.map((t) => (
            <li key={t.code}>
              <a
                href={`/import/template/${t.code}`}
                className="inline-block rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-50"
              >
                {t.name}.xlsx
              </a>
            </li>
          ))}
        </ul>
      </Card>
      <Card>
        <CardTitle>2. 上传文件</CardTitle>
        <Form method="post" encType="multipart/form-data" className="space-y-3">
          <SelectField
            id="import-type"
            name="type"
            label="合作类型"
            placeholder="请选择"
            options={taxonomy.cooperation_types.map((t) => ({ value: t.code, label: t.name }))}
            errors={errors?.type}
          />
          <div>
            <label htmlFor="import-file" className="block text-sm font-medium">
              XLSX 或 CSV 文件（不超过 20 MB；CSV 支持 UTF-8 和 GBK 编码）
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
          <Button type="submit">检查文件</Button>
          <p className="text-xs text-slate-500">先检查、预览，确认后才写入；有任何一行出错则整份文件都不写入。</p>
        </Form>
      </Card>
    </div>
  )
}

export const ErrorBoundary = RouteErrorBoundary
