import { describe, expect, it } from 'vitest'
import { isConnectionError } from './errors'

describe('isConnectionError', () => {
  it('recognises a terminated backend, a closed connection and a reset socket, also wrapped by drizzle', () => {
    expect(isConnectionError(Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }))).toBe(true)
    expect(isConnectionError(new Error('Failed query', { cause: Object.assign(new Error('closed'), { code: 'CONNECTION_CLOSED' }) }))).toBe(
      true,
    )
    expect(isConnectionError(new Error('Failed query', { cause: Object.assign(new Error('write'), { code: 'ECONNRESET' }) }))).toBe(true)
  })

  it('leaves query errors alone: a unique violation or a syntax error is not an outage', () => {
    expect(isConnectionError(Object.assign(new Error('duplicate key'), { code: '23505' }))).toBe(false)
    expect(isConnectionError(new Error('Failed query', { cause: Object.assign(new Error('syntax'), { code: '42601' }) }))).toBe(false)
    expect(isConnectionError(new Error('plain'))).toBe(false)
    expect(isConnectionError(null)).toBe(false)
  })
})
