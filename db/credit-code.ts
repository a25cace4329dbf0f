/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from 0-9 and A-Z without I, O, Z, S, V.
 * 1 registration authority, 1 organisation type, 6 administrative division, 9 organisation
 * code (GB 11714, with its own check character), 1 check character over the first 17.
 */
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2]

export function creditCodeCheckChar(first17: string): string {
  let sum = 0
  for (let i = 0; i < 17; i++) {
    const value = CHARSET.indexOf(first17[i]!)
    if (value < 0) throw new Error(`invalid character ${first17[i]}`)
    sum += value * WEIGHTS[i]!
  }
  const check = 31 - (sum % 31)
  return CHARSET[check === 31 ? 0 : check]!
}

export function isValidCreditCode(code: string): boolean {
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(code)) return false
  return creditCodeCheckChar(code.slice(0, 17)) === code[17]
}

/** GB 11714 check character of an 8-character organisation code body. */
function orgCodeCheckChar(body: string): string {
  let sum = 0
  for (let i = 0; i < 8; i++) {
    const c = body[i]!
    const value = /\d/.test(c) ? Number(c) : c.charCodeAt(0) - 55
    sum += value * ORG_CODE_WEIGHTS[i]!
  }
  const check = 11 - (sum % 11)
  return check === 10 ? 'X' : check === 11 ? '0' : String(check)
}

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

/** A well-formed code for demo data: '91' for enterprises, '12' for public institutions, '11' for government bodies. */
export function generateCreditCode(rand: () => number, options: { cityCode: string; prefix?: '91' | '12' | '11' | '52' }) {
  const division = SHANXI_DIVISIONS[options.cityCode] ?? '140000'
  let body = ''
  for (let i = 0; i < 8; i++) body += String(Math.floor(rand() * 10))
  const first17 = `${options.prefix ?? '91'}${division}${body}${orgCodeCheckChar(body)}`
  return first17 + creditCodeCheckChar(first17)
}
