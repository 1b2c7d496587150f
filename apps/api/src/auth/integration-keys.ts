import { Injectable } from '@nestjs/common';

/** Checks an integration's API key: its name, or a 401 ProblemException. */
export type IntegrationKeyCheck = (key: string) => Promise<string>;

/**
 * Lets the auth guard accept integrations' keys on routes marked
 * @IntegrationsToo without the auth context knowing about channels: the
 * channels module registers its check at start-up.
 */
@Injectable()
export class IntegrationKeys {
  private check: IntegrationKeyCheck | undefined;

  provide(check: IntegrationKeyCheck): void {
    this.check = check;
  }

  authenticate(key: string): Promise<string> {
    if (!this.check) throw new Error('No integration key check was provided');
    return this.check(key);
  }
}
