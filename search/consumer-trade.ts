/**
 * Shops and household services posted in an industrial cluster: a supermarket's price-tag job under 大数据,
 * a tea shop in a metro station under 轨道交通, a bakery's 发酵 under 生物基材料. They say the query's word
 * in their own title, so they score like the trade's listings; on a platform for industry–education
 * cooperation they yield to trade listings nearly as relevant (search/diversity.ts, both engines).
 * Words for retail and consumer services only, never one an industrial post uses (门店 is also the
 * car dealer's workshop, 家居 smart homes, 物业 facility management).
 */
export const CONSUMER_WORDS = [
  // Shops and their staff
  ...['店员', '网店', '导购', '收银', '营业员', '超市', '便利店', '零售', '专卖店', '商行', '眼镜店', '销售顾问', '二手车'],
  // Food and drink
  ...['奶茶', '茶饮', '餐饮', '后厨', '烘焙', '面包房', '烧烤', '外卖', '生鲜'],
  // Personal and household services
  ...['宠物', '美容', '美发', '美甲', '饰品', '首饰', '礼品', '家政', '保洁', '疏通', '箱包'],
  // Children's classes and street promotion
  ...['兴趣班', '少儿', '辅导班', '地推', '网吧', '网咖', '文创'],
  // Selling to walk-in customers, and the shops that print, frame or rent for them
  ...['门店销售', '门店导购', '卖场', '店铺', '柜台', '促销员', '快印', '图文店', '打印店', '五金店', '家具城', '招生顾问'],
  // Services at people's homes: appliances, broadband, moving, renovation
  ...['上门安装', '上门维修', '家电维修', '热水器', '宽带安装', '宽带装维', '装修', '开锁', '搬家', '干洗', '月嫂', '保姆'],
  // Kitchens, travel and leisure, personal finance
  ...['帮厨', '厨师', '餐厅', '饭店', '咖啡店', '咖啡馆', '导游', '旅行社', '健身房', '瑜伽'],
  ...['影楼', '婚庆', '驾校', '洗车', '保险业务', '房产中介'],
]

const PATTERN = new RegExp(CONSUMER_WORDS.join('|'))

/** 1 when the listing reads as a shop or household service (by its title, description or organisation), else 0. */
export const consumerRank = (...texts: string[]): 0 | 1 => (texts.some((t) => PATTERN.test(t)) ? 1 : 0)
