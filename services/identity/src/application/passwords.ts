import { hash, verify, type Algorithm } from '@node-rs/argon2'

// Algorithm is a const enum, which isolated modules cannot read: 2 is Argon2id.
const ARGON2ID = 2 as Algorithm
// OWASP's minimum for argon2id: 19 MiB, 2 passes, 1 lane (also the library's defaults), said explicitly.
const PARAMS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 }

/** Hashes a password with argon2id (PHC string with its own salt and parameters). */
export function hashPassword(password: string): Promise<string> {
  return hash(password, PARAMS)
}

let dummy: Promise<string> | undefined

/** The hash unknown e-mails are checked against; made once (at start, so the first sign-in is not slower). */
export const dummyHash = (): Promise<string> => (dummy ??= hashPassword('dummy password never matches anything'))

/**
 * Checks a password against a stored hash. Without a hash (no such account) it still verifies against
 * a dummy one, so that an unknown e-mail takes as long to refuse as a wrong password.
 */
export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  const target = stored ?? (await dummyHash())
  const ok = await verify(target, password).catch(() => false)
  return ok && stored !== null
}
