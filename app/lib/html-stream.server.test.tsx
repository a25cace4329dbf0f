import { PassThrough, type Writable } from 'node:stream'
import { renderToPipeableStream } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { dropNulBytes } from './html-stream.server'

const words = ['钛合金与高温合金增材制造', '综采液压支架', '碳化硅晶圆', '产教融合', 'ab', '晋中市榆次区', 'x']

/** Text nodes of varied byte lengths, so some 3-byte characters fall on the renderer's 2 KB buffer edge. */
function Page() {
  return (
    <ul>
      {Array.from({ length: 600 }, (_, i) => (
        <li key={i}>{words.slice(0, (i % words.length) + 1).join(i % 3 ? '' : ' ')}</li>
      ))}
    </ul>
  )
}

function render(through: (out: PassThrough) => Writable): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const out = new PassThrough()
    const chunks: Buffer[] = []
    out.on('data', (c: Buffer) => chunks.push(c))
    out.on('end', () => resolve(Buffer.concat(chunks)))
    const { pipe } = renderToPipeableStream(<Page />, {
      onAllReady: () => pipe(through(out)),
      onShellError: reject,
    })
  })
}

describe('server-rendered HTML stream', () => {
  it('carries long Chinese text without zero bytes', async () => {
    const html = await render((out) => {
      const strip = dropNulBytes()
      strip.pipe(out)
      return strip
    })
    expect(html.includes(0)).toBe(false)
    expect(html.toString('utf8')).toContain('钛合金与高温合金增材制造综采液压支架')
  })

  it('would carry zero bytes without it (React 18.3 pads at its buffer edge)', async () => {
    const html = await render((out) => out)
    expect(html.includes(0)).toBe(true)
  })
})
