import QRCode from 'qrcode'
import { trustedOrigin } from '../mail/link-origin.server'

export const SHARE_IMAGE_PATH = '/share-card.png'

export type SharePanel = { url: string; imageUrl: string; qrSvg: string }

/** The page's absolute link (PUBLIC_URL when set) and its QR code, drawn here so no outside service sees who shares what. */
export async function sharePanel({ request, pathname }: { request: Request; pathname: string }): Promise<SharePanel> {
  // Unlike mail, a page is read on the host that served it (hostGuard has already refused untrusted ones).
  const origin = trustedOrigin(request.url) ?? new URL(request.url).origin
  const url = new URL(pathname, origin).toString()
  const qrSvg = await QRCode.toString(url, {
    type: 'svg',
    margin: 1,
    errorCorrectionLevel: 'M',
    color: { dark: '#0f172a', light: '#ffffff' },
  })
  return { url, imageUrl: new URL(SHARE_IMAGE_PATH, origin).toString(), qrSvg }
}
