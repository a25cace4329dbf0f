import { DEFAULT_PASSWORD } from '../../factories/accounts'
import { internshipListingFields } from '../../factories/forms'

/** A form POST as a browser without JavaScript sends it: same Origin, the session cookie, no redirect followed. */
export function postForm(baseUrl: string, pathname: string, fields: Record<string, string | string[]>, cookie?: string) {
  const body = new URLSearchParams()
  for (const [key, value] of Object.entries(fields)) for (const v of [value].flat()) body.append(key, v)
  return fetch(`${baseUrl}${pathname}`, {
    method: 'POST',
    body,
    redirect: 'manual',
    headers: { Origin: baseUrl, Cookie: cookie ? `lang=zh-CN; ${cookie}` : 'lang=zh-CN' },
  })
}

/** Signs in through /login and returns the session cookie (name=value). */
export async function signInOverHttp(baseUrl: string, email: string, password = DEFAULT_PASSWORD) {
  const response = await postForm(baseUrl, '/login', { email, password, redirectTo: '' })
  const session = response.headers.getSetCookie().find((c) => c.startsWith('jcj_session='))
  if (response.status !== 302 || !session) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`)
  return session.split(';')[0]!
}

export const listingFields = (title: string) => ({
  ...internshipListingFields(title),
  'details.majors': '机电一体化技术',
  'details.period': '2027 年春季学期',
  'details.location': '长治市',
  'details.dailyHours': '8',
  intent: 'publish',
})

/** Publishes a listing through /listings/new; the id from the redirect, or the response when it was refused. */
export async function publishOverHttp(baseUrl: string, cookie: string, title: string) {
  const response = await postForm(baseUrl, '/listings/new?type=internship', listingFields(title), cookie)
  const id = /\/listings\/(\d+)/.exec(response.headers.get('location') ?? '')?.[1]
  return { status: response.status, id: id ? Number(id) : null, response }
}

export async function editOverHttp(baseUrl: string, cookie: string, id: number, title: string) {
  const response = await postForm(baseUrl, `/listings/${id}/edit`, listingFields(title), cookie)
  return { status: response.status, response }
}
