/** A `tel:` link keeps digits and a leading +; extensions and labels people type beside the number are dropped. */
export function telHref(phone: string | null | undefined) {
  if (!phone) return null
  const main = phone.split(/[,，;；/、]|转|ext/i)[0] ?? ''
  const digits = main.replace(/[^\d+]/g, '').replace(/(?!^)\+/g, '')
  return digits.replace(/\D/g, '').length >= 5 ? `tel:${digits}` : null
}

export function mailtoHref(email: string | null | undefined) {
  if (!email) return null
  const address = email.trim()
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(address) ? `mailto:${address}` : null
}
