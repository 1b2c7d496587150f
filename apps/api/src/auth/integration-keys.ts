import { Injectable } from '@nestjs/common';
import type { ChannelBinding } from '@tradecounter/domain';

/** An integration let in by its key: its channel name and the accounts it may act for. */
export interface IntegrationCaller {
  name: string;
  binding: ChannelBinding;
  /** May upsert the admin's data through /api/sync, acting for `ownerId` (the admin who created it). */
  dataSync: boolean;
  ownerId: string | null;
}

/** Checks an integration's API key: who it is, or a 401 ProblemException. */
export type IntegrationKeyCheck = (key: string) => Promise<IntegrationCaller>;

/**
 * Lets the auth guard accept integrations' keys on routes marked
 * @IntegrationsToo without the auth context knowing about channels: the
 * channels module registers its check at start-up. Handlers of such routes
 * must keep the integration to the accounts of its binding.
 */
@Injectable()
export class IntegrationKeys {
  private check: IntegrationKeyCheck | undefined;

  provide(check: IntegrationKeyCheck): void {
    this.check = check;
  }

  authenticate(key: string): Promise<IntegrationCaller> {
    if (!this.check) throw new Error('No integration key check was provided');
    return this.check(key);
  }
}
