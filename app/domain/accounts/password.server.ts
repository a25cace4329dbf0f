import { hash, verify } from '@node-rs/argon2'

// OWASP's argon2id baseline: 19 MiB, 2 iterations, 1 lane.
const OPTIONS = { algorithm: 2 /* Algorithm.Argon2id (a const enum) */ as const, memoryCost: 19_456, timeCost: 2, parallelism: 1 }

export function hashPassword(password: string) {
  return hash(password, OPTIONS)
}

export async function verifyPassword(passwordHash: string | null, password: string) {
  if (!passwordHash) return false
  try {
    return await verify(passwordHash, password)
  } catch {
    return false
  }
}

/** Spent on unknown emails so a sign-in attempt takes as long whether or not the account exists. */
export const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$rNwKkl1wS/PRGsNxy8FQdA$2Q2RfJRQtsOdwNv+VBBN0ObmT/ykR/dKJlVyBQZyoQs'
