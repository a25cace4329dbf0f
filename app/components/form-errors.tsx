import { useT } from '~/lib/i18n'
import { translateMessage } from '~/lib/i18n/form-messages'
import { Notice } from './notice'

/** Errors about the whole form (wrong password, rate limit …), above the fields. */
export function FormErrors({ errors }: { errors?: string[] | null }) {
  const { lang } = useT()
  if (!errors?.length) return null
  return (
    <Notice tone="error">
      {errors.map((e) => (
        <p key={e}>{translateMessage(lang, e)}</p>
      ))}
    </Notice>
  )
}
