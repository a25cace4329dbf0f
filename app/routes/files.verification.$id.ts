import { readFile } from 'node:fs/promises'
import type { LoaderFunctionArgs } from '@remix-run/node'
import { requireUser } from '~/domain/accounts/guards.server'
import { getEvidenceDocument } from '~/domain/orgs/verification.server'
import { invariantResponse, parseId } from '~/lib/http'

/** Evidence is private: platform admins and the organisation's own administrators only. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireUser(request)
  const doc = await getEvidenceDocument({ actor, id: parseId(params.id) })
  invariantResponse(doc, '文件不存在')
  const bytes = await readFile(doc.path).catch(() => null)
  invariantResponse(bytes, '文件不存在')
  return new Response(bytes, {
    headers: {
      'Content-Type': doc.contentType,
      'Content-Disposition': `inline; filename*=UTF-8''${encodeURIComponent(doc.fileName)}`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  })
}
