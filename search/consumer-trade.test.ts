import { describe, expect, it } from 'vitest'
import { consumerRank } from './consumer-trade'
import { diversifyRanked, withoutOutranked } from './diversity'

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

  it('leave the first pages to a trade listing that matches better, and stay when they match best', () => {
    expect(withoutOutranked([hit(1, 0.99), hit(2, 0.91, 1), hit(3, 0.3)]).map((h) => h.id)).toEqual([1, 3])
    expect(withoutOutranked([hit(2, 1, 1), hit(1, 0.6), hit(4, 0.5, 1)]).map((h) => h.id)).toEqual([2, 1])
    // All shops (奶茶店实习): nothing to yield to; a shop matching as well as the trade stays.
    expect(withoutOutranked([hit(2, 0.5, 1), hit(4, 0.4, 1)]).map((h) => h.id)).toEqual([2, 4])
    expect(withoutOutranked([hit(1, 0.9), hit(2, 0.9, 1)]).map((h) => h.id)).toEqual([1, 2])
  })

  it('are told by the trades that serve walk-in customers and homes, not by an industrial post’s perks', () => {
    expect(consumerRank('光纤宽带上门安装员')).toBe(1)
    expect(consumerRank('碳化硅砂纸磨料门店销售')).toBe(1)
    expect(consumerRank('聚乳酸耐热改性技术转让', '可用于一次性餐具、咖啡胶囊')).toBe(0)
  })
})
