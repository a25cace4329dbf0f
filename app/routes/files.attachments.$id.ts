import { readFile } from 'node:fs/promises'
import type { LoaderFunctionArgs } from '@remix-run/node'
import { getActor } from '~/domain/accounts/session.server'
import { getListingAttachment } from '~/domain/listings/attachments.server'
import { invariantResponse, parseId } from '~/lib/http'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const attachment = await getListingAttachment({ actor: await getActor(request), id: parseId(params.id) })
  invariantResponse(attachment, '附件不存在')
  const bytes = await readFile(attachment.path).catch(() => null)
  invariantResponse(bytes, '附件不存在')
  return new Response(bytes, {
    headers: {
      'Content-Type': attachment.contentType,
      'Content-Disposition': `inline; filename*=UTF-8''${encodeURIComponent(attachment.fileName)}`,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, max-age=300',
    },
  })
}
