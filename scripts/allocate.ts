import { DomainError } from '../app/domain/errors.server'
import { translate } from '../app/lib/i18n'
import { ALLOCATE_USAGE, allocateCommand, UsageError } from './lib/allocate-command'
import { fail, openMigratedDatabase } from './lib/boot'

// Usage: see ALLOCATE_USAGE (npm run allocate -- --help).
const argv = process.argv.slice(2)
if (argv.includes('--help') || !argv.length) {
  console.log(ALLOCATE_USAGE)
  process.exit(argv.length ? 0 : 1)
}
const { handle } = await openMigratedDatabase()
try {
  await allocateCommand({ argv })
} catch (error) {
  await handle.close()
  if (error instanceof UsageError) fail(`${error.message}\n${ALLOCATE_USAGE}`)
  if (error instanceof DomainError) {
    const lang = argv.includes('--lang=en') || (argv.includes('--lang') && argv[argv.indexOf('--lang') + 1] === 'en') ? 'en' : 'zh-CN'
    fail(translate(lang, error.messageKey, error.vars))
  }
  if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))
    fail(`${error.message}\n${ALLOCATE_USAGE}`)
  throw error
}
await handle.close()
