/**
 * Only same-site relative paths: "/search?q=…" yes; "//evil.example", "https://…" and tricks
 * browsers normalise into them ("/\\evil", "/\t/evil") no. The URL parser decides, as a browser would.
 */
export function safeRedirectPath(value: FormDataEntryValue | string | null | undefined, fallback = '/') {
  if (typeof value !== 'string' || !value.startsWith('/')) return fallback
  try {
    const base = 'http://jcj.invalid'
    const url = new URL(value, base)
    if (url.origin !== base) return fallback
    // The parser's own serialisation: CR/LF dropped, non-Latin-1 percent-encoded, so it is a valid Location header.
    return url.pathname + url.search + url.hash
  } catch {
    return fallback
  }
}
