import type { NextFunction, Request, Response } from 'express'
import { getLanguage, translate } from '../../app/lib/i18n'

/** A form without files: the longest listing (5,000-character description and every detail) is well under this. */
export const MAX_FORM_BYTES = 256 * 1024

const escape = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`)

/** The 413 page: a plain, self-contained page in the reader's language (no app shell: the body was never read). */
export function tooLargePage(lang: ReturnType<typeof getLanguage>) {
  const title = escape(translate(lang, 'input.tooLargeTitle'))
  const hint = escape(translate(lang, 'input.tooLargeHint', { kb: MAX_FORM_BYTES / 1024 }))
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title></head><body style="font-family: 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif; max-width: 36rem; margin: 3rem auto; padding: 0 1rem"><h1>${title}</h1><p>${hint}</p><p><a href="/">${escape(translate(lang, 'input.back'))}</a></p></body></html>`
}

/**
 * Refuses a form body (anything but multipart uploads, which have their own limits) over
 * MAX_FORM_BYTES with 413 and a page saying so. Browsers send a Content-Length with every form;
 * each field is bounded again by its schema.
 */
export function formBodyLimit(req: Request, res: Response, next: NextFunction) {
  if (req.method === 'GET' || req.method === 'HEAD' || /^multipart\//i.test(req.headers['content-type'] ?? '')) return next()
  const refuse = () => {
    if (res.headersSent) return
    const lang = getLanguage(new globalThis.Request('http://localhost/', { headers: { Cookie: req.headers.cookie ?? '' } }))
    res.status(413).set('Connection', 'close').type('text/html; charset=utf-8').send(tooLargePage(lang))
    req.resume()
  }
  if (Number(req.headers['content-length'] ?? 0) > MAX_FORM_BYTES) return refuse()
  next()
}
