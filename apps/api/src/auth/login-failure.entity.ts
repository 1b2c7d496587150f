import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** What a failure counter is keyed by: one e-mail from one client, or one client across all e-mails. */
export type LoginFailureScope = 'email_client' | 'client';

/**
 * Failed sign-ins in PostgreSQL, so every API process of a deployment sees
 * the same counts. One row per counter, bumped by one upsert per failure;
 * rows idle longer than the counting window are pruned.
 */
@Entity({ name: 'login_failures' })
@Index('login_failures_last_failure_idx', ['lastFailureAt'])
@Check('login_failures_scope_check', `scope IN ('email_client', 'client')`)
export class LoginFailureEntity {
  @PrimaryColumn({ type: 'text' })
  scope: LoginFailureScope;

  /** `email client` for email_client, the client key alone for client. */
  @PrimaryColumn({ type: 'text' })
  subject: string;

  @Column({ type: 'integer' })
  failures: number;

  @Column({ name: 'last_failure_at', type: 'timestamptz' })
  lastFailureAt: Date;
}
