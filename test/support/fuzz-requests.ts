import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import { taxonomy } from '../../db/reference'
import type { Fixture, Role } from './role-fixture'

/**
 * Generators of hostile requests for every route module: the inputs a fuzzer, a broken client or an
 * attacker sends. Values are never a valid submission (no real intent, no plausible id in a form), so a
 * request that writes is a bug, not luck.
 */

export const routesDir = path.resolve('app/routes')
export const routeFiles = readdirSync(routesDir).filter((f) => /\.(tsx?|jsx?)$/.test(f) && !/\.(server|test)\./.test(f))

/** Path parameters from the flat-route file name: `orgs.$id_.members.tsx` → id, `api.v1.$.ts` → *. */
export function paramNames(file: string): string[] {
  return file
    .replace(/\.(tsx?|jsx?)$/, '')
    .split('.')
    .filter((segment) => segment.startsWith('$'))
    .map((segment) => (segment === '$' ? '*' : segment.slice(1).replace(/_$/, '')))
}

/**
 * Every field name a form or loader reads, found in the source (Conform schema keys, `name="…"`,
 * `.get('…')`), so a new form is fuzzed without anyone listing it here.
 */
export function harvestFieldNames(): string[] {
  const dirs = ['app/routes', 'app/components', 'app/lib/schemas']
  const names = new Set<string>()
  const patterns = [
    /name="([A-Za-z_][\w.]*)"/g,
    /\.get(?:All)?\('([A-Za-z_][\w.]*)'\)/g,
    /^\s+([A-Za-z_]\w*): (?:z\.|text\(|int\(|list\(|optional|amount\(|yesNo|count\(|email)/gm,
  ]
  for (const dir of dirs)
    for (const file of readdirSync(dir)) {
      if (!/\.tsx?$/.test(file) || file.includes('.test.')) continue
      const source = readFileSync(path.join(dir, file), 'utf8')
      for (const pattern of patterns) for (const match of source.matchAll(pattern)) names.add(match[1]!)
    }
  for (const detail of ['deadline', 'period', 'location', 'majors', 'kind', 'tasks', 'field', 'budgetWan', 'trl', 'mode'])
    names.add(`details.${detail}`)
  return [...names].sort()
}

const PROTOTYPE_NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'prototype', '__defineGetter__']
const BAD_NUMBERS = ['abc', '1e400', '99999999999', '-1', '0', '0x10', 'NaN', 'Infinity', '-0', '1.5', ' 7 ', '٣', '１２', '9'.repeat(400)]
const BAD_REDIRECTS = [
  '/\r\nSet-Cookie: jcj_session=evil',
  '/ok\r\nLocation: https://evil.example',
  '/路径?q=中文',
  '/\u0000',
  '//evil.example',
  '/\\evil.example',
  'https://evil.example/',
  'javascript:alert(1)',
  '/\t/evil.example',
  '/%0d%0aX: y',
  '/\u2028\u2029',
]
const ODD_TEXT = [
  '',
  ' ',
  '\u0000',
  '\u0000\u0000abc',
  '\uE000\uE001\uF8FF',
  '\uDB80\uDC00',
  '\uD800',
  '\uFEFF',
  '<script>alert(1)</script>',
  "' or 1=1 --",
  '%',
  '%ZZ',
  '{}',
  '[]',
  'null',
  'true',
  '0 OR 1',
  '\\',
  '${7*7}',
]
const clusterCodes = taxonomy.clusters.map((c) => c.code)
const cityCodes = taxonomy.regions.cities.map((c) => c.code)

const longText = fc.oneof(
  { weight: 20, arbitrary: fc.integer({ min: 200, max: 5_000 }).map((n) => '山'.repeat(n)) },
  { weight: 3, arbitrary: fc.constantFrom(65_536, 300_000).map((n) => 'x'.repeat(n)) },
  { weight: 1, arbitrary: fc.constant('9'.repeat(2_000_000)) },
)

const shortHostileValue = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...PROTOTYPE_NAMES, ...BAD_NUMBERS, ...BAD_REDIRECTS, ...ODD_TEXT) },
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  {
    weight: 2,
    arbitrary: fc.string({ unit: fc.integer({ min: 0xe000, max: 0xf8ff }).map((c) => String.fromCodePoint(c)), maxLength: 12 }),
  },
  { weight: 2, arbitrary: fc.constantFrom(...clusterCodes.slice(0, 3), ...cityCodes.slice(0, 2), 'internship', 'tech_transfer') },
)

/** Long values go in bodies; a URL that long never reaches the app (Node refuses headers over 16 KB). */
export const hostileValue: fc.Arbitrary<string> = fc.oneof({ weight: 14, arbitrary: shortHostileValue }, { weight: 1, arbitrary: longText })

/** What the request carries, and how it claims to be encoded. */
export type BodySpec =
  | { kind: 'none' }
  | { kind: 'urlencoded'; pairs: [string, string][]; contentType?: string }
  | {
      kind: 'multipart'
      pairs: [string, string][]
      file?: { field: string; name: string; type: string; bytes: number[] }
      contentType?: string
    }
  | { kind: 'json'; json: string; contentType: string }
  | { kind: 'raw'; text: string; contentType?: string }

export type RequestSpec = {
  file: string
  method: string
  role: Role
  params: Record<string, string>
  query: [string, string][]
  body: BodySpec
  headers: [string, string][]
  host: string
  extraCookie?: string
}

const WRONG_TYPES = [
  'application/json',
  'text/plain',
  'application/xml',
  'multipart/form-data',
  'multipart/form-data; boundary=',
  'multipart/form-data; boundary=nope',
  'application/x-www-form-urlencoded; charset=gbk',
  'application/x-www-form-urlencoded; charset=bogus',
  'application/octet-stream',
  'text/html; charset=utf-7',
  '*/*',
  'garbage',
  '',
]
const FILE_NAMES = [
  'a=b.pdf',
  'a;b.pdf',
  'x"; name="intent.pdf',
  '实习=手册;第1版.xlsx',
  '..\\..\\etc\\passwd',
  '../../x.csv',
  '\u0000.pdf',
  '',
  'a'.repeat(300) + '.pdf',
  'CON',
  '合作.csv',
]
const URL_HOSTS = ['localhost', 'attacker.example', '127.0.0.1:3000', '[::1]', 'xn--fiq228c.example']
const HOST_HEADERS = ['localhost', 'attacker.example', 'localhost:99999', '中文.example', '', 'a b', 'localhost, evil.example']

export function requestSpec(options: {
  files: { file: string; methods: string[] }[]
  fields: string[]
  roles: readonly Role[]
  fixture: Fixture
}): fc.Arbitrary<RequestSpec> {
  const { fixture } = options
  const validIds = Object.values(fixture).map(String)
  const paramValue = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...validIds, 'internship', 'teacher_practice', 'overview', 'not-a-token') },
    { weight: 4, arbitrary: hostileValue },
  )
  const fieldName = fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...options.fields) },
    { weight: 2, arbitrary: fc.constantFrom(...PROTOTYPE_NAMES) },
  )
  const pairs = fc.array(fc.tuple(fieldName, hostileValue), { maxLength: 12 }).chain((list) =>
    // Repeated fields: the same name sent again with another value.
    fc.boolean().map((repeat) => (repeat && list.length ? [...list, [list[0]![0], list[list.length - 1]![1]] as [string, string]] : list)),
  )
  const contentType = fc.option(fc.constantFrom(...WRONG_TYPES), { nil: undefined, freq: 3 })
  const body: fc.Arbitrary<BodySpec> = fc.oneof(
    { weight: 1, arbitrary: fc.constant({ kind: 'none' as const }) },
    { weight: 5, arbitrary: fc.record({ kind: fc.constant('urlencoded' as const), pairs, contentType }) },
    {
      weight: 3,
      arbitrary: fc.record({
        kind: fc.constant('multipart' as const),
        pairs,
        file: fc.option(
          fc.record({
            field: fc.constantFrom('file', 'files', 'evidence', 'attachment', '__proto__'),
            name: fc.oneof(fc.constantFrom(...FILE_NAMES), fc.string({ unit: 'binary', maxLength: 30 })),
            type: fc.constantFrom('application/pdf', 'text/csv', 'image/png', 'application/x-msdownload', '', 'text/html'),
            bytes: fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 64 }),
          }),
          { nil: undefined },
        ),
        contentType,
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constant('json' as const),
        json: fc.oneof(fc.json(), fc.constant('{"__proto__":{"admin":true},"constructor":{"prototype":{}}}')),
        contentType: fc.constantFrom('application/json', 'application/x-www-form-urlencoded', 'text/plain'),
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constant('raw' as const),
        text: fc.oneof(
          fc.string({ unit: 'binary', maxLength: 200 }),
          fc.constant('--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n'),
          fc.constant('%%%&&&==='),
        ),
        contentType,
      }),
    },
  )
  const header = fc.oneof(
    fc.tuple(
      fc.constant('Origin'),
      fc.constantFrom('http://localhost', 'https://attacker.example', 'null', 'http://中文.example', 'garbage'),
    ),
    fc.tuple(fc.constantFrom('Host', 'X-Forwarded-Host', 'X-Forwarded-Proto'), fc.constantFrom(...HOST_HEADERS, 'https')),
    fc.tuple(fc.constant('Referer'), fc.constantFrom('http://attacker.example/x', 'not a url', 'http://localhost/')),
    fc.tuple(fc.constant('Accept-Language'), fc.constantFrom('en', 'zh-CN', '__proto__', '*', 'x'.repeat(500))),
    fc.tuple(fc.constant('Accept'), fc.constantFrom('application/json', 'text/html', '*/*', '')),
  )
  const extraCookie = fc.option(
    fc.constantFrom(
      'lang=en',
      'lang=__proto__',
      'lang=%E0%A4%A',
      'jcj_session=forged',
      'jcj_device=forged',
      'lang=constructor',
      `x=${'c'.repeat(4000)}`,
    ),
    { nil: undefined },
  )
  return fc.constantFrom(...options.files).chain(({ file, methods }) =>
    fc.record({
      file: fc.constant(file),
      method: fc.constantFrom(...methods),
      role: fc.constantFrom(...options.roles),
      params: fc.record(Object.fromEntries(paramNames(file).map((name) => [name, paramValue]))) as fc.Arbitrary<Record<string, string>>,
      query: fc.array(fc.tuple(fieldName, shortHostileValue), { maxLength: 4 }),
      body,
      headers: fc.array(header, { maxLength: 3 }),
      host: fc.constantFrom(...URL_HOSTS),
      extraCookie,
    }),
  )
}

/** The spec as the Fetch API Request a route module receives from Remix. */
export function toRequest(spec: RequestSpec, sessionCookie: string | null): Request {
  const url = new URL(`http://${spec.host}/${spec.file.replace(/\.(tsx?|jsx?)$/, '')}`)
  for (const [name, value] of spec.query) url.searchParams.append(name, value)
  const headers = new Headers()
  // Node's HTTP parser hands non-ASCII header bytes over as Latin-1 characters; do the same.
  for (const [name, value] of spec.headers) headers.append(name, Buffer.from(value).toString('latin1'))
  const cookies = [sessionCookie, spec.extraCookie].filter(Boolean)
  if (cookies.length) headers.set('Cookie', cookies.join('; '))
  const init: RequestInit = { method: spec.method, headers }
  if (spec.method !== 'GET' && spec.method !== 'HEAD') {
    const { body } = spec
    if (body.kind === 'urlencoded') init.body = new URLSearchParams(body.pairs)
    else if (body.kind === 'multipart') {
      const form = new FormData()
      for (const [name, value] of body.pairs) form.append(name, value)
      if (body.file) form.append(body.file.field, new File([new Uint8Array(body.file.bytes)], body.file.name, { type: body.file.type }))
      init.body = form
    } else if (body.kind === 'json') init.body = body.json
    else if (body.kind === 'raw') init.body = body.text
    const type = body.kind === 'json' ? body.contentType : body.kind === 'none' ? undefined : body.contentType
    if (type !== undefined) headers.set('Content-Type', type)
  }
  return new Request(url, init)
}
