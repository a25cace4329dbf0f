import majorsJson from './majors.json' with { type: 'json' }

export type MajorLevel = '本科' | '职业本科' | '专科' | '中职'
export type Major = { name: string; level: MajorLevel; catalogue: string; edition: string; code?: string }

/** Majors of the national catalogues the demo data uses, with their level (a name can exist at two levels). */
export const MAJORS = majorsJson.majors as Major[]

export const isMajorAt = (name: string, level: MajorLevel) => MAJORS.some((m) => m.name === name && m.level === level)
