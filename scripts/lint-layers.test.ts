import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

const eslint = new ESLint()

async function errorsOf(filePath: string, code: string, ruleId: string) {
  const [result] = await eslint.lintText(code + '\nexport {}\n', { filePath })
  return result!.messages.filter((m) => m.ruleId === ruleId).map((m) => m.message)
}
const layerErrors = (filePath: string, code: string) => errorsOf(filePath, code, '@typescript-eslint/no-restricted-imports')

describe('layer map (eslint.config.js)', () => {
  it.each([
    ['app/components/x.tsx', "import { users } from '../../db/schema'"],
    ['app/components/x.tsx', "import { eq } from 'drizzle-orm'"],
    ['app/components/x.tsx', "import { getListing } from '~/domain/listings/queries.server'"],
    ['app/lib/x.ts', "import { searchListingIndex } from '../../search/listing-search'"],
    ['app/routes/x.tsx', "import { listings } from '../../db/schema'"],
    ['app/routes/x.tsx', "import { PGlite } from '@electric-sql/pglite'"],
    ['app/domain/orgs/x.server.ts', "import { listings } from '../../../db/schema'"],
    ['app/domain/orgs/x.server.ts', "import { openDatabase } from '../../../db/client'"],
    ['app/domain/orgs/x.server.ts', "import { createSearchClient } from '../../../search/client'"],
    ['db/reference/x.ts', "import { sql } from 'drizzle-orm'"],
    ['db/reference/x.ts', "import { listings } from '../schema'"],
    ['db/outbox-x.ts', "import { db } from '~/db.server'"],
    ['search/x.ts', "import { translate } from '../app/lib/i18n'"],
    ['scripts/x.ts', "import { createListing } from '../test/factories'"],
  ])('%s may not: %s', async (file, code) => {
    expect(await layerErrors(file, code)).toHaveLength(1)
  })

  it.each([
    ['app/components/x.tsx', "import { taxonomy } from '../../db/reference'"],
    ['app/lib/x.ts', "import type { ListingSearchParams } from '~/search.server'"],
    ['app/components/x.tsx', "import { isOrgAdmin } from '~/domain/actor'"],
    ['app/routes/x.tsx', "import { getListing } from '~/domain/listings/queries.server'"],
    ['app/domain/orgs/x.server.ts', "import { db, listings } from '~/db.server'"],
    ['app/domain/orgs/x.server.ts', "import { eq } from 'drizzle-orm'"],
    ['app/db.server.ts', "import { openDatabase } from '../db/client'"],
    ['app/search.server.ts', "import { createSearchClient } from '../search/client'"],
    ['db/reference/x.ts', "import taxonomy from './taxonomy.json'"],
    ['scripts/x.ts', "import { openDatabase } from '../db/client'"],
  ])('%s may: %s', async (file, code) => {
    expect(await layerErrors(file, code)).toEqual([])
  })
})

describe('one way to say no (eslint.config.js)', () => {
  it.each([
    ['app/domain/orgs/x.server.ts', "throw new Response('不存在', { status: 404 })"],
    ['app/routes/x.tsx', "throw new Response('无权访问', { status: 403 })"],
    ['app/domain/orgs/x.server.ts', 'class RuleError extends Error {}'],
  ])('%s may not: %s', async (file, code) => {
    expect(await errorsOf(file, code, 'no-restricted-syntax')).toHaveLength(1)
  })

  it('allows throwing a DomainError', async () => {
    expect(
      await errorsOf('app/domain/orgs/x.server.ts', "throw new DomainError('not_found', 'org.notFound')", 'no-restricted-syntax'),
    ).toEqual([])
  })
})
