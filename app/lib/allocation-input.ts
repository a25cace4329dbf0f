import { z } from 'zod'
import { taxonomy } from '../../db/reference'

/**
 * What an allocation runner types: one demand line per request ("机电一体化技术, 12, 晋中市,
 * 煤机智能制造装备, #123") and one cap line per region ("晋北城镇圈, 至少, 10"). Parsed the same way
 * in the browser and on the server; problems carry a message key and the line number.
 */
export type RequestLine = { line: number; major: string; headcount: number; cities: string[]; clusters: string[]; listingIds: number[] }
export type CapLine = { line: number; region: string; max?: number; min?: number }
export type InputProblem = { key: string; vars: Record<string, string | number> }

const SEPARATORS = /[,，、;；\t]+/
const cityCodeByName = new Map(
  taxonomy.regions.cities.flatMap((c) => [
    [c.name, c.code],
    [c.name.replace(/市$/, ''), c.code],
    [c.en.toLowerCase(), c.code],
    [c.code, c.code],
  ]),
)
const clusterCodeByName = new Map(
  taxonomy.clusters.flatMap((c) => [
    [c.name, c.code],
    [c.short, c.code],
    [c.en.toLowerCase(), c.code],
    [c.code, c.code],
  ]),
)
const regionCodeByName = new Map(
  taxonomy.regions.groups.flatMap((g) => [
    [g.name, g.code],
    [g.older_name, g.code],
    [g.en.toLowerCase(), g.code],
    [g.code, g.code],
  ]),
)
const AT_MOST = new Set(['至多', '最多', '上限', '不超过', 'max', 'at most']) // cjk-ok: words a runner types in a cap line
const AT_LEAST = new Set(['至少', '最少', '下限', '不少于', 'min', 'at least']) // cjk-ok: words a runner types in a cap line

const linesOf = (text: string) =>
  text
    .split(/\r?\n/)
    .map((raw, i) => ({ raw: raw.trim(), line: i + 1 }))
    .filter((l) => l.raw)

export function parseRequestLines(text: string): { requests: RequestLine[]; problems: InputProblem[] } {
  const requests: RequestLine[] = []
  const problems: InputProblem[] = []
  for (const { raw, line } of linesOf(text)) {
    const [major, count, ...prefs] = raw.split(SEPARATORS).map((s) => s.trim())
    if (!major || count === undefined) {
      problems.push({ key: 'allocation.error.requestLine', vars: { line } })
      continue
    }
    const headcount = Number(count)
    if (!Number.isInteger(headcount) || headcount < 1 || headcount > 2000) {
      problems.push({ key: 'allocation.error.headcount', vars: { line } })
      continue
    }
    const request: RequestLine = { line, major, headcount, cities: [], clusters: [], listingIds: [] }
    for (const pref of prefs.filter(Boolean)) {
      const id = /^#(\d{1,9})$/.exec(pref)?.[1]
      const key = pref.toLowerCase()
      if (id) request.listingIds.push(Number(id))
      else if (cityCodeByName.has(key) || cityCodeByName.has(pref))
        request.cities.push(cityCodeByName.get(pref) ?? cityCodeByName.get(key)!)
      else if (clusterCodeByName.has(key) || clusterCodeByName.has(pref))
        request.clusters.push(clusterCodeByName.get(pref) ?? clusterCodeByName.get(key)!)
      else problems.push({ key: 'allocation.error.unknownPreference', vars: { line, value: pref } })
    }
    requests.push(request)
  }
  return { requests, problems }
}

export function parseCapLines(text: string): { caps: CapLine[]; problems: InputProblem[] } {
  const caps = new Map<string, CapLine>()
  const problems: InputProblem[] = []
  for (const { raw, line } of linesOf(text)) {
    const [name, bound, count] = raw.split(SEPARATORS).map((s) => s.trim())
    const region = regionCodeByName.get(name ?? '') ?? regionCodeByName.get((name ?? '').toLowerCase())
    const n = Number(count)
    const kind = AT_MOST.has((bound ?? '').toLowerCase()) ? 'max' : AT_LEAST.has((bound ?? '').toLowerCase()) ? 'min' : null
    if (!region || !kind || !Number.isInteger(n) || n < 0) {
      problems.push({ key: 'allocation.error.capLine', vars: { line } })
      continue
    }
    caps.set(region, { ...(caps.get(region) ?? { line, region }), [kind]: n })
  }
  return { caps: [...caps.values()], problems }
}

/** The allocation form as submitted; the domain checks what the values mean. */
export const AllocationFormSchema = z.object({
  periodStart: z.string().trim().optional().default(''),
  periodEnd: z.string().trim().optional().default(''),
  requests: z.string().max(20_000).optional().default(''),
  caps: z.string().max(5_000).optional().default(''),
})
