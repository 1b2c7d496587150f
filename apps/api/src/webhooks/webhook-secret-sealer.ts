import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { openSecret, sealSecret } from '../common/crypto/sealed-secret';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { WebhooksRepository } from './webhooks.repository';

/**
 * Encrypts, at start, the webhook secrets stored before encryption at rest
 * (migration 1765324800000 marked them `plain:`). A migration cannot: the
 * key is the application's, not the database's. Until this has run, the
 * sender reads the marked ones as they are, so deliveries never wait for it;
 * several processes starting together each seal a secret at most once.
 */
@Injectable()
export class WebhookSecretSealer implements OnApplicationBootstrap {
  private readonly logger = new Logger(WebhookSecretSealer.name);

  constructor(
    private readonly webhooks: WebhooksRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const plain = await this.webhooks.plainSecrets();
    for (const { id, secret } of plain) {
      await this.webhooks.replaceSecret(
        id,
        secret,
        sealSecret(openSecret(secret, this.config.dataKey), this.config.dataKey),
      );
    }
    if (plain.length > 0) this.logger.log(`Encrypted ${plain.length} webhook secrets stored in the clear`);
  }
}
