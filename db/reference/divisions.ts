import { SHANXI_DIVISIONS } from './credit-code'

/** Province-level GB/T 2260 prefixes (the first two digits of a division code). */
export const PROVINCES: Record<string, { name: string; en: string }> = {
  '11': { name: '北京市', en: 'Beijing' },
  '12': { name: '天津市', en: 'Tianjin' },
  '13': { name: '河北省', en: 'Hebei' },
  '14': { name: '山西省', en: 'Shanxi' },
  '15': { name: '内蒙古自治区', en: 'Inner Mongolia' },
  '21': { name: '辽宁省', en: 'Liaoning' },
  '22': { name: '吉林省', en: 'Jilin' },
  '23': { name: '黑龙江省', en: 'Heilongjiang' },
  '31': { name: '上海市', en: 'Shanghai' },
  '32': { name: '江苏省', en: 'Jiangsu' },
  '33': { name: '浙江省', en: 'Zhejiang' },
  '34': { name: '安徽省', en: 'Anhui' },
  '35': { name: '福建省', en: 'Fujian' },
  '36': { name: '江西省', en: 'Jiangxi' },
  '37': { name: '山东省', en: 'Shandong' },
  '41': { name: '河南省', en: 'Henan' },
  '42': { name: '湖北省', en: 'Hubei' },
  '43': { name: '湖南省', en: 'Hunan' },
  '44': { name: '广东省', en: 'Guangdong' },
  '45': { name: '广西壮族自治区', en: 'Guangxi' },
  '46': { name: '海南省', en: 'Hainan' },
  '50': { name: '重庆市', en: 'Chongqing' },
  '51': { name: '四川省', en: 'Sichuan' },
  '52': { name: '贵州省', en: 'Guizhou' },
  '53': { name: '云南省', en: 'Yunnan' },
  '54': { name: '西藏自治区', en: 'Tibet' },
  '61': { name: '陕西省', en: 'Shaanxi' },
  '62': { name: '甘肃省', en: 'Gansu' },
  '63': { name: '青海省', en: 'Qinghai' },
  '64': { name: '宁夏回族自治区', en: 'Ningxia' },
  '65': { name: '新疆维吾尔自治区', en: 'Xinjiang' },
}

const CITY_BY_PREFIX = new Map(Object.entries(SHANXI_DIVISIONS).map(([city, division]) => [division.slice(0, 4), city]))

export type DivisionCheck = {
  /** Characters 3–8 of the code: where it was registered. */
  division: string
  /** Province prefix, '14' for Shanxi. */
  province: string
  /** The Shanxi city the division lies in; null outside Shanxi or at province level (140000). */
  divisionCity: string | null
  /** 'outside_shanxi' | 'city_mismatch' when worth a second look; null when it agrees with the chosen city. */
  flag: 'outside_shanxi' | 'city_mismatch' | null
}

/**
 * Where a 统一社会信用代码 was registered (its 3rd–8th characters, GB/T 2260), and whether that
 * agrees with the city the organisation chose. A warning, never a refusal: a branch may hold the
 * parent's code, and a code registered at province level names no city.
 */
export function checkCreditCodeDivision(code: string | null | undefined, cityCode: string | null | undefined): DivisionCheck | null {
  if (!code || !/^.{2}\d{6}/.test(code)) return null
  const division = code.slice(2, 8)
  const province = division.slice(0, 2)
  const divisionCity = province === '14' ? (CITY_BY_PREFIX.get(division.slice(0, 4)) ?? null) : null
  const chosen = cityCode ? SHANXI_DIVISIONS[cityCode] : undefined
  const cityLevel = division.slice(2, 4) !== '00'
  const flag =
    province !== '14' ? 'outside_shanxi' : chosen && cityLevel && chosen.slice(0, 4) !== division.slice(0, 4) ? 'city_mismatch' : null
  return { division, province, divisionCity, flag }
}
