import { afterEach, describe, expect, it, vi } from 'vitest'
import { getDatabaseHandle } from '../../app/db.server'
import { sharePanel } from '../../app/domain/share/share.server'
import { loader as listingLoader } from '../../app/routes/listings.$id'
import { createListing, createOrganisation } from '../factories'

afterEach(() => vi.restoreAllMocks())

/**
 * Queries the app's database client starts while `run` runs (each select, insert, update or execute is
 * one round trip), leaving out the search fallback's: tests run without Meilisearch, so similar
 * listings come from Postgres here and from the engine in production.
 */
async function queriesDuring(run: () => Promise<unknown>) {
  const real = getDatabaseHandle().db
  const stacks: string[] = []
  for (const method of ['select', 'insert', 'update', 'execute'] as const) {
    const original = real[method].bind(real) as (...args: unknown[]) => unknown
    vi.spyOn(real, method).mockImplementation(((...args: unknown[]) => {
      stacks.push(new Error().stack ?? '')
      return original(...args)
    }) as never)
  }
  await run()
  return stacks.filter((stack) => !stack.includes('search/postgres-search')).length
}

/**
 * The listing page is the one most readers open, signed out (issue 15: 222 req/s against a target of
 * 300). It fetched the listing twice (once more to check the attachments are visible) and looked up
 * the owner to learn that a reader outside it sees no version history.
 */
describe('listing page round trips', () => {
  it('a signed-out reader costs two queries: the listing and its attachments', async () => {
    const org = await createOrganisation()
    const listing = await createListing(org.id)
    const request = () =>
      listingLoader({
        request: new Request(`http://jcj.test/listings/${listing.id}`, { headers: { 'User-Agent': 'curl/8' } }),
        params: { id: String(listing.id) },
        context: {},
      } as never)
    await request() // the first view of a process may warm caches; count a later one
    expect(await queriesDuring(request)).toBe(2)
  })

  it('draws a link’s QR code once and gives the same code again', async () => {
    const request = new Request('http://jcj.test/listings/1')
    const first = await sharePanel({ request, pathname: '/listings/987654' })
    const QRCode = (await import('qrcode')).default
    const draw = vi.spyOn(QRCode, 'toString')
    const again = await sharePanel({ request, pathname: '/listings/987654' })
    expect(again.qrSvg).toBe(first.qrSvg)
    expect(draw).not.toHaveBeenCalled()
    await sharePanel({ request, pathname: '/listings/987655' })
    expect(draw).toHaveBeenCalledTimes(1)
  })
})
