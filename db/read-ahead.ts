/**
 * A batch stream (a cursor's, a keyset pager's) that asks for the next batch as soon as one is handed out, so the
 * database reads the next batch while the caller writes this one.
 */
export async function* readAhead<T>(source: AsyncIterable<T>): AsyncGenerator<T> {
  const iterator = source[Symbol.asyncIterator]()
  let next = iterator.next()
  let done = false
  try {
    for (;;) {
      const result = await next
      if (result.done) {
        done = true
        return
      }
      next = iterator.next()
      yield result.value
    }
  } finally {
    if (!done) {
      // Stopped early (a cancelled download): let the pending read settle, then close the cursor.
      await next.catch(() => undefined)
      await iterator.return?.()
    }
  }
}
