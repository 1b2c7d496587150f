import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { canReadAccount, mayActOnReturn, returnActionApplies, type ReturnAction } from '@tradecounter/domain';
import type { AuthUser } from '../auth/auth-user';
import { conflict, forbidden, notFound } from '../common/http/problem';
import { type ReturnRow, ReturnsRepository } from './returns.repository';

const ACTION_WORDS: Record<ReturnAction, string> = {
  request: 'request',
  open: 'open',
  approve: 'approve',
  reject: 'reject',
  receive: 'receive',
  close: 'close',
};

const PAST_TENSE: Record<ReturnAction, string> = {
  request: 'requested',
  open: 'opened',
  approve: 'approved',
  reject: 'rejected',
  receive: 'received',
  close: 'closed',
};

/**
 * Who may see and act on a return, by the domain's rules: outside the
 * actor's accounts a return is "not found" (404); inside, a step their role
 * may not take is 403, and one its status does not allow is 409.
 */
@Injectable()
export class ReturnAccess {
  constructor(private readonly returns: ReturnsRepository) {}

  async requireReadable(actor: AuthUser, id: string): Promise<void> {
    const owner = await this.returns.owner(id);
    if (!owner || !canReadAccount(actor, { id: owner.accountId, accountManagerId: owner.accountManagerId })) {
      throw notFound('Return');
    }
  }

  /** The return locked for `action`, checked as above. */
  async lockFor(tx: EntityManager, actor: AuthUser, id: string, action: ReturnAction): Promise<ReturnRow> {
    const row = await this.returns.lock(tx, id);
    const account = row ? { id: row.accountId, accountManagerId: row.accountManagerId } : null;
    if (!row || !account || !canReadAccount(actor, account)) throw notFound('Return');
    if (!mayActOnReturn(actor, account, action))
      throw forbidden(`Your role may not ${ACTION_WORDS[action]} this return`);
    if (!returnActionApplies(row.status, action))
      throw conflict(`Return ${row.number} is ${row.status}: it cannot be ${PAST_TENSE[action]}`, [
        { field: 'status', message: `is ${row.status}` },
      ]);
    return row;
  }
}
