import { HttpStatus, Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { ChangeNotices } from '../common/change-notices';
import { conflict, ProblemException } from '../common/http/problem';
import { afterCommit } from '../database/after-commit';
import { NotificationMailer } from '../notifications/notification-mailer';
import { InvitationsRepository, type IssuedInvitation } from './invitations.repository';
import { hasPassword, PasswordService } from './password.service';
import { UserEntity } from './user.entity';

/** How long a set-password link works. */
export const INVITATION_TTL_DAYS = 7;
/** A resend waits this long after the last invitation, so a double click or a loop mails no one twice. */
export const RESEND_INTERVAL_SECONDS = 60;

const INVALID_LINK =
  'This link to set a password is not valid: it has expired, was already used, or a newer invitation replaced it. Ask for a new invitation.';

export function hashInvitationToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Invited users: a user created without a password gets a single-use link
 * by e-mail to set one. The link's token is 32 random bytes; only its
 * SHA-256 is stored. The invitation is written in the creating transaction
 * and mailed only after it commits (an import's rolled-back users are never
 * e-mailed); an invitation whose e-mail could not go stays pending for a resend.
 */
@Injectable()
export class InvitationsService {
  constructor(
    private readonly invitations: InvitationsRepository,
    private readonly mailer: NotificationMailer,
    private readonly passwords: PasswordService,
    private readonly audit: AuditService,
    private readonly dataSource: DataSource,
    private readonly changes: ChangeNotices,
  ) {}

  /** Invites these users within `manager`'s transaction; the e-mails go once it commits. */
  async invite(manager: EntityManager, userIds: string[], invitedBy: string | null): Promise<void> {
    if (userIds.length === 0) return;
    await this.invitations.replacePending(manager, userIds, invitedBy);
    afterCommit(manager, () => this.send(userIds));
  }

  /** Invites a user again (a lost or expired link): the earlier link stops working. */
  async resend(actor: AuthUser, user: UserEntity): Promise<void> {
    if (!user.active) throw conflict('This user is inactive: activate them before inviting them');
    if (hasPassword(user.passwordHash)) throw conflict('This user has already set a password');
    const last = await this.invitations.findForUser(user.id);
    const wait = last
      ? RESEND_INTERVAL_SECONDS - Math.floor((Date.now() - last.createdAt.getTime()) / 1000)
      : 0;
    if (wait > 0) {
      throw new ProblemException(
        HttpStatus.TOO_MANY_REQUESTS,
        `An invitation was just sent. Try again in ${wait} second${wait === 1 ? '' : 's'}.`,
        undefined,
        { 'Retry-After': String(wait) },
      );
    }
    await this.dataSource.transaction(async (tx) => {
      await this.invite(tx, [user.id], actor.id);
      await this.audit.record(tx, {
        actorId: actor.id,
        entity: 'user',
        entityId: user.id,
        accountId: user.accountId,
        action: 'update',
        before: { invitedAt: last?.createdAt.toISOString() ?? null },
        after: { invitedAt: new Date().toISOString() },
      });
    });
  }

  /**
   * Sets the password of the invitation's user and uses the invitation up,
   * in one transaction: a link works once. The user must still be active.
   */
  async redeem(token: string, password: string): Promise<UserEntity> {
    return this.dataSource.transaction(async (tx) => {
      const userId = await this.invitations.consume(tx, hashInvitationToken(token));
      const user = userId
        ? await tx
            .getRepository(UserEntity)
            .findOne({ where: { id: userId }, lock: { mode: 'pessimistic_write' } })
        : null;
      if (!user || !user.active)
        throw new ProblemException(HttpStatus.BAD_REQUEST, INVALID_LINK, [
          { field: 'token', message: 'has expired, was already used, or was replaced' },
        ]);
      const hadPassword = hasPassword(user.passwordHash);
      user.passwordHash = await this.passwords.hash(password);
      user.tokenVersion += 1;
      const saved = await tx.getRepository(UserEntity).save(user);
      await this.changes.changed(tx, 'user', user.id);
      await this.audit.record(tx, {
        actorId: user.id,
        entity: 'user',
        entityId: user.id,
        accountId: user.accountId,
        action: 'update',
        before: { passwordSet: hadPassword },
        after: { passwordSet: true, passwordChanged: true },
      });
      return saved;
    });
  }

  /** A password set another way (staff, or the user) makes any pending link pointless. */
  async withdraw(manager: EntityManager, userId: string): Promise<void> {
    await this.invitations.deleteForUser(manager, userId);
  }

  /** Gives the pending invitations tokens and e-mails the links; without mail they stay pending. */
  private async send(userIds: string[]): Promise<void> {
    if (!this.mailer.enabled) return;
    const tokens = new Map(userIds.map((id) => [id, randomBytes(32).toString('base64url')]));
    const hashes = new Map([...tokens].map(([id, token]) => [id, hashInvitationToken(token)]));
    const expiresAt = new Date(Date.now() + INVITATION_TTL_DAYS * 86_400_000);
    const issued = await this.invitations.issue(hashes, expiresAt);
    for (const invitation of issued) {
      const token = tokens.get(invitation.userId) as string;
      const sent = await this.mailer.sendMessage(this.message(invitation, token));
      if (!sent) await this.invitations.unsend(invitation.userId, hashes.get(invitation.userId) as string);
    }
  }

  private message(invitation: IssuedInvitation, token: string) {
    const link = `${this.mailer.publicBase}/set-password?token=${encodeURIComponent(token)}`;
    const until = invitation.expiresAt.toISOString().slice(0, 10);
    return {
      to: { name: invitation.name, address: invitation.email },
      subject: 'You are invited to Tradecounter: set your password',
      text:
        `Hello ${invitation.name},\n\n` +
        `An account has been made for you on Tradecounter (${invitation.email}). ` +
        `Choose your password here to sign in:\n\n${link}\n\n` +
        `The link works once, until ${until}. If it has expired, ask for a new invitation.\n`,
    };
  }
}
