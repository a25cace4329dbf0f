import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { Button } from '~/components/button'
import { Card, CardTitle } from '~/components/card'
import { RouteErrorBoundary } from '~/components/error-page'
import { VerificationBadge } from '~/components/verification-badge'
import { requireUser } from '~/domain/accounts/guards.server'
import { getSessionUser, setActiveOrganisation, signOutEverywhere } from '~/domain/accounts/session.server'
import { respondingToDomainErrors } from '~/domain/errors.server'
import { useT } from '~/lib/i18n'
import { scopeLabel } from '~/lib/scope-label'
import { readForm } from '~/domain/request-form.server'
import { parseFormId } from '~/lib/schemas/ids'

export const loader = respondingToDomainErrors(async ({ request }: LoaderFunctionArgs) => {
  await requireUser(request)
  const user = (await getSessionUser(request))!
  return {
    name: user.name,
    email: user.email,
    activeOrganisationId: user.activeOrganisationId,
    scope: user.govScope ?? null,
    memberships: user.memberships,
  }
})

export const action = respondingToDomainErrors(async ({ request }: ActionFunctionArgs) => {
  const actor = await requireUser(request)
  const form = await readForm(request)
  if (form.get('intent') === 'sign-out-everywhere') return signOutEverywhere({ actor })
  const organisationId = parseFormId(form.get('organisationId')) ?? 0
  // Only an organisation the user belongs to can become the active one.
  const user = (await getSessionUser(request))!
  await setActiveOrganisation({ actor, sessionId: user.sessionId, organisationId })
  return redirect('/dashboard')
})

export default function Account() {
  const data = useLoaderData<typeof loader>()
  const t = useT()
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-xl font-bold">{t('nav.account')}</h1>
      <Card>
        <p className="font-medium">{data.name}</p>
        <p className="text-sm text-slate-600">{data.email}</p>
        {data.scope ? <p className="mt-2 text-sm">{t('auth.account.govScope', { scope: scopeLabel(data.scope, t.lang) })}</p> : null}
      </Card>
      {data.memberships.length ? (
        <Card>
          <CardTitle>{t('auth.account.orgs')}</CardTitle>
          <ul className="divide-y divide-slate-100">
            {data.memberships.map((m) => (
              <li key={m.organisationId} className="flex flex-wrap items-center gap-2 py-2">
                <Link to={`/orgs/${m.organisationId}`} className="font-medium text-brand-700 hover:underline">
                  {m.organisationName}
                </Link>
                <VerificationBadge state={m.verification as 'verified'} />
                <span className="text-xs text-slate-500">{t(m.role === 'admin' ? 'auth.role.admin' : 'auth.role.member')}</span>
                {m.organisationId === data.activeOrganisationId ? (
                  <span className="ml-auto text-xs text-emerald-700">{t('auth.account.current')}</span>
                ) : (
                  <Form method="post" className="ml-auto">
                    <input type="hidden" name="organisationId" value={m.organisationId} />
                    <Button variant="secondary" type="submit">
                      {t('auth.account.switch')}
                    </Button>
                  </Form>
                )}
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
      <Card>
        <CardTitle>{t('auth.account.security')}</CardTitle>
        <Form method="post">
          <Button type="submit" name="intent" value="sign-out-everywhere" variant="secondary">
            {t('auth.account.signOutEverywhere')}
          </Button>
        </Form>
      </Card>
    </div>
  )
}

export const ErrorBoundary = RouteErrorBoundary
