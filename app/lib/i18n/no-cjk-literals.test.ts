import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

/**
 * Visible text lives in the catalogues (app/lib/i18n): a Chinese string literal or JSX text in a
 * route, component or app/lib file would show Chinese to an English reader. Comments, regular
 * expressions, tests and the catalogues are not checked; a stored data value (the importer's 是)
 * may stay when its line says `cjk-ok:` and why.
 */
const ROOT = join(import.meta.dirname, '../../..')
const CHECKED = ['app/routes', 'app/components', 'app/lib']
const CJK = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]/

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return path.endsWith(join('app', 'lib', 'i18n')) ? [] : files(path)
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : []
  })
}

export function cjkLiterals(source: string, fileName = 'file.tsx'): { line: number; text: string }[] {
  const file = ts.createSourceFile(
    fileName,
    source,
    ts.ScriptTarget.Latest,
    true,
    fileName.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  )
  const lines = source.split('\n')
  const found: { line: number; text: string }[] = []
  const visit = (node: ts.Node) => {
    if (
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateHead(node) ||
      ts.isTemplateMiddle(node) ||
      ts.isTemplateTail(node) ||
      ts.isJsxText(node)
    ) {
      const text = node.text
      if (CJK.test(text)) {
        const line = file.getLineAndCharacterOfPosition(node.getStart()).line
        if (!lines[line]!.includes('cjk-ok:') && found.at(-1)?.line !== line + 1)
          found.push({ line: line + 1, text: text.trim().slice(0, 40) })
      }
    }
    ts.forEachChild(node, visit)
  }
  visit(file)
  return found
}

describe('no Chinese literals outside the catalogues', () => {
  it('finds string literals, template parts and JSX text, not comments or regular expressions', () => {
    const source = [
      '// 注释',
      "const a = '标题'",
      'const b = `第 ${n} 页`',
      'const c = /[，、]/',
      'const d = <p>你好 {name}</p>',
      "const e = '是' // cjk-ok: stored value",
      "const f = 'plain'",
    ].join('\n')
    expect(cjkLiterals(source).map((f) => f.line)).toEqual([2, 3, 5])
  })

  it('holds for every route, component and app/lib file', () => {
    const offenders = CHECKED.flatMap((dir) =>
      files(join(ROOT, dir)).flatMap((path) =>
        cjkLiterals(readFileSync(path, 'utf8'), path).map((f) => `${relative(ROOT, path)}:${f.line} ${f.text}`),
      ),
    )
    expect(offenders).toEqual([])
  })
})
