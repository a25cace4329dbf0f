import { translate, type MessageKey, type MessageVars } from '~/lib/i18n'

type MailKind = 'reset' | 'confirm' | 'registerExisting' | 'invite' | 'verified' | 'rejected' | 'alertConfirm' | 'alertDigest'

/**
 * A mail's subject and text from the mail catalogue, Chinese first and English below: the
 * platform does not know which language a recipient reads, and Chinese is its first language.
 * Variables given per language (a role's name) are picked for each half.
 */
export function bilingualMail(kind: MailKind, vars: MessageVars, perLanguage: { zh?: MessageVars; en?: MessageVars } = {}) {
  const zhVars = { ...vars, ...perLanguage.zh }
  const enVars = { ...vars, ...perLanguage.en }
  const subjectKey = `mail.${kind}.subject` as MessageKey
  const textKey = `mail.${kind}.text` as MessageKey
  return {
    subject: `${translate('zh-CN', 'mail.brand')}${translate('zh-CN', subjectKey, zhVars)} / ${translate('en', subjectKey, enVars)}`,
    text: `${translate('zh-CN', textKey, zhVars)}\n\n${translate('zh-CN', 'mail.separator')}\n\n${translate('en', textKey, enVars)}`,
  }
}
