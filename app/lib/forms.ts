import { getInputProps, getSelectProps, type FieldMetadata } from '@conform-to/react'

/** Conform's props for a field, without `key` (React refuses a spread key) and with its errors. */
export function fieldProps<T>(field: FieldMetadata<T>, type: Parameters<typeof getInputProps>[1]['type'] = 'text') {
  const { key: _key, ...props } = getInputProps(field as FieldMetadata<unknown>, { type, ariaAttributes: true })
  return { ...props, id: field.id, errors: field.errors }
}

export function selectProps<T>(field: FieldMetadata<T>) {
  const { key: _key, ...props } = getSelectProps(field as FieldMetadata<unknown>)
  return { ...props, id: field.id, errors: field.errors }
}

/** What a checkbox group was last submitted with, for re-rendering after an error. */
export function selectedValues(field: { initialValue?: unknown; value?: unknown }): string[] {
  const value = field.value ?? field.initialValue
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string')
  return typeof value === 'string' ? [value] : []
}
