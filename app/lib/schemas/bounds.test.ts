import { describe, expect, it } from 'vitest'
import { z } from 'zod'

/** Every schema module in this folder, as the app imports it. */
const modules = import.meta.glob<Record<string, unknown>>(['./*.ts', '!./*.test.ts'], { eager: true })

/**
 * Exports that take `unknown` and check it themselves: each names the export whose fields it checks,
 * which this test walks instead.
 */
const CHECKED_THROUGH: Record<string, string> = {
  'listing.ts:ListingSchema': 'listing.ts:COMMON_FIELDS and listing.ts:DETAILS_SCHEMAS',
  'listing.ts:ListingDraftSchema': 'the same fields, blank ones skipped',
  'ids.ts:idField': 'digits only, at most 10 (parseFormId)',
}

/** The paths of string fields without a maximum length, and of places the walk cannot see into. */
function unbounded(schema: z.ZodTypeAny, path: string, found: string[], seen = new Set<z.ZodTypeAny>()) {
  if (seen.has(schema)) return found
  seen.add(schema)
  const walk = (inner: z.ZodTypeAny, at = path) => unbounded(inner, at, found, seen)
  if (schema instanceof z.ZodString) {
    if (schema.maxLength === null) found.push(path)
  } else if (schema instanceof z.ZodObject) {
    for (const [key, field] of Object.entries(schema.shape as Record<string, z.ZodTypeAny>)) walk(field, `${path}.${key}`)
  } else if (schema instanceof z.ZodArray) walk(schema.element, `${path}[]`)
  else if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable) walk(schema.unwrap())
  else if (schema instanceof z.ZodDefault) walk(schema.removeDefault())
  else if (schema instanceof z.ZodCatch) walk(schema.removeCatch())
  else if (schema instanceof z.ZodEffects) walk(schema.innerType())
  else if (schema instanceof z.ZodPipeline) {
    walk(schema._def.in as z.ZodTypeAny)
    walk(schema._def.out as z.ZodTypeAny)
  } else if (schema instanceof z.ZodUnion || schema instanceof z.ZodDiscriminatedUnion)
    (schema.options as z.ZodTypeAny[]).forEach((option, i) => walk(option, `${path}|${i}`))
  else if (schema instanceof z.ZodIntersection) {
    walk(schema._def.left as z.ZodTypeAny)
    walk(schema._def.right as z.ZodTypeAny)
  } else if (schema instanceof z.ZodRecord) {
    walk(schema.keySchema, `${path}{key}`)
    walk(schema.valueSchema, `${path}{}`)
  } else if (schema instanceof z.ZodUnknown || schema instanceof z.ZodAny || schema instanceof z.ZodLazy) found.push(`${path} (opaque)`)
  return found
}

/** Every exported schema, also those inside exported objects of schemas (DETAILS_SCHEMAS, COMMON_FIELDS). */
function exportedSchemas() {
  const schemas: [string, z.ZodTypeAny][] = []
  for (const [file, exports] of Object.entries(modules))
    for (const [name, value] of Object.entries(exports)) {
      const id = `${file.replace('./', '')}:${name}`
      if (value instanceof z.ZodType) schemas.push([id, value])
      else if (typeof value === 'function' && id in CHECKED_THROUGH) continue
      else if (value && typeof value === 'object')
        for (const [key, inner] of Object.entries(value)) if (inner instanceof z.ZodType) schemas.push([`${id}.${key}`, inner])
    }
  return schemas
}

describe('text bounds', () => {
  it('finds an unbounded string wherever it hides', () => {
    const sneaky = z.object({
      a: z.string().max(5),
      b: z.string().trim().optional(),
      c: z.array(z.union([z.number(), z.string()])),
      d: z.preprocess((v) => v, z.string().default('')),
      e: z
        .string()
        .transform((v) => v.length)
        .pipe(z.number()),
    })
    expect(unbounded(sneaky, 'x', [])).toEqual(['x.b', 'x.c[]|1', 'x.d', 'x.e'])
  })

  it('walks the schemas of every module in app/lib/schemas', () => {
    const files = new Set(exportedSchemas().map(([id]) => id.split(':')[0]))
    expect([...files].sort()).toEqual(['alerts.ts', 'auth.ts', 'listing.ts', 'matches.ts', 'registration.ts'])
    expect(exportedSchemas().map(([id]) => id)).toEqual(
      expect.arrayContaining(['listing.ts:COMMON_FIELDS.title', 'listing.ts:DETAILS_SCHEMAS.tech_transfer']),
    )
  })

  it('gives every string field of every exported schema a maximum length', () => {
    const missing = exportedSchemas().flatMap(([id, schema]) => (id in CHECKED_THROUGH ? [] : unbounded(schema, id, [])))
    expect(missing).toEqual([])
  })
})
