import { hash, verify } from '@node-rs/argon2';

// argon2id (the library default) with OWASP's minimum cost; ~30 ms per hash on this hardware.
const options = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

let dummy: Promise<string> | undefined;

/**
 * Verifies against the stored hash — or against a dummy hash when there is no account, so a
 * missing account takes as long as a wrong password and timing cannot enumerate users.
 */
export async function verifyPassword(stored: string | null | undefined, password: string): Promise<boolean> {
  if (!stored) {
    dummy ??= hashPassword('not-a-real-password-just-for-timing');
    await verify(await dummy, password).catch(() => false);
    return false;
  }
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}
