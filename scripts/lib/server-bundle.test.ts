import { mkdtempSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { build } from 'esbuild'
import { describe, expect, it } from 'vitest'
import { bundleServer, externalPackages, staticPackages } from './server-bundle'

describe('server bundle', () => {
  it('loads the web app and the search text tools only where pages are served: the cluster primary never imports Express, Remix, pinyin or jieba', async () => {
    const outDir = mkdtempSync(path.join(tmpdir(), 'server-bundle-'))
    const { metafile } = await bundleServer(outDir)
    const { packages, loaded } = staticPackages(metafile, path.join(outDir, 'serve.js'))
    expect(packages).toContain('node:cluster')
    for (const name of ['express', '@remix-run/express', 'compression', 'pinyin-pro', '@node-rs/jieba', '@node-rs/argon2'])
      expect(packages).not.toContain(name)
    const lazy = Object.entries(metafile.outputs).filter(([name]) => !loaded.has(name) && name.endsWith('.js'))
    const lazyImports = lazy.flatMap(([, output]) => output.imports.map((i) => i.path))
    expect(lazyImports).toContain('express')
    // The demo seed (its templates and argon2) only for an empty database.
    expect(lazyImports).toContain('@node-rs/argon2')
  }, 60_000)

  it('serves pages without loading ExcelJS, JSZip or nodemailer: exports, imports and mail load them when used', async () => {
    // The routes and the server entry as the Remix build has them: its packages stay external.
    const routes = readdirSync('app/routes')
      .filter((file) => /\.tsx?$/.test(file) && !/\.test\./.test(file))
      .map((file) => `app/routes/${file}`)
    const outDir = mkdtempSync(path.join(tmpdir(), 'route-bundle-'))
    const entryPoints = ['app/entry.server.tsx', 'app/root.tsx', ...routes]
    const { metafile } = await build({
      entryPoints,
      outdir: outDir,
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      write: false,
      metafile: true,
      logLevel: 'silent',
      plugins: [
        { name: 'asset-urls', setup: (b) => b.onResolve({ filter: /\?url$/ }, (args) => ({ path: args.path, external: true })) },
        externalPackages,
      ],
    })
    const entries = Object.entries(metafile.outputs).filter(([, output]) => entryPoints.includes(output.entryPoint ?? ''))
    expect(entries.length).toBe(entryPoints.length)
    const atStart = new Set(entries.flatMap(([name]) => [...staticPackages(metafile, name).packages]))
    expect(atStart).toContain('react-dom/server')
    const imported = Object.values(metafile.outputs).flatMap((output) => output.imports.map((i) => i.path))
    for (const name of ['exceljs', 'jszip', 'nodemailer']) {
      expect(atStart).not.toContain(name)
      expect(imported).toContain(name)
    }
  }, 60_000)
})
