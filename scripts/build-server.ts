import { readFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import path from 'node:path'
import { build, type Plugin } from 'esbuild'
import { precompressAssets } from './lib/precompressed'

/**
 * The production server script compiled to build/serve.js, so `npm start` runs plain node, not tsx.
 * Packages stay external (node_modules); the app's own modules are bundled. `import.meta.dirname`
 * is rewritten to the source file's folder relative to build/, so db/migrations is still found.
 */
const OUT_DIR = path.resolve('build')

const sourceDirname: Plugin = {
  name: 'source-dirname',
  setup(b) {
    b.onLoad({ filter: /\.tsx?$/ }, async (args) => {
      const code = await readFile(args.path, 'utf8')
      if (!code.includes('import.meta.dirname')) return undefined
      const relative = path.relative(OUT_DIR, path.dirname(args.path))
      return {
        contents: code.replaceAll('import.meta.dirname', `path.join(import.meta.dirname, ${JSON.stringify(relative)})`),
        loader: 'ts',
      }
    })
  },
}

/**
 * Packages stay external. A deep import of a package without an `exports` map (`@node-rs/jieba/dict`)
 * works in a bundler but not in Node's ESM loader, which wants the file's extension: add it.
 */
const externalPackages: Plugin = {
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

await build({
  entryPoints: ['scripts/serve.ts'],
  outfile: path.join(OUT_DIR, 'serve.js'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  plugins: [externalPackages, sourceDirname],
  logLevel: 'warning',
})
console.log('build/serve.js')
console.log(`build/client/assets: ${precompressAssets(path.resolve('build/client/assets'))} files precompressed (brotli, gzip)`)
