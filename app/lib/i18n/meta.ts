import { langFromMatches, translate, type MessageKey } from './index'

/** A page's `meta` with its title in the reader's language, followed by the site name. */
export const titleMeta =
  (key: MessageKey) =>
  ({ matches }: { matches: readonly { id: string; data?: unknown }[] }) => {
    const lang = langFromMatches(matches)
    return [{ title: `${translate(lang, key)} · ${translate(lang, 'app.brand')}` }]
  }
