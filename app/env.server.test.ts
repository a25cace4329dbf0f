import { describe, expect, it } from 'vitest'
import { EnvError, parseEnv } from './env.server'

describe('parseEnv', () => {
  it('uses PGlite and the embedded Meilisearch when nothing is set', () => {
    const env = parseEnv({})
    expect(env.DATABASE_URL).toBeUndefined()
    expect(env.MEILI_URL).toBeUndefined()
    expect(env.PORT).toBe(3000)
  })

  it('names the variable when a database URL is malformed', () => {
    expect(() => parseEnv({ DATABASE_URL: 'mysql://root@localhost/x' })).toThrow(EnvError)
    expect(() => parseEnv({ DATABASE_URL: 'mysql://root@localhost/x' })).toThrow(/DATABASE_URL/)
  })

  it('names the variable when the port is not a number', () => {
    expect(() => parseEnv({ PORT: 'eighty' })).toThrow(/PORT/)
  })

  it('treats empty strings as unset', () => {
    expect(parseEnv({ DATABASE_URL: '', MEILI_URL: '' }).DATABASE_URL).toBeUndefined()
  })
})
