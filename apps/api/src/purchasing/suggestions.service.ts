import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  DEFAULT_REVIEW_DAYS,
  DEFAULT_SAFETY_DAYS,
  type DraftPurchaseOrdersResult,
  type Page,
  type ReplenishmentSuggestion,
} from '@tradecounter/contracts';
import {
  planDrafts,
  replenishment,
  replenishmentLeadTime,
  type DraftRequestItem,
} from '@tradecounter/domain';
import type { AuthUser } from '../auth/auth-user';
import { pageOf, type PageRequest } from '../common/http/pagination.dto';
import { DraftWriter } from './draft-writer';
import {
  SuggestionsRepository,
  type SuggestionFilter,
  type SuggestionSqlRow,
} from './suggestions.repository';

/**
 * Replenishment suggestions per product and warehouse: SQL gathers demand
 * (a rollup), stock and purchase quantities; libs/domain
 * purchasing/replenishment.ts computes the levels and the quantity.
 */
@Injectable()
export class SuggestionsService {
  constructor(
    private readonly repository: SuggestionsRepository,
    private readonly drafts: DraftWriter,
    private readonly dataSource: DataSource,
  ) {}

  /** The products to buy (or with `all`, every product and warehouse), by SKU and warehouse. */
  async list(
    filter: SuggestionFilter & { all?: boolean },
    page: PageRequest,
  ): Promise<Page<ReplenishmentSuggestion>> {
    const rows = (await this.repository.rows(this.dataSource.manager, filter)).map(toSuggestion);
    const shown = filter.all ? rows : rows.filter((row) => row.suggestedQty > 0);
    return pageOf(shown.slice(page.offset, page.offset + page.pageSize), shown.length, page);
  }

  /** Drafts the named suggestions (their quantity, or the one given, in whole packs), one draft per supplier. */
  draft(actor: AuthUser, items: DraftRequestItem[]): Promise<DraftPurchaseOrdersResult> {
    return this.dataSource.transaction(async (tx) => {
      await this.drafts.lock(tx);
      const rows = (await this.repository.rows(tx, { pairs: items })).map(toSuggestion);
      const candidates = rows.map((row) => ({ ...row, draftQuantity: row.suggestedQty }));
      const plan = planDrafts(candidates, items, { onlyWhileShort: false });
      return this.drafts.create(tx, actor, plan, 'Drafted from the replenishment suggestions');
    });
  }
}

function toSuggestion(row: SuggestionSqlRow): ReplenishmentSuggestion {
  const figures = replenishment({
    unitsOrdered: Number(row.unitsOrdered),
    leadTimeDays: replenishmentLeadTime(row.supplierLeadTimeDays, row.productLeadTimeDays),
    safetyDays: row.safetyDays ?? DEFAULT_SAFETY_DAYS,
    reviewDays: row.reviewDays ?? DEFAULT_REVIEW_DAYS,
    available: row.available,
    onOrder: row.onOrder,
    packSize: row.packSize,
  });
  return {
    productId: row.productId,
    sku: row.sku,
    name: row.name,
    warehouseCode: row.warehouseCode,
    supplierCode: row.supplierCode,
    averageDailyDemand: figures.averageDailyDemand,
    available: row.available,
    onOrder: row.onOrder,
    reorderPoint: figures.reorderPoint,
    orderUpTo: figures.orderUpTo,
    suggestedQty: figures.suggestedQty,
    packSize: row.packSize,
  };
}
