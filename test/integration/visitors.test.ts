import { describe, expect, it } from 'vitest'
import { loader as listingLoader, meta as listingMeta } from '../../app/routes/listings.$id'
import { loader as orgLoader, meta as orgMeta } from '../../app/routes/orgs.$id'
import { loader as searchLoader } from '../../app/routes/search'
import { createListing, createOrganisation } from '../factories'
import { createUser, signIn, signInMember } from '../factories/accounts'
import { prepareSearch } from '../setup/search'

const call = async <T>(loader: (args: never) => Promise<T>, url: string, params: Record<string, string>, cookie?: string) => {
  const request = new Request(url, { headers: cookie ? { Cookie: cookie } : {} })
  try {
    return await loader({ request, params, context: {} } as never)
  } catch (thrown) {
    if (thrown instanceof Response) return thrown
    throw thrown
  }
}
const metaContent = (tags: unknown[], key: string) =>
  (tags as Record<string, string>[]).find((t) => t.property === key || t.name === key)?.content

describe('a listing page for visitors', () => {
  it('has a description, share-card tags with absolute links, and a QR code of its own link', async () => {
    const org = await createOrganisation()
    const listing = await createListing(org.id)
    const data = (await call(listingLoader, `http://jcj.test/listings/${listing.id}`, { id: String(listing.id) })) as Awaited<
      ReturnType<typeof listingLoader>
    >
    expect(data.share.url).toBe(`http://jcj.test/listings/${listing.id}`)
    expect(data.share.qrSvg).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/)
    const tags = listingMeta({ data, matches: [], params: {}, location: {} } as never) as unknown[]
    expect(metaContent(tags, 'description')).toContain('面向机电一体化技术')
    expect(metaContent(tags, 'og:title')).toContain(listing.title)
    expect(metaContent(tags, 'og:image')).toBe('http://jcj.test/share-card.png')
    expect(metaContent(tags, 'twitter:card')).toBe('summary_large_image')
  })

  it('shows a paused or closed listing, with the organisation’s other published listings, instead of a 404', async () => {
    const org = await createOrganisation()
    const paused = await createListing(org.id, { status: 'paused' })
    const closed = await createListing(org.id, { status: 'closed' })
    const other = await createListing(org.id)
    for (const ended of [paused, closed]) {
      const data = (await call(listingLoader, `http://jcj.test/listings/${ended.id}`, { id: String(ended.id) })) as Awaited<
        ReturnType<typeof listingLoader>
      >
      expect(data.listing.status).toBe(ended.status)
      expect(data.otherListings?.map((l) => l.id)).toEqual([other.id])
    }
    const live = (await call(listingLoader, `http://jcj.test/listings/${other.id}`, { id: String(other.id) })) as Awaited<
      ReturnType<typeof listingLoader>
    >
    expect(live.otherListings).toBeNull()
  })

  it('keeps drafts private: 404 for outsiders, shown to the owner', async () => {
    const org = await createOrganisation()
    const draft = await createListing(org.id, { status: 'draft', publishedAt: null })
    const outsider = await call(listingLoader, `http://jcj.test/listings/${draft.id}`, { id: String(draft.id) })
    expect(outsider).toBeInstanceOf(Response)
    expect((outsider as Response).status).toBe(404)
    const { cookie } = await signInMember(org.id, 'member')
    const owner = (await call(listingLoader, `http://jcj.test/listings/${draft.id}`, { id: String(draft.id) }, cookie)) as Awaited<
      ReturnType<typeof listingLoader>
    >
    expect(owner.listing.id).toBe(draft.id)
  })
})

describe('an organisation page for visitors', () => {
  it('has share-card tags and a share block, and shows contacts to signed-in users only', async () => {
    const org = await createOrganisation({ contactName: '王老师', contactPhone: '0351-6012345', contactEmail: 'hr@example.cn' })
    const anonymous = (await call(orgLoader, `http://jcj.test/orgs/${org.id}`, { id: String(org.id) })) as Awaited<
      ReturnType<typeof orgLoader>
    >
    expect(anonymous.share.url).toBe(`http://jcj.test/orgs/${org.id}`)
    expect(anonymous.org.contactPhone).toBeNull()
    const tags = orgMeta({ data: anonymous, matches: [], params: {}, location: {} } as never) as unknown[]
    expect(metaContent(tags, 'description')).toContain('综采液压支架')
    expect(metaContent(tags, 'og:title')).toContain(org.name)
    const user = await createUser()
    const { cookie } = await signIn(user.id)
    const signedIn = (await call(orgLoader, `http://jcj.test/orgs/${org.id}`, { id: String(org.id) }, cookie)) as Awaited<
      ReturnType<typeof orgLoader>
    >
    expect(signedIn.org).toMatchObject({ contactPhone: '0351-6012345', contactEmail: 'hr@example.cn' })
  })
})

describe('search query intent', () => {
  it('offers "only internships" and "only Taiyuan" for 机电一体化 实习 太原, each one click away', async () => {
    await prepareSearch()
    const data = (await call(searchLoader, 'http://jcj.test/search?q=机电一体化+实习+太原', {})) as Awaited<ReturnType<typeof searchLoader>>
    const hrefs = data.intents.map((i) => decodeURIComponent(i.href))
    expect(hrefs).toContain('/search?q=机电一体化+太原&type=internship')
    expect(data.intents.map((i) => `${i.param}:${i.code}`)).toEqual(['type:internship', 'city:taiyuan'])
    const narrowed = (await call(searchLoader, 'http://jcj.test/search?q=实习&type=internship', {})) as Awaited<
      ReturnType<typeof searchLoader>
    >
    expect(narrowed.intents).toEqual([])
  })
})
