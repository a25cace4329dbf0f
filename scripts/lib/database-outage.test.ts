import type { ServerBuild } from '@remix-run/node'
import { describe, expect, it } from 'vitest'
import { withDatabaseOutageAnswers } from './database-outage'

const connectionLost = () => Object.assign(new Error('write CONNECTION_CLOSED'), { code: 'CONNECTION_CLOSED' })

function buildWith(fn: () => unknown) {
  let calls = 0
  const counted = async () => {
    calls++
    return fn()
  }
  const build = withDatabaseOutageAnswers({
    routes: { 'routes/x': { id: 'routes/x', module: { loader: counted, action: counted } } },
  } as unknown as ServerBuild)
  const args = { request: new Request('http://localhost/x', { headers: { Cookie: 'lang=zh-CN' } }), params: {}, context: {} }
  const module = build.routes['routes/x']!.module
  return { loader: () => module.loader!(args), action: () => module.action!(args), calls: () => calls }
}

const statusOf = async (run: () => unknown) => {
  try {
    await run()
    return 200
  } catch (thrown) {
    return thrown instanceof Response ? thrown.status : 'threw'
  }
}

describe('database outage answers', () => {
  it('runs a loader that met a dead connection once more, and serves it', async () => {
    let failures = 1
    const route = buildWith(() => {
      if (failures-- > 0) throw connectionLost()
      return { ok: true }
    })
    await expect(route.loader()).resolves.toEqual({ ok: true })
    expect(route.calls()).toBe(2)
  })

  it('answers 503 when the second try fails too, and never re-runs an action', async () => {
    const down = buildWith(() => {
      throw connectionLost()
    })
    expect(await statusOf(down.loader)).toBe(503)
    expect(down.calls()).toBe(2)
    expect(await statusOf(down.action)).toBe(503)
    expect(down.calls()).toBe(3)
  })

  it('does not retry or hide other errors', async () => {
    const broken = buildWith(() => {
      throw new Error('a bug')
    })
    expect(await statusOf(broken.loader)).toBe('threw')
    expect(broken.calls()).toBe(1)
  })
})
