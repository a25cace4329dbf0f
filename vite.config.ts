import { vitePlugin as remix } from '@remix-run/dev'
import tailwindcss from '@tailwindcss/vite'
import { defineConfig } from 'vite'
import tsconfigPaths from 'vite-tsconfig-paths'
import remixOptions from './remix.config.js'

export default defineConfig({
  plugins: [
    tailwindcss(),
    // The Remix plugin breaks Vitest, so it is only loaded outside tests.
    process.env.VITEST ? null : remix(remixOptions),
    tsconfigPaths(),
  ],
  ssr: { external: ['@electric-sql/pglite', 'postgres', 'meilisearch'] },
  // Static files the app serves as they are (the share card); kept inside app/ so the top level stays as agreed.
  publicDir: 'app/public',
  build: { target: 'es2022' },
})
