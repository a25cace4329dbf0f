import { describe, expect, it } from 'vitest'
import { safeRedirectPath } from './safe-redirect'

describe('safeRedirectPath', () => {
  it('keeps same-site paths and refuses others', () => {
    expect(safeRedirectPath('/search?q=煤机')).toBe('/search?q=%E7%85%A4%E6%9C%BA')
    expect(safeRedirectPath('//evil.example/x')).toBe('/')
    expect(safeRedirectPath('https://evil.example')).toBe('/')
    expect(safeRedirectPath('/\\evil.example')).toBe('/')
    expect(safeRedirectPath('/\t/evil.example')).toBe('/')
    expect(safeRedirectPath(null, '/dashboard')).toBe('/dashboard')
  })

  it('always returns a value a Location header accepts: CR/LF dropped, non-Latin-1 encoded', () => {
    for (const value of ['/dashboard\r\nSet-Cookie: x=1', '/search?q=煤机\n', '/listings/1#附件', '/a\u2028b', '/%0d%0a'])
      expect(() => new Headers({ Location: safeRedirectPath(value) })).not.toThrow()
    expect(safeRedirectPath('/dashboard\r\nSet-Cookie: x=1')).toBe('/dashboardSet-Cookie:%20x=1')
  })
})
