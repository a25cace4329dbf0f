import QRCode from 'qrcode'
import { trustedOrigin } from '../mail/link-origin.server'

export const SHARE_IMAGE_PATH = '/share-card.png'

export type SharePanel = { url: string; imageUrl: string; qrSvg: string }

/** The page's absolute link (PUBLIC_URL when set) and its QR code, drawn here so no outside service sees who shares what. */
export async function sharePanel({ request, pathname }: { request: Request; pathname: string }): Promise<SharePanel> {
  // Unlike mail, a page is read on the host that served it (hostGuard has already refused untrusted ones).
  const origin = trustedOrigin(request.url) ?? new URL(request.url).origin
  const url = new URL(pathname, origin).toString()
  return { url, imageUrl: new URL(SHARE_IMAGE_PATH, origin).toString(), qrSvg: await qrCodeOf(url) }
}

// Drawing a QR code was 4.5% of a listing page's server CPU under load; the same link always gives the same code.
const QR_CACHE_SIZE = 2_000
const qrCodes = new Map<string, Promise<string>>()

function qrCodeOf(url: string) {
  let svg = qrCodes.get(url)
  if (svg) {
    qrCodes.delete(url) // re-inserted below: the Map's order is least recently used first
  } else {
    svg = QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M', color: { dark: '#0f172a', light: '#ffffff' } })
    svg.catch(() => qrCodes.delete(url))
  }
  qrCodes.set(url, svg)
  if (qrCodes.size > QR_CACHE_SIZE) qrCodes.delete(qrCodes.keys().next().value!)
  return svg
}
