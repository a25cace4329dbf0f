import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { precompressAssets } from './lib/precompressed'
import { bundleServer } from './lib/server-bundle'

/** The production server script (build/serve.js and its chunks), then the precompressed client assets. */
const OUT_DIR = path.resolve('build')
mkdirSync(OUT_DIR, { recursive: true })
await bundleServer(OUT_DIR)
console.log('build/serve.js')
console.log(`build/client/assets: ${precompressAssets(path.resolve('build/client/assets'))} files precompressed (brotli, gzip)`)
