import { readdirSync } from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { createRoleFixture, ROLES, type Fixture, type Role } from '../support/role-fixture'

/**
 * Every route × every role, as a table. A route file without a row fails the test, so a new
 * page cannot ship without someone deciding who may use it.
 *
 * Outcomes: ok (answered, including 400 for an empty form: the role got past the guards),
 * login (sent to sign in), redirect (sent elsewhere, e.g. no organisation yet), forbidden (403),
 * notfound (404: exists-or-not is not revealed).
 */
type Outcome = 'ok' | 'login' | 'redirect' | 'forbidden' | 'notfound'
type Row = Record<Role, Outcome>

const row = (
  anonymous: Outcome,
  memberA: Outcome,
  adminA: Outcome,
  memberB: Outcome,
  cityTaiyuan: Outcome,
  province: Outcome,
  platformAdmin: Outcome,
): Row => ({
  anonymous,
  memberA,
  adminA,
  memberB,
  cityTaiyuan,
  province,
  platformAdmin,
})
const everyone = row('ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok')
const redirectsEveryone = row('redirect', 'redirect', 'redirect', 'redirect', 'redirect', 'redirect', 'redirect')
const signedIn = row('login', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok')
const withOrganisation = row('login', 'ok', 'ok', 'ok', 'redirect', 'redirect', 'redirect')
const platformAdminOnly = row('login', 'forbidden', 'forbidden', 'forbidden', 'forbidden', 'forbidden', 'ok')
const membersOfA = row('login', 'ok', 'ok', 'forbidden', 'forbidden', 'forbidden', 'forbidden')
const adminsOfA = row('login', 'forbidden', 'ok', 'forbidden', 'forbidden', 'forbidden', 'forbidden')
const officials = row('login', 'forbidden', 'forbidden', 'forbidden', 'ok', 'ok', 'forbidden')

type Case = { loader?: Row; action?: Row; params?: (f: Fixture) => Record<string, string>; body?: (f: Fixture) => Record<string, string> }

const MATRIX: Record<string, Case> = {
  '_index.tsx': { loader: everyone },
  // Saving a search: an empty form is 400 for everyone (past the guards); visitors confirm by mail, users save to their own address.
  'search.tsx': { loader: everyone, action: everyone },
  // Anyone reaches the page (visitors see how to sign in or use their mail's key); a saved search that is not the asker's is not found.
  'saved-searches.tsx': {
    loader: everyone,
    action: row('notfound', 'notfound', 'notfound', 'notfound', 'notfound', 'notfound', 'notfound'),
    body: () => ({ intent: 'delete', id: '999999' }),
  },
  'saved-searches_.confirm.$token.tsx': { loader: everyone, action: everyone, params: () => ({ token: 'not-a-token' }) },
  'saved-searches_.unsubscribe.$token.tsx': {
    loader: row('notfound', 'notfound', 'notfound', 'notfound', 'notfound', 'notfound', 'notfound'),
    action: row('notfound', 'notfound', 'notfound', 'notfound', 'notfound', 'notfound', 'notfound'),
    params: () => ({ token: '1.forged' }),
  },
  'healthz.ts': { loader: everyone },
  'i18n.$file.ts': { loader: everyone, params: () => ({ file: 'en.000000000000.js' }) },
  'favicon[.]svg.ts': { loader: everyone },
  'favicon[.]ico.ts': {},
  'set-language.tsx': { loader: redirectsEveryone, action: redirectsEveryone, body: () => ({ lang: 'en', redirectTo: '/' }) },
  'login.tsx': { loader: row('ok', 'redirect', 'redirect', 'redirect', 'redirect', 'redirect', 'redirect'), action: everyone },
  'logout.tsx': { loader: redirectsEveryone, action: redirectsEveryone },
  'register.tsx': { action: everyone },
  'forgot-password.tsx': { action: everyone },
  'confirm-email.tsx': { action: everyone },
  'confirm-email_.$token.tsx': { loader: everyone, action: everyone, params: () => ({ token: 'not-a-token' }) },
  'reset-password.$token.tsx': { loader: everyone, action: everyone, params: () => ({ token: 'not-a-token' }) },
  'invitations.$token.tsx': { loader: everyone, action: everyone, params: () => ({ token: 'not-a-token' }) },
  'account.tsx': {
    loader: signedIn,
    // Switching to organisation A: only its members may.
    action: row('login', 'redirect', 'redirect', 'forbidden', 'forbidden', 'forbidden', 'forbidden'),
    body: (f) => ({ organisationId: String(f.orgA) }),
  },
  'dashboard.tsx': {
    loader: withOrganisation,
    // Bulk actions touch only the active organisation's own listings (B's member changes nothing of A's,
    // see listing-management.test.ts); success answers with a redirect back to the dashboard.
    action: row('login', 'redirect', 'redirect', 'redirect', 'redirect', 'redirect', 'redirect'),
    body: (f) => ({ intent: 'bulk', action: 'extend', days: '1', ids: String(f.listingA) }),
  },
  'listings.$id.tsx': {
    loader: everyone,
    // memberA pauses (and is sent back to the listing); adminA then meets the paused listing (409).
    action: row('login', 'redirect', 'ok', 'forbidden', 'forbidden', 'forbidden', 'forbidden'),
    params: (f) => ({ id: String(f.listingA) }),
    body: () => ({ intent: 'pause' }),
  },
  'listings.$id_.edit.tsx': {
    loader: row('login', 'ok', 'ok', 'notfound', 'notfound', 'notfound', 'notfound'),
    action: row('login', 'ok', 'ok', 'notfound', 'notfound', 'notfound', 'notfound'),
    params: (f) => ({ id: String(f.draftA) }),
  },
  'listings.new.tsx': { loader: withOrganisation, action: withOrganisation },
  'orgs._index.tsx': { loader: everyone },
  'orgs.$id.tsx': { loader: everyone, params: (f) => ({ id: String(f.orgA) }) },
  'orgs.$id_.members.tsx': { loader: membersOfA, action: adminsOfA, params: (f) => ({ id: String(f.orgA) }) },
  'orgs.$id_.verification.tsx': { loader: adminsOfA, action: adminsOfA, params: (f) => ({ id: String(f.orgA) }) },
  'orgs.$id_.audit.tsx': { loader: adminsOfA, params: (f) => ({ id: String(f.orgA) }) },
  'orgs.$id_.export.ts': { loader: membersOfA, params: (f) => ({ id: String(f.orgA) }) },
  'files.verification.$id.ts': {
    loader: row('login', 'notfound', 'ok', 'notfound', 'notfound', 'notfound', 'ok'),
    params: (f) => ({ id: String(f.documentA) }),
  },
  'listings.$id_.attachments.tsx': {
    // An empty form goes back to the listing with a message for members; others are refused.
    action: row('login', 'redirect', 'redirect', 'forbidden', 'forbidden', 'forbidden', 'forbidden'),
    params: (f) => ({ id: String(f.listingA) }),
  },
  'files.attachments.$id.ts': { loader: everyone, params: (f) => ({ id: String(f.attachmentA) }) },
  'import.tsx': { loader: withOrganisation, action: withOrganisation },
  'import_.$jobId.tsx': {
    loader: row('login', 'notfound', 'notfound', 'notfound', 'notfound', 'notfound', 'notfound'),
    action: row('login', 'notfound', 'notfound', 'notfound', 'notfound', 'notfound', 'notfound'),
    params: () => ({ jobId: 'nope' }),
  },
  'import_.$jobId.report.ts': {
    loader: row('login', 'notfound', 'notfound', 'notfound', 'notfound', 'notfound', 'notfound'),
    params: () => ({ jobId: 'nope' }),
  },
  'import_.template.$type.ts': { loader: everyone, params: () => ({ type: 'internship' }) },
  'recommendations.dismiss.tsx': {
    // Members of A may not dismiss their own organisation (400, past the guards); B may; no organisation, no verdict.
    action: row('login', 'ok', 'ok', 'redirect', 'forbidden', 'forbidden', 'forbidden'),
    body: (f) => ({ targetOrganisationId: String(f.orgA), reason: 'other', redirectTo: '/dashboard' }),
  },
  // Colleges (their own students) and government users (their area) allocate; enterprises and platform admins do not.
  'allocations._index.tsx': {
    loader: row('login', 'forbidden', 'forbidden', 'forbidden', 'ok', 'ok', 'forbidden'),
    action: row('login', 'forbidden', 'forbidden', 'forbidden', 'ok', 'ok', 'forbidden'),
  },
  'allocations.$id.tsx': {
    loader: row('login', 'forbidden', 'forbidden', 'forbidden', 'notfound', 'notfound', 'forbidden'),
    action: row('login', 'forbidden', 'forbidden', 'forbidden', 'notfound', 'notfound', 'forbidden'),
    params: () => ({ id: '999999' }),
  },
  'admin.verification.tsx': { loader: platformAdminOnly, action: platformAdminOnly },
  'admin.gov-accounts.tsx': { loader: platformAdminOnly, action: platformAdminOnly },
  'admin.audit.tsx': { loader: platformAdminOnly },
  'admin.mailbox.tsx': { loader: platformAdminOnly },
  'gov.tsx': { loader: officials },
  'gov._index.tsx': { loader: officials },
  'gov.funnel.tsx': { loader: officials },
  'gov.quota.tsx': { loader: officials },
  'gov.coverage.tsx': { loader: officials },
  'gov.targets.tsx': { loader: officials },
  'gov.trends.tsx': { loader: officials },
  // Without a figure the records page and the export answer 400 (past the guards) for officials.
  'gov.records.tsx': { loader: officials },
  'gov.export.ts': { loader: officials },
  'gov_.report.tsx': { loader: officials },
  'gov.tokens.tsx': { loader: officials, action: officials },
  // The data API ignores sessions: a bearer token decides (401 without one, for everyone; test/integration/gov-scope.test.ts).
  'api.v1.$.ts': { loader: everyone, params: () => ({ '*': 'overview' }) },
  'admin.reports.tsx': { loader: platformAdminOnly, action: platformAdminOnly },
  'matches._index.tsx': { loader: withOrganisation },
  'matches.export.ts': { loader: withOrganisation },
  // Without ?listing= or ?org= the form answers 400 to anyone allowed to start; people without an organisation are refused.
  'matches.new.tsx': { loader: signedIn, action: row('login', 'ok', 'ok', 'ok', 'forbidden', 'forbidden', 'forbidden') },
  // A match between A and a third organisation: B and government see nothing; platform admins read only.
  'matches.$id.tsx': {
    loader: row('login', 'ok', 'ok', 'notfound', 'notfound', 'notfound', 'ok'),
    action: row('login', 'ok', 'ok', 'notfound', 'notfound', 'notfound', 'forbidden'),
    params: (f) => ({ id: String(f.matchA) }),
    body: () => ({ intent: 'message', body: '' }),
  },
  'matches.files.$fileId.ts': {
    loader: row('login', 'ok', 'ok', 'notfound', 'notfound', 'notfound', 'ok'),
    params: (f) => ({ fileId: String(f.matchFileA) }),
  },
  'notifications.tsx': { loader: signedIn, action: row('login', 'redirect', 'redirect', 'redirect', 'redirect', 'redirect', 'redirect') },
}

const routesDir = path.resolve('app/routes')
const routeFiles = readdirSync(routesDir).filter((f) => /\.(tsx?|jsx?)$/.test(f) && !/\.(server|test)\./.test(f))

function classify(response: Response): Outcome {
  if (response.status === 403) return 'forbidden'
  if (response.status === 404) return 'notfound'
  if (response.status >= 300 && response.status < 400)
    return (response.headers.get('Location') ?? '').startsWith('/login') ? 'login' : 'redirect'
  return 'ok'
}

async function outcomeOf(call: () => Promise<unknown>): Promise<Outcome> {
  try {
    const result = await call()
    return result instanceof Response ? classify(result) : 'ok'
  } catch (thrown) {
    if (thrown instanceof Response) return classify(thrown)
    throw thrown
  }
}

let fixture: Fixture
let cookies: Record<Role, () => Promise<string | null>>

beforeAll(async () => {
  ;({ fixture, cookies } = await createRoleFixture())
})

describe('authorization matrix', () => {
  it('has a row for every route module and every loader and action it exports', async () => {
    expect(routeFiles.filter((f) => !(f in MATRIX))).toEqual([])
    expect(Object.keys(MATRIX).filter((f) => !routeFiles.includes(f))).toEqual([])
    for (const file of routeFiles) {
      const mod = await import(path.join(routesDir, file))
      const entry = MATRIX[file]!
      const reExportsOnly = file === 'favicon[.]ico.ts'
      expect({ file, loader: Boolean(entry.loader) || reExportsOnly }).toEqual({ file, loader: typeof mod.loader === 'function' })
      expect({ file, action: Boolean(entry.action) }).toEqual({ file, action: typeof mod.action === 'function' })
    }
  })

  const cells = Object.entries(MATRIX).flatMap(([file, entry]) =>
    (['loader', 'action'] as const).flatMap((kind) =>
      entry[kind] ? ROLES.map((role) => ({ file, kind, role, expected: entry[kind]![role] })) : [],
    ),
  )

  it.each(cells)('$file $kind as $role → $expected', async ({ file, kind, role, expected }) => {
    const entry = MATRIX[file]!
    const mod = await import(path.join(routesDir, file))
    const params = entry.params?.(fixture) ?? {}
    const cookie = await cookies[role]()
    const headers = new Headers(cookie ? { Cookie: cookie } : {})
    const url = `http://localhost/${file}`
    const request =
      kind === 'loader'
        ? new Request(url, { headers })
        : new Request(url, { method: 'POST', headers, body: new URLSearchParams(entry.body?.(fixture) ?? {}) })
    expect(await outcomeOf(() => mod[kind]({ request, params, context: {} }))).toBe(expected)
  })

  it(`covers ${Object.keys(MATRIX).length} routes × ${ROLES.length} roles`, () => {
    expect(cells.length).toBeGreaterThan(200)
  })
})
