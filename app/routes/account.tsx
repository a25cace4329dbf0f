import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { Button } from '~/components/button'
import { Card, CardTitle } from '~/components/card'
import { RouteErrorBoundary } from '~/components/error-page'
import { VerificationBadge } from '~/components/verification-badge'
import { requireUser } from '~/domain/accounts/guards.server'
import { describeScope } from '~/domain/accounts/gov-accounts.server'
import { getSessionUser, setActiveOrganisation, signOutEverywhere } from '~/domain/accounts/session.server'
import { respondingToDomainErrors } from '~/domain/errors.server'

export const loader = respondingToDomainErrors(async ({ request }: LoaderFunctionArgs) => {
  await requireUser(request)
  const user = (await getSessionUser(request))!
  return {
    name: user.name,
    email: user.email,
    activeOrganisationId: user.activeOrganisationId,
    scope: user.govScope ? describeScope(user.govScope) : null,
    memberships: user.memberships,
  }
})

export const action = respondingToDomainErrors(async ({ request }: ActionFunctionArgs) => {
  const actor = await requireUser(request)
  const form = await request.formData()
  if (form.get('intent') === 'sign-out-everywhere') return signOutEverywhere({ actor })
  const organisationId = Number(form.get('organisationId'))
  // Only an organisation the user belongs to can become the active one.
  const user = (await getSessionUser(request))!
  await setActiveOrganisation({ actor, sessionId: user.sessionId, organisationId })
  return redirect('/dashboard')
})

export default function Account() {
  const data = useLoaderData<typeof loader>()
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-xl font-bold">我的账号</h1>
      <Card>
        <p className="font-medium">{data.name}</p>
        <p className="text-sm text-slate-600">{data.email}</p>
        {data.scope ? <p className="mt-2 text-sm">政府账号 · 管辖范围：{data.scope}</p> : null}
      </Card>
      {data.memberships.length ? (
        <Card>
          <CardTitle>我的机构</CardTitle>
          <ul className="divide-y divide-slate-100">
            {data.memberships.map((m) => (
              <li key={m.organisationId} className="flex flex-wrap items-center gap-2 py-2">
                <Link to={`/orgs/${m.organisationId}`} className="font-medium text-brand-700 hover:underline">
                  {m.organisationName}
                </Link>
                <VerificationBadge state={m.verification as 'verified'} />
                <span className="text-xs text-slate-500">{m.role === 'admin' ? '管理员' : '成员'}</span>
                {m.organisationId === data.activeOrganisationId ? (
                  <span className="ml-auto text-xs text-emerald-700">当前机构</span>
                ) : (
                  <Form method="post" className="ml-auto">
                    <input type="hidden" name="organisationId" value={m.organisationId} />
                    <Button variant="secondary" type="submit">
                      切换到此机构
                    </Button>
                  </Form>
                )}
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
      <Card>
        <CardTitle>安全</CardTitle>
        <Form method="post">
          <Button type="submit" name="intent" value="sign-out-everywhere" variant="secondary">
            在所有设备上退出登录
          </Button>
        </Form>
      </Card>
    </div>
  )
}

export const ErrorBoundary = RouteErrorBoundary
