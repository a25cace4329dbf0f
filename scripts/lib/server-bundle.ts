import { readFileSync, readdirSync, rmSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import path from 'node:path'
import { build, type Metafile, type Plugin } from 'esbuild'

/*
 * scripts/serve.ts compiled to <outDir>/serve.js, so `npm start` runs plain node, not tsx. Packages stay
 * external (node_modules); the app's own modules are bundled. `import.meta.dirname` is rewritten to the
 * source file's folder relative to outDir, so db/migrations is still found.
 */

const sourceDirname = (outDir: string): Plugin => ({
  name: 'source-dirname',
  setup(b) {
    b.onLoad({ filter: /\.tsx?$/ }, async (args) => {
      const code = await readFile(args.path, 'utf8')
      if (!code.includes('import.meta.dirname')) return undefined
      const relative = path.relative(outDir, path.dirname(args.path))
      return {
        contents: code.replaceAll('import.meta.dirname', `path.join(import.meta.dirname, ${JSON.stringify(relative)})`),
        loader: 'ts',
      }
    })
  },
})

/**
 * Packages stay external. A deep import of a package without an `exports` map (`@node-rs/jieba/dict`)
 * works in a bundler but not in Node's ESM loader, which wants the file's extension: add it.
 */
export const externalPackages: Plugin = {
  name: 'external-packages',
  setup(b) {
    b.onResolve({ filter: /^[^./~#]/ }, (args) => {
      if (args.path.startsWith('node:') || path.extname(args.path)) return { path: args.path, external: true }
      const parts = args.path.split('/')
      const nameLength = args.path.startsWith('@') ? 2 : 1
      if (parts.length === nameLength) return { path: args.path, external: true }
      try {
        const require = createRequire(args.importer)
        const manifest = JSON.parse(readFileSync(require.resolve(`${parts.slice(0, nameLength).join('/')}/package.json`), 'utf8'))
        if (manifest.exports) return { path: args.path, external: true }
        return { path: args.path + path.extname(require.resolve(args.path)), external: true }
      } catch {
        // An exports map that hides package.json: Node resolves the subpath through it.
        return { path: args.path, external: true }
      }
    })
  },
}

/**
 * The packages node loads with an output file before its first line runs: its static imports, and
 * those of the chunks it imports statically; `import()` is left out, as node leaves it until called.
 */
export function staticPackages(metafile: Metafile, entry: string) {
  const outputs = metafile.outputs
  const key = (file: string) => Object.keys(outputs).find((name) => path.resolve(name) === path.resolve(file))!
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
  visit(key(entry))
  return { packages, loaded }
}

/**
 * Split into chunks beside serve.js (serve-chunk-*.js, serve-web-app-*.js), so what serve.ts imports
 * dynamically (the web app, where pages are served) is not loaded by a cluster primary.
 */
export async function bundleServer(outDir: string) {
  for (const file of readdirSync(outDir, { withFileTypes: true }))
    if (file.isFile() && /^serve-.*\.js$/.test(file.name)) rmSync(path.join(outDir, file.name))
  return build({
    entryPoints: { serve: 'scripts/serve.ts' },
    outdir: outDir,
    chunkNames: 'serve-[name]-[hash]',
    splitting: true,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    plugins: [externalPackages, sourceDirname(outDir)],
    logLevel: 'warning',
    metafile: true,
  })
}
