// The check-character algorithm (GB 32100-2015) is pure, so the browser and the seeder share it.
export { isValidCreditCode } from '../../db/reference'
