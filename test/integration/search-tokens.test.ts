import { sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { db } from '../../app/db.server'
import { bigramTokens } from '../../search/text'

describe('the fallback index and the query are cut the same way', () => {
  it('jcj_search_tokens (SQL, migration 0005) gives the tokens bigramTokens (TypeScript) gives', async () => {
    for (const text of ['综采液压支架装配与调试顶岗实习', 'TOPCon 电池 5G专网', '石', 'α-淀粉酶 PHA/PLA 共混', '']) {
      const rows = (await db.execute(sql`select jcj_search_tokens(${text}) as tokens`)) as unknown as { tokens: string }[]
      const tokens = (Array.isArray(rows) ? rows : (rows as { rows: { tokens: string }[] }).rows)[0]!.tokens
      expect(tokens.split(' ').filter(Boolean).sort(), text).toEqual(bigramTokens(text).sort())
    }
  })
})
