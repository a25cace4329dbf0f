import { randomBytes } from 'node:crypto'
import type { NextFunction, Request, Response } from 'express'
import { CLIENT_ADDRESS_HEADER } from '../../app/domain/rate-limit.server'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * CSRF protection by strict origin check rather than tokens: every browser that runs this
 * app sends Origin on POST (and Referer when Origin is stripped), the session cookie is
 * SameSite=Lax on top, and forms keep working without JavaScript or hidden-field plumbing.
 * A mutating request whose Origin/Referer is missing or names another host is refused.
 */
export function isSameOriginRequest(method: string, headers: { origin?: string; referer?: string; host?: string }) {
  if (SAFE_METHODS.has(method.toUpperCase())) return true
  const source = headers.origin ?? headers.referer
  if (!source || !headers.host) return false
  try {
    return new URL(source).host === headers.host
  } catch {
    return false
  }
}

const HOST = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i

/**
 * The Host is the client's to choose, so it is checked before anything builds a URL from it:
 * a malformed one is refused, and with PUBLIC_URL/ALLOWED_HOSTS set only those hosts are served.
 * X-Forwarded-Host is dropped: Remix would prefer it to Host, and no proxy here is trusted to set it.
 */
export function hostGuard(allowed: string[]) {
  return (req: Request, res: Response, next: NextFunction) => {
    delete req.headers['x-forwarded-host']
    const host = (req.headers.host ?? '').toLowerCase()
    if (HOST.test(host) && (allowed.length === 0 || allowed.includes(host))) return next()
    res.status(400).type('text/plain; charset=utf-8').send('未知的主机名 (unknown host).')
  }
}

// RFC 8058: a mail client unsubscribes by a POST without Origin; the signed token in the path is the authority.
const ONE_CLICK_UNSUBSCRIBE = /^\/saved-searches\/unsubscribe\/[^/]+$/

export function csrfGuard(req: Request, res: Response, next: NextFunction) {
  if (ONE_CLICK_UNSUBSCRIBE.test(req.path)) return next()
  if (isSameOriginRequest(req.method, { origin: req.get('origin'), referer: req.get('referer'), host: req.get('host') })) return next()
  res.status(403).type('text/plain; charset=utf-8').send('请求来源无法验证，已拒绝 (cross-site request refused).')
}

/** Headers as trusted sites send them; the nonce lets Remix's own inline scripts run and nothing else. */
export function securityHeaders(req: Request, res: Response, next: NextFunction) {
  const nonce = randomBytes(16).toString('base64')
  res.locals.cspNonce = nonce
  const dev = process.env.NODE_ENV === 'development'
  res.setHeader(
    'Content-Security-Policy',
    [
      "default-src 'self'",
      `script-src 'self' 'nonce-${nonce}'${dev ? " 'unsafe-eval'" : ''}`,
      // Tailwind ships a stylesheet; React sets style attributes on a few elements.
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data:",
      "font-src 'self'",
      `connect-src 'self'${dev ? ' ws:' : ''}`,
      "frame-ancestors 'none'",
      "form-action 'self'",
      "base-uri 'self'",
      "object-src 'none'",
    ].join('; '),
  )
  if (process.env.PUBLIC_URL?.startsWith('https://')) res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains')
  // Pages for a signed-in user must not stay in a shared computer's cache; routes with their own Cache-Control keep it.
  if (/(?:^|;\s*)jcj_session=/.test(req.headers.cookie ?? '')) res.setHeader('Cache-Control', 'private, no-store')
  res.setHeader('X-Frame-Options', 'DENY')
  res.setHeader('X-Content-Type-Options', 'nosniff')
  res.setHeader('Referrer-Policy', 'strict-origin-when-cross-origin')
  res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=()')
  next()
}

/** Rate limits key on the socket's address; a client cannot set this header itself. */
export function clientAddress(req: Request, _res: Response, next: NextFunction) {
  req.headers[CLIENT_ADDRESS_HEADER] = req.socket.remoteAddress ?? 'unknown'
  next()
}

const FORM_TYPES = /^(application\/x-www-form-urlencoded|multipart\/form-data)\s*(;|$)/i
/** The whole request, uploads included (attachments ≤ 10 MB, imports a little more). */
export const MAX_REQUEST_BYTES = 25 * 1024 * 1024

/**
 * Actions read forms. Any other body (JSON, text/plain, XML …) or one larger than the limit is
 * refused here with 415/413 instead of failing inside `request.formData()` as a 500.
 */
export function requestBodyGuard(req: Request, res: Response, next: NextFunction) {
  if (SAFE_METHODS.has(req.method.toUpperCase())) return next()
  // Both limits (this one and the form limit) go by the declared length; a chunked body declares none and
  // would be read whole into memory, however large. Browsers send a Content-Length with every form and upload.
  if (req.headers['transfer-encoding'] !== undefined && req.headers['content-length'] === undefined) {
    res.setHeader('Connection', 'close')
    res.status(411).type('text/plain; charset=utf-8').send('请通过页面上的表单提交 (Content-Length required).')
    req.destroy()
    return
  }
  const length = Number(req.headers['content-length'] ?? 0)
  if (length > MAX_REQUEST_BYTES) {
    res.status(413).type('text/plain; charset=utf-8').send('提交的内容过大 (request too large).')
    req.destroy()
    return
  }
  const type = req.headers['content-type']
  const hasBody = length > 0 || req.headers['transfer-encoding'] !== undefined
  if ((type === undefined && !hasBody) || (type !== undefined && FORM_TYPES.test(type))) return next()
  res.status(415).type('text/plain; charset=utf-8').send('不支持的提交格式，请通过页面上的表单提交 (unsupported content type).')
}
