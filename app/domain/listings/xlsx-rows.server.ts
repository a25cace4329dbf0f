/**
 * Reads the first worksheet of an XLSX row by row. ExcelJS's streaming reader decodes each
 * inflated chunk on its own and breaks Chinese characters that straddle two chunks
 * (晋中市 → 晋��市 in a 10,000-row sheet), so the sheet's XML is decoded whole by JSZip and
 * its rows are yielded one at a time. Memory stays a few times the unzipped sheet.
 */
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }
const decodeXml = (text: string) =>
  text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) =>
    e[0] === '#'
      ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10))
      : (ENTITIES[e] ?? m),
  )

/** The text of every <t> inside a fragment (rich text has several runs). */
const textRuns = (xml: string) =>
  [...xml.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>|<t(?:\s[^>]*)?\/>/g)].map((m) => decodeXml(m[1] ?? '')).join('')

function columnIndex(ref: string) {
  let n = 0
  for (const ch of ref.replace(/\d+$/, '')) n = n * 26 + (ch.charCodeAt(0) - 64)
  return n - 1
}

export type XlsxSheet = { rows: () => Generator<string[]>; hasMergedCells: boolean }

export async function openFirstSheet(bytes: Uint8Array): Promise<XlsxSheet> {
  // Loaded on the first XLSX import, not in every serving process.
  const { default: JSZip } = await import('jszip')
  const zip = await JSZip.loadAsync(bytes)
  const sheetName = Object.keys(zip.files)
    .filter((name) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name))
    .sort((a, b) => Number(a.match(/(\d+)\.xml$/)![1]) - Number(b.match(/(\d+)\.xml$/)![1]))[0]
  if (!sheetName) throw new Error('no worksheet')
  const sheet = await zip.file(sheetName)!.async('string')
  const sharedXml = (await zip.file('xl/sharedStrings.xml')?.async('string')) ?? ''
  const shared = [...sharedXml.matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => textRuns(m[1]!))
  return {
    hasMergedCells: /<mergeCell\s/.test(sheet),
    *rows() {
      for (const row of sheet.matchAll(/<row\b[^>]*?(?:\/>|>([\s\S]*?)<\/row>)/g)) {
        const cells: string[] = []
        for (const cell of (row[1] ?? '').matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
          const attrs = cell[1]!
          const body = cell[2] ?? ''
          const ref = /\br="([A-Z]+\d+)"/.exec(attrs)?.[1]
          const type = /\bt="(\w+)"/.exec(attrs)?.[1]
          const raw = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1]
          let value = ''
          if (type === 's') value = shared[Number(raw)] ?? ''
          else if (type === 'inlineStr') value = textRuns(body)
          else if (type === 'b') value = raw === '1' ? '是' : '否'
          else if (raw !== undefined) value = decodeXml(raw)
          cells[ref ? columnIndex(ref) : cells.length] = value.trim()
        }
        yield Array.from(cells, (c) => c ?? '')
      }
    },
  }
}
