import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { isLanguage, translate } from '~/lib/i18n'
import { safeRedirectPath } from '~/lib/safe-redirect'

const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60

/**
 * Back to where the switch was pressed, on this site only. The URL parser drops tabs and
 * newlines the way browsers do, so "/\t/evil.example" cannot turn into "//evil.example".
 */
function backTo(value: FormDataEntryValue | null) {
  const path = safeRedirectPath(value)
  const base = 'http://same-site.invalid'
  try {
    const url = new URL(path, base)
    return url.origin === base ? `${url.pathname}${url.search}${url.hash}` : '/'
  } catch {
    return '/'
  }
}

/** The language switch is a plain form post, so it works before JavaScript loads. */
export async function action({ request }: ActionFunctionArgs) {
  // A body that is not a form (wrong content type, truncated) is the client's mistake: 400, not 500.
  const form = await request.formData().catch(() => null)
  const lang = form?.get('lang')
  if (!form || !isLanguage(lang))
    return new Response(`${translate('zh-CN', 'lang.unsupported')} (${translate('en', 'lang.unsupported')})`, {
      status: 400,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    })
  return redirect(backTo(form.get('redirectTo')), {
    headers: { 'Set-Cookie': `lang=${encodeURIComponent(lang)}; Path=/; Max-Age=${ONE_YEAR_SECONDS}; SameSite=Lax; HttpOnly` },
  })
}

export const loader = () => redirect('/')
