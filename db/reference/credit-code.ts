/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from 0-9 and A-Z without I, O, Z, S, V.
 *   1   registration authority (1 机构编制, 5 民政, 9 工商/市场监管, …)
 *   2   organisation type under that authority (91 企业, 12 事业单位, 11 机关, …)
 *   3–8 administrative division (GB/T 2260), e.g. 140100 太原市
 *   9–17 organisation code (GB 11714: 8 body characters + its own check character)
 *   18  check character over the first 17
 */
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2]
const SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/

/** The 18th character for a 17-character prefix (throws on characters outside the charset). */
export function creditCodeCheckChar(first17: string): string {
  if (first17.length !== 17) throw new Error('需要 17 位前缀')
  let sum = 0
  for (let i = 0; i < 17; i++) {
    const value = CHARSET.indexOf(first17[i]!)
    if (value < 0) throw new Error(`统一社会信用代码不允许字符 ${first17[i]}`)
    sum += value * WEIGHTS[i]!
  }
  const check = 31 - (sum % 31)
  return CHARSET[check === 31 ? 0 : check]!
}

/** Shape and check character. Upper case only: normalise user input before calling. */
export function isValidCreditCode(code: string): boolean {
  if (typeof code !== 'string' || !SHAPE.test(code)) return false
  return creditCodeCheckChar(code.slice(0, 17)) === code[17]
}

/** GB 11714 check character of an 8-character organisation code body (digits and A–Z). */
export function orgCodeCheckChar(body: string): string {
  if (!/^[0-9A-Z]{8}$/.test(body)) throw new Error('组织机构代码本体应为 8 位数字或大写字母')
  let sum = 0
  for (let i = 0; i < 8; i++) {
    const c = body[i]!
    const value = c >= '0' && c <= '9' ? Number(c) : c.charCodeAt(0) - 55
    sum += value * ORG_CODE_WEIGHTS[i]!
  }
  const check = 11 - (sum % 11)
  return check === 10 ? 'X' : check === 11 ? '0' : String(check)
}

/** GB/T 2260 division codes of Shanxi's 11 prefecture-level cities, by taxonomy city code. */
export const SHANXI_DIVISIONS: Record<string, string> = {
  taiyuan: '140100',
  datong: '140200',
  yangquan: '140300',
  changzhi: '140400',
  jincheng: '140500',
  shuozhou: '140600',
  jinzhong: '140700',
  yuncheng: '140800',
  xinzhou: '140900',
  linfen: '141000',
  lvliang: '141100',
}

/**
 * A well-formed (not registered!) code for demo data. `prefix`: '91' enterprise (default),
 * '12' public institution (事业单位, e.g. a public college), '11' government body, '52' private
 * non-enterprise unit (民办非企业, e.g. a private college). The division comes from `regionCode`
 * (6 digits) or `cityCode` (a taxonomy city), else 140000 山西省.
 */
export function generateCreditCode(
  rand: () => number,
  options: { cityCode?: string; regionCode?: string; prefix?: '91' | '92' | '12' | '11' | '52' } = {},
): string {
  const division = options.regionCode ?? (options.cityCode ? SHANXI_DIVISIONS[options.cityCode] : undefined) ?? '140000'
  if (!/^\d{6}$/.test(division)) throw new Error(`行政区划代码应为 6 位数字: ${division}`)
  // Codes issued since 2015 carry organisation codes starting MA (digits and letters); older ones are 8 digits.
  const alphabet = rand() < 0.5 ? CHARSET : CHARSET.slice(0, 10)
  let body = alphabet === CHARSET ? 'MA' : ''
  while (body.length < 8) body += alphabet[Math.floor(rand() * alphabet.length)]!
  const first17 = `${options.prefix ?? '91'}${division}${body}${orgCodeCheckChar(body)}`
  return first17 + creditCodeCheckChar(first17)
}
