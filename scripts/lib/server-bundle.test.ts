import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { bundleServer } from './server-bundle'

describe('server bundle', () => {
  it('loads the web app and the search text tools only where pages are served: the cluster primary never imports Express, Remix, pinyin or jieba', async () => {
    const outDir = mkdtempSync(path.join(tmpdir(), 'server-bundle-'))
    const { metafile } = await bundleServer(outDir)
    const outputs = metafile.outputs
    const key = (file: string) => Object.keys(outputs).find((name) => path.resolve(name) === path.resolve(file))!
    // What node loads before serve.js's first line runs: the entry and the chunks it imports statically.
    const loaded = new Set<string>()
    const packages = new Set<string>()
    const visit = (name: string) => {
      if (loaded.has(name)) return
      loaded.add(name)
      for (const i of outputs[name]!.imports)
        if (i.kind !== 'import-statement') continue
        else if (i.external) packages.add(i.path)
        else visit(key(i.path))
    }
    visit(key(path.join(outDir, 'serve.js')))
    expect(packages).toContain('node:cluster')
    for (const name of ['express', '@remix-run/express', 'compression', 'pinyin-pro', '@node-rs/jieba'])
      expect(packages).not.toContain(name)
    const lazy = Object.entries(outputs).filter(([name]) => !loaded.has(name) && name.endsWith('.js'))
    expect(lazy.flatMap(([, output]) => output.imports.map((i) => i.path))).toContain('express')
  }, 60_000)
})
