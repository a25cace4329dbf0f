import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import {
  Form,
  Link,
  Links,
  Meta,
  NavLink,
  Outlet,
  Scripts,
  ScrollRestoration,
  isRouteErrorResponse,
  useLoaderData,
  useLocation,
  useMatches,
  useRouteError,
  useRouteLoaderData,
  type ShouldRevalidateFunction,
} from '@remix-run/react'
import type { ReactNode } from 'react'
import { ErrorContent, reasonOf } from './components/error-page'
import { NotificationBell } from './components/notification-bell'
import { SearchBox } from './components/search-box'
import { actorFrom, getSessionUser } from './domain/accounts/session.server'
import { orRespond } from './domain/errors.server'
import { countUnreadNotifications } from './domain/matches/notifications.server'
import { DEFAULT_LANGUAGE, getLanguage, translate, useT, type Language } from './lib/i18n'
import { messagesScriptHref } from './lib/i18n/messages-script.server'
import { pageNeedsScripts } from './lib/hydration'
import { useNonce } from './lib/nonce'
import stylesheet from './tailwind.css?url'

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: stylesheet },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
]

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  const lang = data?.lang ?? DEFAULT_LANGUAGE
  return [
    { title: `${translate(lang, 'app.brand')} · ${translate(lang, 'app.tagline')}` },
    { name: 'description', content: translate(lang, 'app.oneLiner') },
  ]
}

export async function loader({ request }: LoaderFunctionArgs) {
  const lang = getLanguage(request)
  const user = await orRespond(lang, () => getSessionUser(request))
  const unread = user ? await orRespond(lang, () => countUnreadNotifications({ actor: actorFrom(user) })) : 0
  return {
    lang,
    messagesHref: messagesScriptHref(lang),
    user: user
      ? {
          name: user.name,
          isPlatformAdmin: user.platformRole === 'admin',
          isGovernment: user.govScope !== null,
          activeOrganisationId: user.activeOrganisationId,
          unreadNotifications: unread,
          organisations: user.memberships.map((m) => ({ id: m.organisationId, name: m.organisationName, role: m.role })),
        }
      : null,
  }
}

export type RootUser = Awaited<ReturnType<typeof loader>>['user']

/**
 * Language and signed-in user change only through a form post (sign in or out, the language
 * switch reloads the page), so GET navigations, e.g. each keystroke of search-as-you-type,
 * do not fetch them again.
 */
export const shouldRevalidate: ShouldRevalidateFunction = ({ formMethod, defaultShouldRevalidate, nextUrl }) =>
  formMethod !== undefined && formMethod.toUpperCase() !== 'GET'
    ? defaultShouldRevalidate
    : // Opening a match or the notification list reads notifications: the bell's count follows.
      nextUrl.pathname.startsWith('/matches') || nextUrl.pathname === '/notifications'

/** 中文 | English as two submit buttons of one POST form: it works before JavaScript loads. */
function LanguageSwitch({ lang }: { lang: Language }) {
  const location = useLocation()
  const option = (value: Language, label: string) => (
    <button
      type="submit"
      name="lang"
      value={value}
      lang={value}
      aria-pressed={lang === value}
      className={`px-2.5 py-1 text-sm ${lang === value ? 'bg-slate-800 font-medium text-white' : 'bg-white text-slate-700 hover:bg-slate-100'}`}
    >
      {label}
    </button>
  )
  return (
    <Form method="post" action="/set-language" reloadDocument className="flex shrink-0 overflow-hidden rounded-md border border-slate-300">
      <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
      {option('zh-CN', '中文')}
      {option('en', 'English')}
    </Form>
  )
}

function Header({ lang, user }: { lang: Language; user: RootUser }) {
  const t = useT()
  // The search page has its own, fuller search box.
  const onSearchPage = useLocation().pathname === '/search'
  const navLink = ({ isActive }: { isActive: boolean }) =>
    `shrink-0 rounded-md px-2.5 py-1.5 text-sm whitespace-nowrap ${isActive ? 'bg-brand-50 font-medium text-brand-700' : 'text-slate-700 hover:bg-slate-100 hover:text-slate-900'}`
  return (
    <header className="border-b border-slate-200 bg-white">
      <a href="#main" className="sr-only rounded bg-white p-2 focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-10">
        {t('nav.skip')}
      </a>
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-3 px-4 py-3">
        <Link to="/" className="order-1 flex min-w-0 flex-1 flex-col leading-tight lg:max-w-60 lg:flex-none" lang="zh-CN">
          <span className="text-xl font-bold tracking-wide text-brand-700">{t('app.brand')}</span>
          <span className="text-xs text-slate-600" lang={lang}>
            {t('app.tagline')}
          </span>
        </Link>
        <div className="order-2 lg:order-4 lg:ml-auto">
          <LanguageSwitch lang={lang} />
        </div>
        <SearchBox
          id="site-search"
          variant="header"
          className={`order-3 w-full gap-2 lg:order-2 lg:w-auto lg:max-w-md lg:flex-1 ${onSearchPage ? 'hidden' : 'flex'}`}
        />
        <nav aria-label={t('nav.label')} className="order-4 -mx-1 flex w-full flex-wrap gap-1 lg:order-3 lg:mx-0 lg:w-auto">
          <NavLink to="/search" className={navLink}>
            {t('nav.search')}
          </NavLink>
          <NavLink to="/orgs" end className={navLink}>
            {t('nav.orgs')}
          </NavLink>
          {user ? (
            <>
              {user.activeOrganisationId ? (
                <NavLink to="/dashboard" className={navLink}>
                  {t('nav.dashboard')}
                </NavLink>
              ) : null}
              {user.isGovernment ? (
                <NavLink to="/gov" className={navLink}>
                  {t('gov.nav')}
                </NavLink>
              ) : null}
              {user.activeOrganisationId ? (
                <NavLink to="/matches" className={navLink}>
                  {t('match.list.title')}
                </NavLink>
              ) : null}
              <NotificationBell unread={user.unreadNotifications} />
              {user.isPlatformAdmin ? (
                <NavLink to="/admin/verification" className={navLink}>
                  {t('nav.admin')}
                </NavLink>
              ) : null}
              <NavLink to="/account" className={navLink}>
                {user.name}
              </NavLink>
              <Form method="post" action="/logout" className="shrink-0">
                <button type="submit" className="rounded-md px-2.5 py-1.5 text-sm whitespace-nowrap text-slate-700 hover:bg-slate-100">
                  {t('nav.signOut')}
                </button>
              </Form>
            </>
          ) : (
            <>
              <NavLink to="/login" className={navLink}>
                {t('nav.signIn')}
              </NavLink>
              <NavLink to="/register" className={navLink}>
                {t('nav.register')}
              </NavLink>
            </>
          )}
        </nav>
      </div>
    </header>
  )
}

function Footer() {
  const t = useT()
  return (
    <footer className="mt-16 border-t border-slate-200 bg-white">
      <div className="mx-auto max-w-6xl space-y-1.5 px-4 py-8 text-xs leading-relaxed text-slate-600">
        <p className="text-sm font-semibold text-slate-800">
          {t('app.brand')} · {t('app.tagline')}
        </p>
        <p>{t('footer.demo')}</p>
        <p>{t('footer.policy')}</p>
      </div>
    </footer>
  )
}

function Document({ lang, messagesHref, children }: { lang: Language; messagesHref?: string; children: ReactNode }) {
  const nonce = useNonce()
  const scripts = pageNeedsScripts(useMatches())
  return (
    <html lang={lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
        {scripts && messagesHref ? <script id="jcj-messages" src={messagesHref} defer nonce={nonce} /> : null}
      </head>
      <body className="flex min-h-screen flex-col">
        {children}
        {scripts ? (
          <>
            <ScrollRestoration nonce={nonce} />
            <Scripts nonce={nonce} />
          </>
        ) : null}
      </body>
    </html>
  )
}

export default function App() {
  const { lang, messagesHref, user } = useLoaderData<typeof loader>()
  return (
    <Document lang={lang} messagesHref={messagesHref}>
      <Header lang={lang} user={user} />
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 sm:py-8">
        <Outlet />
      </main>
      <Footer />
    </Document>
  )
}

/**
 * When the root itself fails (its loader: e.g. the database is down, 503): the same page copy as
 * every route's boundary, inside the same header, with what the root could still load.
 */
export function ErrorBoundary() {
  const error = useRouteError()
  const data = useRouteLoaderData('root') as { lang?: Language; user?: RootUser; messagesHref?: string } | undefined
  const lang = data?.lang ?? DEFAULT_LANGUAGE
  return (
    <Document lang={lang} messagesHref={data?.messagesHref}>
      <Header lang={lang} user={data?.user ?? null} />
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 sm:py-8">
        <ErrorContent status={isRouteErrorResponse(error) ? error.status : 500} reason={reasonOf(error)} />
      </main>
      <Footer />
    </Document>
  )
}
