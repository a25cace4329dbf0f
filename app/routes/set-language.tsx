import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { isLanguage } from '~/lib/i18n'
import { safeRedirectPath } from '~/lib/safe-redirect'

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData()
  const lang = form.get('lang')
  if (!isLanguage(lang)) return new Response('不支持的语言 (unsupported language)', { status: 400 })
  return redirect(safeRedirectPath(form.get('redirectTo')), {
    headers: { 'Set-Cookie': `lang=${encodeURIComponent(lang)}; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly` },
  })
}

export const loader = () => redirect('/')
