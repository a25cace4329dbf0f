import QRCode from 'qrcode'
import { publicUrl } from '../mail/mail.server'

export const SHARE_IMAGE_PATH = '/share-card.png'

export type SharePanel = { url: string; imageUrl: string; qrSvg: string }

/** The page's absolute link (PUBLIC_URL when set) and its QR code, drawn here so no outside service sees who shares what. */
export async function sharePanel({ request, pathname }: { request: Request; pathname: string }): Promise<SharePanel> {
  const url = publicUrl(request, pathname)
  const qrSvg = await QRCode.toString(url, {
    type: 'svg',
    margin: 1,
    errorCorrectionLevel: 'M',
    color: { dark: '#0f172a', light: '#ffffff' },
  })
  return { url, imageUrl: publicUrl(request, SHARE_IMAGE_PATH), qrSvg }
}
