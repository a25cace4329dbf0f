import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, Links, Meta, Outlet, Scripts, ScrollRestoration, isRouteErrorResponse, useLoaderData, useLocation, useRouteError } from '@remix-run/react'
import type { ReactNode } from 'react'
import { getSessionUser } from './domain/accounts/session.server'
import { getLanguage, translate, useT, type Language } from './lib/i18n'
import { useNonce } from './lib/nonce'
import stylesheet from './tailwind.css?url'

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: stylesheet },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
]

export const meta: MetaFunction = () => [{ title: '晋产教 · 山西产教融合信息服务平台' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getSessionUser(request)
  return {
    lang: getLanguage(request),
    user: user
      ? {
          name: user.name,
          isPlatformAdmin: user.platformRole === 'admin',
          isGovernment: user.govScope !== null,
          activeOrganisationId: user.activeOrganisationId,
          organisations: user.memberships.map((m) => ({ id: m.organisationId, name: m.organisationName, role: m.role })),
        }
      : null,
  }
}

export type RootUser = Awaited<ReturnType<typeof loader>>['user']

function Header({ lang, user }: { lang: Language; user: RootUser }) {
  const t = useT()
  const location = useLocation()
  const here = location.pathname + location.search
  const navLink = 'rounded px-2 py-1 text-sm text-slate-700 hover:bg-slate-100 hover:text-slate-900'
  return (
    <header className="border-b border-slate-200 bg-white">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:p-2">
        {t('nav.skip')}
      </a>
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3">
        <Link to="/" className="flex items-baseline gap-2">
          <span className="text-xl font-bold text-brand-700">{t('app.name')}</span>
          <span className="hidden text-sm text-slate-500 sm:inline">{t('app.tagline')}</span>
        </Link>
        <Form method="get" action="/search" role="search" className="order-3 flex w-full gap-2 md:order-none md:ml-4 md:w-auto md:flex-1">
          <label htmlFor="site-search" className="sr-only">
            {t('search.button')}
          </label>
          <input
            id="site-search"
            name="q"
            type="search"
            maxLength={200}
            placeholder={t('search.placeholder')}
            className="min-w-0 flex-1 rounded-md border border-slate-300 px-3 py-1.5 text-sm"
          />
          <button type="submit" className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700">
            {t('search.button')}
          </button>
        </Form>
        <nav className="ml-auto flex flex-wrap items-center gap-1">
          <Link to="/search" className={navLink}>
            {t('nav.search')}
          </Link>
          {user ? (
            <>
              {user.activeOrganisationId ? (
                <Link to="/dashboard" className={navLink}>
                  {t('nav.dashboard')}
                </Link>
              ) : null}
              {user.isPlatformAdmin ? (
                <Link to="/admin/verification" className={navLink}>
                  {t('nav.admin')}
                </Link>
              ) : null}
              <Link to="/account" className={navLink}>
                {user.name}
              </Link>
              <Form method="post" action="/logout">
                <button type="submit" className={navLink}>
                  {t('nav.signOut')}
                </button>
              </Form>
            </>
          ) : (
            <>
              <Link to="/login" className={navLink}>
                {t('nav.signIn')}
              </Link>
              <Link to="/register" className={navLink}>
                {t('nav.register')}
              </Link>
            </>
          )}
          <Form method="post" action="/set-language">
            <input type="hidden" name="lang" value={lang === 'zh-CN' ? 'en' : 'zh-CN'} />
            <input type="hidden" name="redirectTo" value={here} />
            <button type="submit" className={`${navLink} border border-slate-200`} lang={lang === 'zh-CN' ? 'en' : 'zh-CN'}>
              {t('lang.switch')}
            </button>
          </Form>
        </nav>
      </div>
    </header>
  )
}

function Footer() {
  const t = useT()
  return (
    <footer className="mt-12 border-t border-slate-200 bg-white">
      <div className="mx-auto max-w-6xl space-y-1 px-4 py-6 text-xs text-slate-500">
        <p>{t('footer.demo')}</p>
        <p>{t('footer.policy')}</p>
      </div>
    </footer>
  )
}

function Document({ lang, children }: { lang: Language; children: ReactNode }) {
  const nonce = useNonce()
  return (
    <html lang={lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body className="flex min-h-screen flex-col">
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  )
}

export default function App() {
  const { lang, user } = useLoaderData<typeof loader>()
  return (
    <Document lang={lang}>
      <Header lang={lang} user={user} />
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-6">
        <Outlet />
      </main>
      <Footer />
    </Document>
  )
}

export function ErrorBoundary() {
  const error = useRouteError()
  const notFound = isRouteErrorResponse(error) && error.status === 404
  const lang: Language = 'zh-CN'
  return (
    <Document lang={lang}>
      <main id="main" className="mx-auto w-full max-w-3xl flex-1 px-4 py-16 text-center">
        <h1 className="text-2xl font-bold">{translate(lang, notFound ? 'error.notFound' : 'error.generic')}</h1>
        <p className="mt-2 text-slate-600">{translate(lang, notFound ? 'error.notFoundHint' : 'error.genericHint')}</p>
        <a href="/" className="mt-6 inline-block text-brand-700 underline">
          {translate(lang, 'error.home')}
        </a>
      </main>
    </Document>
  )
}
