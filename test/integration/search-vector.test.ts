import { eq, sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { db } from '../../app/db.server'
import { createListing, updateListing } from '../../app/domain/listings/mutations.server'
import { ListingSchema } from '../../app/lib/schemas/listing'
import { listings } from '../../db/schema'
import { listingSearchVector, type SearchVectorText } from '../../search/search-vector'
import { createOrganisation } from '../factories'
import { addMember, createUser, signIn } from '../factories/accounts'

async function rows<T>(statement: ReturnType<typeof sql>): Promise<T[]> {
  const result = (await db.execute(statement)) as unknown
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[]
}

const sqlArray = (items: readonly string[]) =>
  sql`${`{${items.map((s) => `"${s.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`}::text[]`

const input = (overrides: Partial<Record<string, unknown>> = {}) =>
  ListingSchema.parse({
    direction: 'offer',
    type: 'teacher_practice',
    title: '煤机智能制造教师企业实践岗位',
    description: '接收职业院校机电类专业教师到液压支架生产线实践，参与PLC 与 5G 智能化改造项目。',
    clusters: ['coal_machinery'],
    cityCode: 'changzhi',
    capacity: '4',
    startsOn: '2027-07-01',
    endsOn: '2027-08-31',
    details: { field: '机电一体化', posts: '4', durationDays: '45', schedule: '暑期集中', tasks: '参与液压支架电控系统调试' },
    ...overrides,
  })

async function storedVector(id: number) {
  const [row] = await rows<{ stored: string; expected: string; title: string; description: string; majors: string[] }>(
    sql`select search_vector::text as stored, jcj_listing_search_vector(title, description, majors)::text as expected, title, description, majors
      from listings where id = ${id}`,
  )
  return row!
}

describe('listings.search_vector', () => {
  it('is computed in TypeScript exactly as the database computes it', async () => {
    const cases: SearchVectorText[] = [
      {
        title: '煤机智能制造教师企业实践岗位',
        description: '面向机电一体化技术专业，提供煤机装备装配岗位，配带教师傅。',
        majors: ['机电一体化技术'],
      },
      { title: 'PLC 编程 Python3 与 5G 实习', description: 'AB 厂 S7-1200，  个  天 ; 岗 位', majors: ['AI', '大数据技术', 'IoT 应用'] },
      { title: '实践实践实践实践', description: '实践实践，实践。实践！', majors: [] },
      { title: '', description: '', majors: [] },
      { title: '甲', description: 'x', majors: ['乙'] },
    ]
    for (const text of cases) {
      const [row] = await rows<{ same: boolean; ours: string; theirs: string }>(
        sql`select ${listingSearchVector(text)}::tsvector = jcj_listing_search_vector(${text.title}, ${text.description}, ${sqlArray(text.majors)}) as same,
          ${listingSearchVector(text)}::tsvector::text as ours, jcj_listing_search_vector(${text.title}, ${text.description}, ${sqlArray(text.majors)})::text as theirs`,
      )
      expect(row!.ours).toBe(row!.theirs)
      expect(row!.same).toBe(true)
    }
  })

  it('is written by the app in the same statement as the listing, on create and on every edit of its text', async () => {
    const org = await createOrganisation({ cityCode: 'changzhi' })
    const user = await createUser()
    await addMember(user.id, org.id, 'member')
    const { actor } = await signIn(user.id, org.id)
    const id = await createListing({ actor, organisationId: org.id, input: input(), publish: true })
    const created = await storedVector(id)
    expect(created.stored).toBe(created.expected)
    expect(created.stored).toContain("'液压':")
    expect(created.stored).toContain("'plc':")

    await updateListing({
      actor,
      id,
      input: input({ title: '光伏组件运维教师实践岗位', description: '参与光伏电站巡检与组件清洗，整理运维记录，形成教学案例。' }),
    })
    const edited = await storedVector(id)
    expect(edited.stored).toBe(edited.expected)
    expect(edited.stored).toContain("'光伏':1A")
    expect(edited.stored).not.toContain("'液压':")
    expect(edited.stored).toBe(
      await rows<{ v: string }>(sql`select ${listingSearchVector(edited)}::tsvector::text as v`).then((r) => r[0]!.v),
    )

    // A hand-written vector does not stick: the text decides.
    await db.update(listings).set({ title: '光伏组件运维教师实践岗位（扩招）' }).where(eq(listings.id, id))
    await db.execute(sql`update listings set search_vector = to_tsvector('simple', 'wrong') where id = ${id}`)
    const forced = await storedVector(id)
    expect(forced.stored).toBe(forced.expected)
    expect(forced.stored).toContain("'扩招':")
  })
})
