import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { DraftPurchaseOrdersResult, PurchaseOrderSummary } from '@tradecounter/contracts';
import type { PlannedDrafts } from '@tradecounter/domain';
import type { AuthUser } from '../auth/auth-user';
import { PurchaseOrdersService } from './purchase-orders.service';
import { PurchaseOrdersRepository } from './purchase-orders.repository';

/**
 * Both drafting routes (shortfall, suggestions) decide what to buy from
 * rows they read and then write drafts: two callers doing it at once would
 * both read "nothing on draft" and both draft. One transaction-scoped
 * advisory lock serializes them; whoever waits reads the first one's drafts
 * once it commits (READ COMMITTED: each statement sees what committed).
 */
const DRAFTING_LOCK = 'purchasing:drafting';

@Injectable()
export class DraftWriter {
  constructor(
    private readonly purchaseOrders: PurchaseOrdersService,
    private readonly orders: PurchaseOrdersRepository,
  ) {}

  async lock(tx: EntityManager): Promise<void> {
    await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [DRAFTING_LOCK]);
  }

  /** Writes the planned drafts (audited by the purchase orders' service) and answers with their summaries. */
  async create(
    tx: EntityManager,
    actor: AuthUser,
    plan: PlannedDrafts,
    notes: string,
  ): Promise<DraftPurchaseOrdersResult> {
    const created =
      plan.drafts.length === 0
        ? []
        : await this.purchaseOrders.createDrafts(
            tx,
            actor,
            plan.drafts.map((draft) => ({ supplierCode: draft.supplierCode, notes, lines: draft.lines })),
          );
    const purchaseOrders: PurchaseOrderSummary[] = [];
    for (const order of created) {
      const summary = await this.orders.summary(tx, order.id);
      if (summary) purchaseOrders.push(summary);
    }
    return { purchaseOrders, skipped: plan.skipped };
  }
}
