import { Injectable } from '@nestjs/common';
import argon2 from 'argon2';

/** OWASP's recommended argon2id settings: 19 MiB, 2 iterations, 1 lane. */
const OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/**
 * The password hash of a user who has not set a password yet (invited).
 * Not an argon2 hash, so no password ever verifies against it.
 */
export const NO_PASSWORD = '!no-password';

/** False for an invited user who has not set their password yet. */
export function hasPassword(hash: string): boolean {
  return hash !== NO_PASSWORD;
}

@Injectable()
export class PasswordService {
  /** Verified against when the email is unknown, so both failures cost the same time. */
  private readonly decoy = argon2.hash('decoy-password-that-matches-nothing', OPTIONS);

  hash(password: string): Promise<string> {
    return argon2.hash(password, OPTIONS);
  }

  async verify(hash: string | undefined, password: string): Promise<boolean> {
    // No password set: the same cost as a wrong one, so sign-in tells invited users apart from nobody.
    if (!hash || !hasPassword(hash)) {
      await argon2.verify(await this.decoy, password).catch(() => false);
      return false;
    }
    return argon2.verify(hash, password).catch(() => false);
  }
}
