import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { UserEntity } from './user.entity';

/**
 * A user's invitation to set their password: one per user (a newer one
 * replaces it), deleted when used. Written `pending` (no token yet) in the
 * transaction that creates the user; once that commits, the mailer gives it
 * a token, stores only the token's SHA-256 and e-mails the link.
 */
@Entity({ name: 'user_invitations' })
export class UserInvitationEntity {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<UserEntity>;

  /** SHA-256 (hex) of the token in the e-mailed link; null until it is sent. */
  @Column({ name: 'token_hash', type: 'text', nullable: true, unique: true })
  tokenHash: string | null;

  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true })
  expiresAt: Date | null;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @Column({ name: 'invited_by', type: 'uuid', nullable: true })
  invitedBy: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'invited_by' })
  inviter?: Relation<UserEntity>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
