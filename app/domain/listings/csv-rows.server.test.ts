import { describe, expect, it } from 'vitest'
import { decodeCsv, parseCsv } from './csv-rows.server'

describe('parseCsv', () => {
  it('keeps commas, doubled quotes and line breaks inside quoted fields', () => {
    expect(parseCsv('标题,说明\r\n"煤机,实习","他说""好""，配带教师傅"\r\n"两行\n说明",x')).toEqual([
      ['标题', '说明'],
      ['煤机,实习', '他说"好"，配带教师傅'],
      ['两行\n说明', 'x'],
    ])
  })

  it('accepts \\r\\n, \\n and \\r line ends in one file, a BOM, short rows and a stray quote in an unquoted field', () => {
    expect(parseCsv('\uFEFF编号,标题\nA-1,液压"支架"调试\rA-2\r\n\r\nA-3,末行')).toEqual([
      ['编号', '标题'],
      ['A-1', '液压"支架"调试'],
      ['A-2'],
      [''],
      ['A-3', '末行'],
    ])
  })
})

describe('decodeCsv', () => {
  it('reads UTF-8 as UTF-8 and anything else as GBK, as Chinese Excel saves it', () => {
    expect(decodeCsv(new TextEncoder().encode('长治市,煤机装备'))).toEqual({ text: '长治市,煤机装备', encoding: 'utf-8' })
    // 长治 in GBK: B3 A4 D6 CE
    expect(decodeCsv(new Uint8Array([0xb3, 0xa4, 0xd6, 0xce, 0x2c, 0x41]))).toEqual({ text: '长治,A', encoding: 'gbk' })
  })
})
