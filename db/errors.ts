// postgres-js's own codes for a connection that went away, the socket's, and the server's
// (class 08 connection exception, 57P0x shutdown/terminated, 53300 too many connections).
const DRIVER_CODES = new Set(['CONNECTION_CLOSED', 'CONNECTION_DESTROYED', 'CONNECTION_ENDED', 'CONNECT_TIMEOUT'])
const SOCKET_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND'])
const SERVER_CODES = /^(08...|57P0[123]|53300)$/

/**
 * Whether a query failed because the database could not be reached (as opposed to a bad query or
 * a constraint). Drizzle wraps driver errors, so the causes are followed.
 */
export function isConnectionError(error: unknown): boolean {
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code
    if (typeof code === 'string' && (DRIVER_CODES.has(code) || SOCKET_CODES.has(code) || SERVER_CODES.test(code))) return true
  }
  return false
}

/** The constraint a unique violation (23505) names, on postgres-js and PGlite alike; null for any other error. */
export function uniqueViolation(error: unknown): string | null {
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const { code, constraint_name, constraint } = e as { code?: unknown; constraint_name?: unknown; constraint?: unknown }
    if (code === '23505') return String(constraint_name ?? constraint ?? '')
  }
  return null
}
