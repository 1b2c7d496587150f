import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { UserInvitationEntity } from './invitation.entity';

/** An invitation given its token, with whom to e-mail it to. */
export interface IssuedInvitation {
  userId: string;
  email: string;
  name: string;
  expiresAt: Date;
}

@Injectable()
export class InvitationsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** A pending invitation for each user, replacing any earlier one (and so its link). */
  async replacePending(manager: EntityManager, userIds: string[], invitedBy: string | null): Promise<void> {
    if (userIds.length === 0) return;
    await manager.query(
      `INSERT INTO user_invitations (user_id, invited_by)
       SELECT unnest($1::uuid[]), $2::uuid
       ON CONFLICT (user_id) DO UPDATE
         SET token_hash = NULL, expires_at = NULL, sent_at = NULL,
             invited_by = EXCLUDED.invited_by, created_at = now()`,
      [userIds, invitedBy],
    );
  }

  /**
   * Gives the still-pending invitations of these (active) users their token
   * hashes, and answers whom to e-mail. An invitation another process sent
   * meanwhile, or one replaced by a newer one, is left alone.
   */
  async issue(tokens: Map<string, string>, expiresAt: Date): Promise<IssuedInvitation[]> {
    if (tokens.size === 0) return [];
    // UPDATE and DELETE answer [rows, count] through TypeORM's query().
    const [rows]: [{ user_id: string; email: string; name: string }[], number] = await this.dataSource.query(
      `UPDATE user_invitations i
          SET token_hash = v.hash, expires_at = $3, sent_at = now()
         FROM unnest($1::uuid[], $2::text[]) AS v(user_id, hash), users u
        WHERE i.user_id = v.user_id AND i.token_hash IS NULL AND u.id = i.user_id AND u.active
       RETURNING i.user_id, u.email, u.name`,
      [[...tokens.keys()], [...tokens.values()], expiresAt],
    );
    return rows.map((row) => ({ userId: row.user_id, email: row.email, name: row.name, expiresAt }));
  }

  /** Makes a sent invitation pending again (its e-mail failed), unless a newer one replaced it. */
  async unsend(userId: string, tokenHash: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE user_invitations SET token_hash = NULL, expires_at = NULL, sent_at = NULL
        WHERE user_id = $1 AND token_hash = $2`,
      [userId, tokenHash],
    );
  }

  /** Uses up the unexpired invitation with this token hash: the user's id, or null. */
  async consume(manager: EntityManager, tokenHash: string): Promise<string | null> {
    const [rows]: [{ user_id: string }[], number] = await manager.query(
      `DELETE FROM user_invitations WHERE token_hash = $1 AND expires_at > now() RETURNING user_id`,
      [tokenHash],
    );
    return rows[0]?.user_id ?? null;
  }

  findForUser(userId: string): Promise<UserInvitationEntity | null> {
    return this.dataSource.getRepository(UserInvitationEntity).findOneBy({ userId });
  }

  async deleteForUser(manager: EntityManager, userId: string): Promise<void> {
    await manager.getRepository(UserInvitationEntity).delete({ userId });
  }
}
