import { Check, Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

export type SessionRevocationReason = 'logout' | 'reuse';

/**
 * A session (one sign-in and the family of refresh tokens rotated from it)
 * that has ended early: signed out, or a spent refresh token was presented
 * again. Its refresh tokens no longer rotate and its access tokens (claim
 * `sid`) are refused. Kept until every token of the session has expired.
 */
@Entity({ name: 'revoked_sessions' })
@Index('revoked_sessions_expires_idx', ['expiresAt'])
@Check('revoked_sessions_reason_check', `reason IN ('logout', 'reuse')`)
export class RevokedSessionEntity {
  @PrimaryColumn({ name: 'session_id', type: 'uuid' })
  sessionId: string;

  @Column({ type: 'text' })
  reason: SessionRevocationReason;

  @CreateDateColumn({ name: 'revoked_at', type: 'timestamptz' })
  revokedAt: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;
}
