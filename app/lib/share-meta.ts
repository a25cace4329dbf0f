import type { MetaDescriptor } from '@remix-run/node'

const DESCRIPTION_LENGTH = 120

/** Plain text of at most `max` characters for a description tag, cut at a character (Chinese has no word breaks). */
export function summarise(text: string, max = DESCRIPTION_LENGTH) {
  const flat = text.replace(/\s+/g, ' ').trim()
  const chars = Array.from(flat)
  return chars.length <= max
    ? flat
    : `${chars
        .slice(0, max - 1)
        .join('')
        .trimEnd()}…`
}

/** Description plus Open Graph and Twitter card tags, so a link pasted into WeChat or a search result shows a proper card. */
export function shareMeta({
  title,
  description,
  url,
  imageUrl,
  siteName,
}: {
  title: string
  description: string
  url: string
  imageUrl: string
  siteName: string
}): MetaDescriptor[] {
  const text = summarise(description)
  return [
    { name: 'description', content: text },
    { property: 'og:type', content: 'website' },
    { property: 'og:site_name', content: siteName },
    { property: 'og:title', content: title },
    { property: 'og:description', content: text },
    { property: 'og:url', content: url },
    { property: 'og:image', content: imageUrl },
    { property: 'og:image:width', content: '1200' },
    { property: 'og:image:height', content: '630' },
    { name: 'twitter:card', content: 'summary_large_image' },
    { name: 'twitter:title', content: title },
    { name: 'twitter:description', content: text },
    { name: 'twitter:image', content: imageUrl },
    { tagName: 'link', rel: 'canonical', href: url },
  ]
}
