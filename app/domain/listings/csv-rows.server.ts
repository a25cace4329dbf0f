import { parse } from 'csv-parse/sync'

/** CSV from Chinese Excel is often GBK; decode it when it is not valid UTF-8. */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'gbk' } {
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes)
    return { text, encoding: 'utf-8' }
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gbk' }
  }
}

/**
 * RFC 4180 rows (quoted fields may hold commas, "" and line breaks), via csv-parse. Rows may
 * differ in length, and a stray quote inside an unquoted field stays text (他说"好"), as Excel writes it.
 */
export function parseCsv(text: string): string[][] {
  return parse(text, {
    bom: true,
    record_delimiter: ['\r\n', '\n', '\r'],
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
  })
}
