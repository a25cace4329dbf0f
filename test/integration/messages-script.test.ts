import { describe, expect, it } from 'vitest'
import { loader as root } from '../../app/root'
import { loader as messages } from '../../app/routes/i18n.$file'
import { MESSAGES } from '../../app/lib/i18n'

/**
 * The catalogue is a cached script, not loader data: pages stop carrying 63 KB of strings that the
 * browser already has.
 */
const rootData = async (lang: string) => {
  const request = new Request('http://localhost/', { headers: { Cookie: `lang=${lang}` } })
  return (await root({ request, params: {}, context: {} })) as Record<string, unknown>
}

describe('messages script', () => {
  it('the root loader names the script instead of carrying the catalogue', async () => {
    const data = await rootData('en')
    expect(data).not.toHaveProperty('messages')
    expect(JSON.stringify(data).length).toBeLessThan(2_000)
    expect(data.messagesHref).toMatch(/^\/i18n\/en\.[0-9a-f]{12}\.js$/)
    expect((await rootData('zh-CN')).messagesHref).toMatch(/^\/i18n\/zh-CN\.[0-9a-f]{12}\.js$/)
  })

  it('serves the named language for a year, and an old name without caching', async () => {
    const href = String((await rootData('en')).messagesHref)
    const response = messages({ request: new Request(`http://localhost${href}`), params: { file: href.slice(6) }, context: {} })
    expect(response.headers.get('Cache-Control')).toContain('immutable')
    expect(response.headers.get('Content-Type')).toContain('javascript')
    const body = await response.text()
    const window: Record<string, Record<string, Record<string, string>>> = {}
    new Function('window', body)(window)
    expect(window.__jcjMessages!.en).toEqual(MESSAGES.en)

    const old = messages({
      request: new Request('http://localhost/i18n/en.000000000000.js'),
      params: { file: 'en.000000000000.js' },
      context: {},
    })
    expect(old.status).toBe(200)
    expect(old.headers.get('Cache-Control')).toBe('no-cache')
    expect(messages({ request: new Request('http://localhost/i18n/xx.js'), params: { file: 'constructor' }, context: {} }).status).toBe(404)
  })
})
