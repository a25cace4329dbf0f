import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { RouteErrorBoundary } from '~/components/error-page'
import { requireUser } from '~/domain/accounts/guards.server'
import { orRespond } from '~/domain/errors.server'
import { dismissRecommendation } from '~/domain/matching/dismissals.server'
import { getLanguage } from '~/lib/i18n'
import { safeRedirectPath } from '~/lib/safe-redirect'
import { readForm } from '~/domain/request-form.server'
import { parseFormId } from '~/lib/schemas/ids'

/** "Not a fit": stores the verdict for the acting organisation and goes back to where the card was. */
export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireUser(request)
  const form = await readForm(request)
  await orRespond(getLanguage(request), () =>
    dismissRecommendation({
      actor,
      targetListingId: parseFormId(form.get('targetListingId')),
      targetOrganisationId: parseFormId(form.get('targetOrganisationId')),
      reason: String(form.get('reason') ?? ''),
    }),
  )
  const back = new URL(safeRedirectPath(form.get('redirectTo'), '/dashboard'), 'http://jcj.invalid')
  back.searchParams.set('dismissed', '1')
  return redirect(`${back.pathname}${back.search}#recommendations`)
}

export const ErrorBoundary = RouteErrorBoundary
