import { describe, expect, it } from 'vitest'
import { configureSearch, searchListings } from '../../app/search.server'
import { createListing, createOrganisation, searchParams } from '../factories'

/** Nothing listens on port 9: every call to Meilisearch fails at once and Postgres answers. */
const fallback = async (q: string) => {
  configureSearch({ url: 'http://127.0.0.1:9' })
  const result = await searchListings(searchParams({ q }))
  expect(result.engine).toBe('postgres')
  return result.hits.map((h) => h.id)
}

describe('the Postgres fallback matches words as Meilisearch does', () => {
  it('finds a Latin abbreviation written next to one Chinese character (4S店)', async () => {
    const dealer = await createOrganisation({ clusters: ['nev'], name: '太原示例汽车销售服务有限公司' })
    const wanted = await createListing(dealer.id, {
      title: '新能源汽车售后维修实习',
      description: '在 4S 店参与新能源车三电系统检测与故障诊断。',
      clusters: ['nev'],
    })
    expect(await fallback('4S店实习')).toEqual([wanted.id])
  })

  it('drops words from the end as Meilisearch does: the listing with more of them first, the others after', async () => {
    const org = await createOrganisation({ clusters: ['biobased_materials'], name: '朔州示例生物质能源有限公司' })
    const both = await createListing(org.id, {
      title: '秸秆酶解制糖合作',
      description: '企业每年收储玉米秸秆，希望用纤维素酶解制糖。',
      clusters: ['biobased_materials'],
    })
    const first = await createListing(org.id, {
      title: '秸秆打捆还田机械实习',
      description: '参与秸秆打捆机的装配与田间调试。',
      clusters: ['biobased_materials'],
    })
    // No listing says 难题攻关: the query keeps 秸秆 and ranks those that also say 制糖 higher.
    expect(await fallback('秸秆 制糖 难题攻关')).toEqual([both.id, first.id])
  })
})

describe('shops and household services on the first page', () => {
  it('leave it to a trade listing that matches better, in the fallback as in the engine', async () => {
    const data = await createOrganisation({ clusters: ['bigdata'], name: '晋城示例数据服务有限公司' })
    const shop = await createOrganisation({ clusters: ['bigdata'], name: '大同示例连锁超市有限公司' })
    const labelling = await createListing(data.id, {
      title: '数据标注员实习岗位',
      description: '为人工智能训练数据做图像与文本标注。',
      clusters: ['bigdata'],
    })
    // It says 数据标注 too, in its description, so it matches every word, only less well.
    await createListing(shop.id, { title: '超市价签贴标员实习', description: '整理销售数据标注价签。', clusters: ['bigdata'] })
    expect(await fallback('数据标注')).toEqual([labelling.id])
  })
})
