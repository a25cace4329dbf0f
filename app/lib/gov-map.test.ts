import { describe, expect, it } from 'vitest'
import { cityByCode } from '../../db/reference'
import { cityTiles } from './gov-map'

describe('city tile map', () => {
  it('gives each of the 11 cities its own tile, keeping north above south and west left of east', () => {
    const tiles = cityTiles()
    expect(tiles).toHaveLength(11)
    expect(new Set(tiles.map((t) => `${t.col},${t.row}`)).size).toBe(11)
    const at = (code: string) => tiles.find((t) => t.code === code)!
    expect(at('datong').row).toBeLessThan(at('taiyuan').row)
    expect(at('taiyuan').row).toBeLessThan(at('yuncheng').row)
    expect(at('lvliang').col).toBeLessThan(at('yangquan').col)
    for (const t of tiles) expect(cityByCode.has(t.code)).toBe(true)
  })
})
