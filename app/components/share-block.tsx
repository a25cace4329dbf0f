import { useState } from 'react'
import { Button } from '~/components/button'
import { Card, CardTitle } from '~/components/card'
import { useT } from '~/lib/i18n'

/** The page's link to copy and a QR code to scan; the SVG is drawn on the server from our own URL. */
export function ShareBlock({ share }: { share: { url: string; qrSvg: string } }) {
  const t = useT()
  const [copied, setCopied] = useState(false)
  return (
    <Card>
      <CardTitle>{t('visitors.share.title')}</CardTitle>
      <p className="-mt-1 mb-3 text-xs text-slate-600">{t('visitors.share.hint')}</p>
      <div className="flex items-start gap-3">
        <div
          role="img"
          aria-label={t('visitors.share.qrLabel', { url: share.url })}
          data-testid="share-qr"
          className="w-28 shrink-0 [&>svg]:h-auto [&>svg]:w-full"
          dangerouslySetInnerHTML={{ __html: share.qrSvg }}
        />
        <div className="min-w-0 flex-1 space-y-2">
          <label htmlFor="share-link" className="block text-xs text-slate-600">
            {t('visitors.share.linkLabel')}
          </label>
          <input
            id="share-link"
            readOnly
            value={share.url}
            onFocus={(e) => e.currentTarget.select()}
            className="w-full rounded border border-slate-300 bg-slate-50 px-2 py-1.5 text-xs text-slate-800"
          />
          <Button
            type="button"
            variant="secondary"
            onClick={() => navigator.clipboard?.writeText(share.url).then(() => setCopied(true))}
            aria-live="polite"
          >
            {copied ? t('visitors.share.copied') : t('visitors.share.copy')}
          </Button>
        </div>
      </div>
    </Card>
  )
}
