import { describe, expect, it } from 'vitest'
import { consumerRank } from './consumer-trade'
import { diversifyRanked } from './diversity'

const hit = (id: number, score: number, consumer: 0 | 1 = 0) => ({ id, organisationId: id, score, consumer })

describe('shops and household services posted in a cluster', () => {
  it('are told by their words, never by an industrial post’s', () => {
    expect(consumerRank('超市价签标注贴标员实习', '负责商品价签打印')).toBe(1)
    expect(consumerRank('月饼礼盒封装打包工实习', '', '晋中示例礼品包装有限公司')).toBe(1)
    expect(consumerRank('地铁站奶茶店店员实习')).toBe(1)
    expect(consumerRank('数据标注员实习岗位（人工智能训练数据）', '', '晋城示例数据服务有限公司')).toBe(0)
    // 门店 is also the car dealer's workshop, 家居 smart homes.
    expect(consumerRank('新能源汽车门店维修技师实习', '智能家居网关开发')).toBe(0)
  })

  it('yield to a trade listing nearly as relevant, not to one far below', () => {
    const ranked = diversifyRanked([hit(1, 0.99), hit(2, 0.91, 1), hit(3, 0.9), hit(4, 0.3)])
    expect(ranked.map((h) => h.id)).toEqual([1, 3, 2, 4])
  })
})
