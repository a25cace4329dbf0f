import { Notice } from './notice'

/** Errors about the whole form (wrong password, rate limit …), above the fields. */
export function FormErrors({ errors }: { errors?: string[] | null }) {
  if (!errors?.length) return null
  return (
    <Notice tone="error">
      {errors.map((e) => (
        <p key={e}>{e}</p>
      ))}
    </Notice>
  )
}
