import { taxonomy, type City } from '../../db/reference'

export type CityTile = { code: string; col: number; row: number }

/**
 * A tile cartogram of the 11 cities: each city's seat (taxonomy lat/lng) snapped to a grid, nearest free
 * cell on collision, north first. It claims no boundaries, so it is not a map needing approval.
 */
export function cityTiles(cities: City[] = taxonomy.regions.cities, cell = 0.55): CityTile[] {
  const west = Math.min(...cities.map((c) => c.lng))
  const north = Math.max(...cities.map((c) => c.lat))
  const taken = new Set<string>()
  const tiles: CityTile[] = []
  for (const city of [...cities].sort((a, b) => b.lat - a.lat)) {
    const x = (city.lng - west) / cell
    const y = (north - city.lat) / cell
    const options: [number, number][] = []
    for (let dc = -2; dc <= 2; dc++) for (let dr = -2; dr <= 2; dr++) options.push([Math.round(x) + dc, Math.round(y) + dr])
    options.sort((a, b) => Math.hypot(a[0] - x, a[1] - y) - Math.hypot(b[0] - x, b[1] - y))
    const [col, row] = options.find(([c, r]) => c >= 0 && r >= 0 && !taken.has(`${c},${r}`))!
    taken.add(`${col},${row}`)
    tiles.push({ code: city.code, col, row })
  }
  return tiles
}
