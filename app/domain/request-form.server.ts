import { getLanguage } from '~/lib/i18n'
import { DomainError, errorResponse } from './errors.server'

const FORM_TYPE = /^(application\/x-www-form-urlencoded|multipart\/form-data)\s*(;|$)/i

/**
 * The submitted form. A body that is not one — JSON, text, a multipart without its boundary, a
 * truncated upload — is the client's mistake and gets its page (415 or 400), never a 500.
 * No body at all is an empty form, as a bare button post sends.
 */
export async function readForm(request: Request): Promise<FormData> {
  const type = request.headers.get('Content-Type')
  const lang = getLanguage(request)
  if (type === null || type === '') {
    if ((await request.text()) === '') return new FormData()
    throw errorResponse(new DomainError('unsupported', 'security.unsupportedContentType'), lang)
  }
  if (!FORM_TYPE.test(type)) throw errorResponse(new DomainError('unsupported', 'security.unsupportedContentType'), lang)
  try {
    return await request.formData()
  } catch {
    throw errorResponse(new DomainError('invalid', 'input.formUnreadable'), lang)
  }
}
