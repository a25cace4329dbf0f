import { describe, expect, it } from 'vitest'
import { safeRedirectPath } from './safe-redirect'

describe('safeRedirectPath', () => {
  it('keeps same-site paths and refuses others', () => {
    expect(safeRedirectPath('/search?q=煤机')).toBe('/search?q=煤机')
    expect(safeRedirectPath('//evil.example/x')).toBe('/')
    expect(safeRedirectPath('https://evil.example')).toBe('/')
    expect(safeRedirectPath('/\\evil.example')).toBe('/')
    expect(safeRedirectPath('/\t/evil.example')).toBe('/')
    expect(safeRedirectPath(null, '/dashboard')).toBe('/dashboard')
  })
})
