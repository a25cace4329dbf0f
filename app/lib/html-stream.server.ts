import { Transform, type TransformCallback } from 'node:stream'

/**
 * React 18.3's Node renderer (`writeStringChunk` in react-dom-server.node) flushes its whole 2,048-byte
 * buffer when the next multi-byte character does not fit in the bytes left, so one or two zero bytes
 * of padding land inside the text (`增\0\0材`). React 19 fixed it; there is no patched 18.x. UTF-8 uses a
 * zero byte only for U+0000, which HTML may not contain and JSON escapes, so dropping zero bytes
 * restores exactly what React meant to send.
 */
export function dropNulBytes() {
  return new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
      if (chunk.indexOf(0) === -1) return callback(null, chunk)
      const out = Buffer.allocUnsafe(chunk.length)
      let n = 0
      for (const byte of chunk) if (byte !== 0) out[n++] = byte
      callback(null, out.subarray(0, n))
    },
  })
}
