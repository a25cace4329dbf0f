import type { LoaderFunctionArgs } from '@remix-run/node'
import { messagesScript } from '~/lib/i18n/messages-script.server'

export function loader({ params }: LoaderFunctionArgs) {
  const script = messagesScript(params.file ?? '')
  if (!script) return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
  return new Response(script.body, {
    headers: {
      'Content-Type': 'text/javascript; charset=utf-8',
      // A name with the current hash never changes; an old name gets today's text, not to be kept.
      'Cache-Control': script.stale ? 'no-cache' : 'public, max-age=31536000, immutable',
    },
  })
}
