import { defineConfig } from 'vitest/config'
import tsconfigPaths from 'vite-tsconfig-paths'

// `npm run test:faults`: the fault drills. Each file has its own database and index prefix like an
// integration test, and some start production servers, so they run one at a time.
export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    name: 'faults',
    include: ['test/faults/**/*.test.ts'],
    globalSetup: ['test/setup/global-setup.ts', 'test/faults/support/build.ts'],
    setupFiles: ['test/setup/integration.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
})
