import { DomainError } from '../../app/domain/errors.server'

/** What a refused domain call said: its code, message key and field. Fails the test when the call succeeds. */
export async function refusal(work: Promise<unknown>) {
  try {
    await work
  } catch (e) {
    if (e instanceof DomainError) return { code: e.code, key: e.messageKey, field: e.field }
    throw e
  }
  throw new Error('expected a refusal')
}

/** The Response a guard throws. Fails the test when nothing is thrown. */
export async function thrown(work: () => Promise<unknown>) {
  try {
    await work()
  } catch (error) {
    return error as Response
  }
  throw new Error('expected a throw')
}
