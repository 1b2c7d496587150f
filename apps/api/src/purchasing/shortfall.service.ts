import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { DraftPurchaseOrdersResult, Page, ShortfallRow } from '@tradecounter/contracts';
import { planDrafts, shortfallOf, type DraftRequestItem } from '@tradecounter/domain';
import type { AuthUser } from '../auth/auth-user';
import { pageOf, type PageRequest } from '../common/http/pagination.dto';
import { DraftWriter } from './draft-writer';
import { ShortfallRepository, type ShortfallFilter, type ShortfallSqlRow } from './shortfall.repository';

/**
 * Purchase to order: the demand nothing covers, per product and warehouse
 * (SQL gathers it; libs/domain purchasing/shortfall.ts decides the
 * shortfall and the draft quantities), and drafting purchase orders for it,
 * one per primary supplier, so that drafting twice creates nothing twice.
 */
@Injectable()
export class ShortfallService {
  constructor(
    private readonly repository: ShortfallRepository,
    private readonly drafts: DraftWriter,
    private readonly dataSource: DataSource,
  ) {}

  async list(filter: ShortfallFilter, page: PageRequest): Promise<Page<ShortfallRow>> {
    const rows = await this.rows(this.dataSource.manager, filter);
    return pageOf(rows.slice(page.offset, page.offset + page.pageSize), rows.length, page);
  }

  /**
   * Under the drafting lock, reads the shortfall as it stands (the drafts
   * of a caller who went first included) and drafts what is still short:
   * the rows named (a quantity rounded up to the pack), or every row. Rows
   * without a supplier, or no longer short, are skipped with the reason.
   */
  draft(actor: AuthUser, items: DraftRequestItem[] | undefined): Promise<DraftPurchaseOrdersResult> {
    return this.dataSource.transaction(async (tx) => {
      await this.drafts.lock(tx);
      const rows = await this.rows(tx, {});
      const plan = planDrafts(rows, items, { onlyWhileShort: true });
      return this.drafts.create(tx, actor, plan, 'Drafted from the shortfall');
    });
  }

  private async rows(manager: EntityManager, filter: ShortfallFilter): Promise<ShortfallRow[]> {
    return (await this.repository.rows(manager, filter)).map(toRow);
  }
}

function toRow(row: ShortfallSqlRow): ShortfallRow {
  const figures = shortfallOf({ demand: row.demand, onDraft: row.onDraft, packSize: row.packSize });
  return {
    productId: row.productId,
    sku: row.sku,
    name: row.name,
    warehouseCode: row.warehouseCode,
    supplierCode: row.supplierCode,
    supplierName: row.supplierName,
    demand: row.demand,
    onDraft: row.onDraft,
    shortfall: figures.shortfall,
    packSize: row.packSize,
    draftQuantity: figures.draftQuantity,
    orderLines: row.orderLines,
    oldestPlacedAt: row.oldestPlacedAt.toISOString(),
    earliestPromisedDate: row.earliestPromisedDate,
  };
}
