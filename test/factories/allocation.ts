import { createListing, createOrganisation, type OrganisationOverrides } from './index'

const mechatronics = (headcount: number) => ({ majors: ['机电一体化技术'], headcount })

/**
 * The allocation tests' market: a Taiyuan post with 3 mechatronics places, a Datong one with 5, and the
 * college's published need for 4 in Taiyuan over spring 2027 (what an official's run picks up).
 */
export async function createAllocationMarket(
  collegeId: number,
  enterprises: { taiyuan: OrganisationOverrides; datong: OrganisationOverrides },
) {
  const ty = await createOrganisation({ ...enterprises.taiyuan, cityCode: 'taiyuan' })
  const dt = await createOrganisation({ ...enterprises.datong, cityCode: 'datong' })
  const taiyuanPost = await createListing(ty.id, { cityCode: 'taiyuan', capacity: 3, details: mechatronics(3) })
  const datongPost = await createListing(dt.id, { cityCode: 'datong', capacity: 5, details: mechatronics(5) })
  await createListing(collegeId, {
    direction: 'need',
    cityCode: 'taiyuan',
    capacity: 4,
    details: mechatronics(4),
    startsOn: '2027-03-01',
    endsOn: '2027-06-30',
  })
  return { ty, dt, taiyuanPost, datongPost }
}
