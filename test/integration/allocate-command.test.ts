import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { db } from '../../app/db.server'
import { getAllocationRun, listAllocationRuns } from '../../app/domain/matching/allocation.server'
import { matches } from '../../db/schema'
import { allocateCommand, parseScope, UsageError } from '../../scripts/lib/allocate-command'
import { createOrganisation } from '../factories'
import { createAllocationMarket } from '../factories/allocation'
import { createUser, type signIn, signInMember } from '../factories/accounts'

const period = ['--from', '2027-03-01', '--to', '2027-06-30']
let collegeEmail: string
let collegeId: number
let collegeActor: Awaited<ReturnType<typeof signIn>>['actor']
let taiyuanPost: { id: number }
let datongPost: { id: number }

const run = async (argv: string[]) => {
  const lines: string[] = []
  const outcome = await allocateCommand({ argv, log: (l) => lines.push(l) })
  return { outcome, output: lines.join('\n') }
}

beforeAll(async () => {
  const college = await createOrganisation({ kind: 'vocational_higher', name: '山西示例命令行职业技术学院', cityCode: 'taiyuan' })
  collegeId = college.id
  // The market holds the Taiyuan official's demand too: the college's published need in Taiyuan.
  const market = await createAllocationMarket(college.id, {
    taiyuan: { name: '太原示例命令行煤机有限公司' },
    datong: { name: '大同示例命令行煤机有限公司' },
  })
  taiyuanPost = market.taiyuanPost
  datongPost = market.datongPost
  const admin = await signInMember(college.id, 'admin', { email: 'allocate-cli@demo.jcj.example.cn' })
  collegeEmail = admin.user.email
  collegeActor = admin.actor
  await createUser({ govScopeType: 'city', govScopeCode: 'taiyuan' })
})

describe('npm run allocate', () => {
  it('runs a college allocation from the command line, prints the summary with reasons and 0 blocking pairs, and saves a draft the UI lists', async () => {
    const { outcome, output } = await run([
      '--user',
      collegeEmail.toUpperCase(),
      ...period,
      '--request',
      '机电一体化技术, 10, 太原市, 大同市',
      '--request',
      '软件技术, 2, 太原市',
    ])
    expect(outcome).toMatchObject({ assigned: 8, unassigned: 4, blockingPairs: 0, published: null })
    expect(output).toContain('8 人已分配，4 人未分配，共 2 个岗位、8 个名额')
    expect(output).toMatch(/2 {2}所选的 2 个岗位名额已满/)
    expect(output).toMatch(/2 {2}范围内没有接收该专业的岗位/)
    expect(output).toContain('✔ 稳定性检查：0 个阻塞对')
    expect(output).toContain(`已保存为草稿 #${outcome.runId}：/allocations/${outcome.runId}`)
    const runs = await listAllocationRuns({ actor: collegeActor })
    expect(runs.find((r) => r.id === outcome.runId)).toMatchObject({ status: 'draft', summary: { assigned: 8, unassigned: 4 } })
    const saved = await getAllocationRun({ actor: collegeActor, id: outcome.runId })
    expect(Object.fromEntries(saved.result.assignments.map((a) => [a.postId, a.count]))).toEqual({
      [taiyuanPost.id]: 3,
      [datongPost.id]: 5,
    })
    expect(await db.select().from(matches).where(eq(matches.initiatorOrganisationId, collegeId))).toEqual([])
  })

  it('--publish turns the draft into matches at 意向 between the college and each post', async () => {
    const { outcome, output } = await run([
      '--user',
      collegeEmail,
      ...period,
      '--request',
      '机电一体化技术, 4, 大同市',
      '--publish',
      '--lang',
      'en',
    ])
    expect(outcome).toMatchObject({ assigned: 4, published: 1 })
    expect(output).toContain('Published: 1 new intents')
    const [match] = await db.select().from(matches).where(eq(matches.initiatorOrganisationId, collegeId))
    expect(match).toMatchObject({ listingId: datongPost.id, stage: 'contact', partnerOrganisationId: expect.any(Number) })
    expect((await getAllocationRun({ actor: collegeActor, id: outcome.runId })).status).toBe('published')
  })

  it('acts for an explicit official scope: the city official allocates the colleges’ published needs in Taiyuan', async () => {
    expect(parseScope('city:taiyuan')).toEqual({ type: 'city', code: 'taiyuan' })
    expect(parseScope('province')).toEqual({ type: 'province', code: 'shanxi' })
    const { outcome, output } = await run(['--scope', 'city:taiyuan', ...period])
    // The need is for 4 in Taiyuan, whose one post has 3 places.
    expect(outcome).toMatchObject({ assigned: 3, unassigned: 1, blockingPairs: 0 })
    expect(output).toContain('1  所选的 1 个岗位名额已满')
  })

  it('refuses unknown users and scopes, bad lines and missing actors, and saves nothing then', async () => {
    const before = (await listAllocationRuns({ actor: collegeActor })).length
    await expect(run(['--user', 'nobody@example.cn', ...period])).rejects.toMatchObject({ messageKey: 'allocation.error.noUser' })
    await expect(run(['--scope', 'city:datong', ...period])).rejects.toMatchObject({ messageKey: 'allocation.error.noOfficial' })
    await expect(run(['--user', collegeEmail, '--org', '99999', ...period])).rejects.toMatchObject({
      messageKey: 'allocation.error.notMember',
    })
    await expect(run(['--user', collegeEmail, ...period, '--request', '机电一体化技术'])).rejects.toMatchObject({
      messageKey: 'allocation.error.requestLine',
    })
    await expect(
      run(['--user', collegeEmail, '--from', '2031-01-01', '--to', '2031-02-01', '--request', '机电一体化技术, 2']),
    ).rejects.toMatchObject({
      messageKey: 'allocation.error.noPosts',
    })
    await expect(run(period)).rejects.toBeInstanceOf(UsageError)
    await expect(run(['--scope', 'county:x'])).rejects.toBeInstanceOf(UsageError)
    expect((await listAllocationRuns({ actor: collegeActor })).length).toBe(before)
  })
})
