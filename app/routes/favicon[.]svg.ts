/** The icon is served by the app itself: no outside hosts, no extra folder. */
export const FAVICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="12" fill="#b91c1c"/><text x="32" y="44" font-size="34" text-anchor="middle" fill="#fff" font-family="sans-serif">晋</text></svg>` // cjk-ok: the logo

export function loader() {
  return new Response(FAVICON_SVG, { headers: { 'Content-Type': 'image/svg+xml', 'Cache-Control': 'public, max-age=86400' } })
}
