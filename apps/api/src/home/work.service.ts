import { Injectable } from '@nestjs/common';
import { canUseFeature, type BuyAgainItem, type WorkCounts } from '@tradecounter/contracts';
import { accountScope } from '@tradecounter/domain';
import type { AuthUser } from '../auth/auth-user';
import { FULFILMENT_WORK, WorkRepository } from './work.repository';

/** What lands a user at their work: a buyer's usual products, and what waits for each role. */
@Injectable()
export class WorkService {
  constructor(private readonly work: WorkRepository) {}

  /** The caller's own account only (customer roles; the route admits no one else). */
  buyAgain(actor: AuthUser, limit: number): Promise<BuyAgainItem[]> {
    const scope = accountScope(actor);
    if (scope.kind !== 'account') return Promise.resolve([]);
    return this.work.buyAgain(scope.accountId, limit);
  }

  /** Only the counts of the portal features the caller's role may use, within their tenancy. */
  async counts(actor: AuthUser): Promise<WorkCounts> {
    const role = actor.role;
    const scope = accountScope(actor);
    const [approvals, creditHolds, fulfilmentQueue, cartLines, unreadNotifications] = await Promise.all([
      canUseFeature(role, 'approvals') ? this.work.ordersIn(scope, ['pending_approval']) : undefined,
      canUseFeature(role, 'creditHolds') ? this.work.ordersIn(scope, ['on_hold']) : undefined,
      canUseFeature(role, 'fulfilment') ? this.work.ordersIn(scope, FULFILMENT_WORK) : undefined,
      canUseFeature(role, 'cart') ? this.work.cartLines(actor.id) : undefined,
      this.work.unreadNotifications(actor.id),
    ]);
    return {
      ...(approvals === undefined ? {} : { approvals }),
      ...(creditHolds === undefined ? {} : { creditHolds }),
      ...(fulfilmentQueue === undefined ? {} : { fulfilmentQueue }),
      ...(cartLines === undefined ? {} : { cartLines }),
      unreadNotifications,
    };
  }
}
