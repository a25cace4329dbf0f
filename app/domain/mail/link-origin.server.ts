import { getEnv, type Env } from '~/env.server'
import { DomainError } from '../errors.server'

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]'])

/** The hosts this server answers for when configured: PUBLIC_URL's and ALLOWED_HOSTS. Empty: not configured. */
export function allowedHosts(env: Pick<Env, 'PUBLIC_URL' | 'ALLOWED_HOSTS'> = getEnv()): string[] {
  const hosts = (env.ALLOWED_HOSTS ?? '')
    .split(',')
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean)
  if (env.PUBLIC_URL) hosts.unshift(new URL(env.PUBLIC_URL).host.toLowerCase())
  return hosts
}

/**
 * The origin emailed links point to. Never the request's Host alone: anyone can send any Host, and a
 * reset link to attacker.example hands over the account. PUBLIC_URL when set; else the request's
 * origin only if its host is one of ALLOWED_HOSTS, or a loopback one: a forged `Host: localhost` sends
 * the victim's link to the victim's own machine, which hands nothing to the forger, and it lets a fresh
 * `npm start` on a laptop register and reset passwords without configuration. Null otherwise.
 */
export function trustedOrigin(requestUrl: string, env: Pick<Env, 'PUBLIC_URL' | 'ALLOWED_HOSTS' | 'NODE_ENV'> = getEnv()) {
  if (env.PUBLIC_URL) return new URL(env.PUBLIC_URL).origin
  const url = new URL(requestUrl)
  if (allowedHosts(env).includes(url.host.toLowerCase())) return url.origin
  if (LOCAL_HOSTS.has(url.hostname)) return url.origin
  return null
}

/** Whether mail links work for visitors from other machines (loopback visits always get them). */
export const mailLinksConfigured = (env: Pick<Env, 'PUBLIC_URL' | 'ALLOWED_HOSTS' | 'NODE_ENV'> = getEnv()) =>
  allowedHosts(env).length > 0 || env.NODE_ENV !== 'production'

/** A link for a mail; refuses (503, a message for the user) when there is no trusted origin. */
export function publicUrl(request: Request, pathname: string) {
  const origin = trustedOrigin(request.url)
  if (!origin) throw new DomainError('unavailable', 'security.mailLinksOff')
  return new URL(pathname, origin).toString()
}

/**
 * The origin for links in mail a job sends (no request to go by): PUBLIC_URL, or outside production this
 * machine. The loopback rule of `trustedOrigin` does not carry over: it trusts a request's own host, and a
 * job's mail (search alerts) goes to subscribers on other machines, for whom a localhost link leads nowhere.
 * ALLOWED_HOSTS names hosts without their scheme, so it cannot make a link either.
 */
export function jobMailOrigin(env: Pick<Env, 'PUBLIC_URL' | 'NODE_ENV' | 'PORT'> = getEnv()) {
  if (env.PUBLIC_URL) return new URL(env.PUBLIC_URL).origin
  return env.NODE_ENV === 'production' ? null : `http://localhost:${env.PORT}`
}

/** Whether search alerts can be sent: without it they are off, and saving a new one is refused rather than never mailed. */
export const alertsConfigured = (env: Pick<Env, 'PUBLIC_URL' | 'NODE_ENV' | 'PORT'> = getEnv()) => jobMailOrigin(env) !== null
