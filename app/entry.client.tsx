import { RemixBrowser } from '@remix-run/react'
import { startTransition, StrictMode } from 'react'
import { hydrateRoot } from 'react-dom/client'
import { isLanguage, registerMessages, type Messages } from './lib/i18n'

declare global {
  interface Window {
    __jcjMessages?: Record<string, Messages>
  }
}

/**
 * The page's catalogue arrives as a deferred script (see messages-script.server.ts); hydration
 * waits for it, since every translated string the server rendered must render the same here.
 */
async function messagesLoaded(): Promise<void> {
  const lang = document.documentElement.lang
  const script = document.getElementById('jcj-messages')
  if (!window.__jcjMessages?.[lang] && script)
    await new Promise<void>((resolve) => {
      script.addEventListener('load', () => resolve(), { once: true })
      script.addEventListener('error', () => resolve(), { once: true })
      if (window.__jcjMessages?.[lang]) resolve()
    })
  if (isLanguage(lang)) registerMessages(lang, window.__jcjMessages?.[lang])
}

void messagesLoaded().then(() =>
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <RemixBrowser />
      </StrictMode>,
    )
  }),
)
