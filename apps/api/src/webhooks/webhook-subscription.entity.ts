import { Check, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { WebhookEventType } from '@tradecounter/contracts';

/** An integration's endpoint and the events it wants, signed with its secret. */
@Entity({ name: 'webhook_subscriptions' })
@Check('webhook_subscriptions_secret_sealed_check', `secret LIKE 'v1:%' OR secret LIKE 'plain:%'`)
export class WebhookSubscriptionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  url: string;

  @Column({ type: 'text', array: true })
  events: WebhookEventType[];

  /**
   * Encrypted with DATA_KEY (`v1:…`, common/crypto/sealed-secret.ts), or
   * `plain:…` from before that until the API seals it at start. It must sign
   * every delivery, so it is kept readable to the API; never shown again
   * after creation, except masked.
   */
  @Column({ type: 'text' })
  secret: string;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
