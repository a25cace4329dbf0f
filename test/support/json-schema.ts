/**
 * Enough of JSON Schema 2020-12 to check the data API against its OpenAPI document: type (with type
 * arrays for null), enum, properties, required, items, $ref into components. Returns the errors found.
 */
type Schema = Record<string, unknown>

export function validate(value: unknown, schema: Schema, root: Schema, path = '$'): string[] {
  if (typeof schema.$ref === 'string') {
    const target = schema.$ref
      .replace(/^#\//, '')
      .split('/')
      .reduce<unknown>((node, key) => (node as Record<string, unknown>)?.[key], root)
    if (!target) return [`${path}: unresolved ${schema.$ref}`]
    return validate(value, target as Schema, root, path)
  }
  const errors: string[] = []
  if (Array.isArray(schema.enum) && !schema.enum.includes(value as never)) errors.push(`${path}: ${JSON.stringify(value)} not in enum`)
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string]
    const actual =
      value === null
        ? 'null'
        : Array.isArray(value)
          ? 'array'
          : typeof value === 'number'
            ? Number.isInteger(value)
              ? 'integer'
              : 'number'
            : typeof value
    const ok = types.some((t) => t === actual || (t === 'number' && actual === 'integer'))
    if (!ok) return [...errors, `${path}: expected ${types.join('|')}, got ${actual}`]
  }
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const object = value as Record<string, unknown>
    for (const key of (schema.required as string[] | undefined) ?? []) if (!(key in object)) errors.push(`${path}.${key}: required`)
    const properties = (schema.properties as Record<string, Schema> | undefined) ?? {}
    for (const [key, sub] of Object.entries(properties))
      if (key in object && object[key] !== undefined) errors.push(...validate(object[key], sub, root, `${path}.${key}`))
  }
  if (Array.isArray(value) && schema.items)
    value.forEach((item, i) => errors.push(...validate(item, schema.items as Schema, root, `${path}[${i}]`)))
  return errors
}
