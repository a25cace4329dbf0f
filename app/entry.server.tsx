import type { AppLoadContext, EntryContext } from '@remix-run/node'
import { RemixServer } from '@remix-run/react'
import { renderToPipeableStream } from 'react-dom/server'
import { dropNulBytes } from './lib/html-stream.server'
import './lib/i18n/server-catalogues.server'
import { NonceProvider } from './lib/nonce'
import { memoiseRemixRouting } from './lib/route-matching.server'

// The server script configures search and starts background jobs through the build, so they share
// this module copy with the routes.
export { startJobs } from './jobs/index.server'
export { configureSearch } from './search.server'
// A listing page served from the page cache still counts its view, in the routes' counter.
export { countAnonymousListingView } from './domain/listings/views.server'

const ABORT_DELAY = 5_000

memoiseRemixRouting()

/**
 * The whole document, rendered, then sent as one body. No loader defers, so nothing comes earlier by
 * streaming; but a stream reaches the compressor as React's 2 KB pieces, each followed by a flush
 * (Remix flushes after every chunk): the search page went out as 44 KB of gzip instead of 21 KB,
 * and zlib was 13% of the server's CPU under load.
 */
export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = typeof loadContext.cspNonce === 'string' ? loadContext.cspNonce : undefined
  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </NonceProvider>,
      {
        nonce,
        onShellReady() {
          shellRendered = true
        },
        onAllReady() {
          const body = dropNulBytes()
          const chunks: Buffer[] = []
          body.on('data', (chunk: Buffer) => chunks.push(chunk))
          body.on('end', () => {
            clearTimeout(timer)
            const html = Buffer.concat(chunks)
            responseHeaders.set('Content-Type', 'text/html; charset=utf-8')
            responseHeaders.set('Content-Length', String(html.length))
            resolve(new Response(html, { headers: responseHeaders, status: responseStatusCode }))
          })
          pipe(body)
        },
        onShellError(error: unknown) {
          clearTimeout(timer)
          reject(error)
        },
        onError(error: unknown) {
          responseStatusCode = 500
          if (shellRendered) console.error(error)
        },
      },
    )
    const timer = setTimeout(abort, ABORT_DELAY)
  })
}
