import { readForm } from '~/domain/request-form.server'
import { parseWithZod } from '@conform-to/zod'
import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { saveSearch } from '~/domain/alerts/saved-searches.server'
import { getActor } from '~/domain/accounts/session.server'
import { replyWithError } from '~/domain/errors.server'
import { publicUrl } from '~/domain/mail/mail.server'
import { clientAddress } from '~/domain/rate-limit.server'
import { getLanguage } from '~/lib/i18n'
import { SaveSearchSchema } from '~/lib/schemas/alerts'

/** The search page's one action: save the search it shows (with an alert address), then back to it with a notice. */
export async function saveSearchAction({ request }: ActionFunctionArgs) {
  const submission = parseWithZod(await readForm(request), { schema: SaveSearchSchema })
  if (submission.status !== 'success') return Response.json(submission.reply(), { status: 400 })
  try {
    const { status } = await saveSearch({
      actor: await getActor(request),
      query: submission.value.query,
      email: submission.value.email,
      address: clientAddress(request),
      confirmUrl: (token) => publicUrl(request, `/saved-searches/confirm/${token}`),
    })
    const back = new URLSearchParams(submission.value.query)
    back.set('alert', status)
    return redirect(`/search?${back}`)
  } catch (error) {
    return replyWithError(submission, error, getLanguage(request))
  }
}
