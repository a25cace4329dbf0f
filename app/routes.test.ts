import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const ROUTES = path.join(import.meta.dirname, 'routes')
const pages = readdirSync(ROUTES)
  .filter((file) => /\.tsx$/.test(file) && !/\.(server|test)\./.test(file))
  .map((file) => ({ file, source: readFileSync(path.join(ROUTES, file), 'utf8') }))
  .filter(({ source }) => /^export default function/m.test(source))

describe('page routes', () => {
  it('are found', () => {
    expect(pages.length).toBeGreaterThan(20)
  })

  it.each(pages.map((p) => [p.file, p.source]))('%s exports the shared ErrorBoundary, so a refusal keeps the site header', (_, source) => {
    // GovErrorBoundary (components/gov/gov-error.tsx) names the refused period or area and falls back to RouteErrorBoundary.
    expect(source).toMatch(/^export const ErrorBoundary = (RouteErrorBoundary|GovErrorBoundary)$/m)
  })
})
