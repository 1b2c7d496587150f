import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Page, SetStockRequest, StockLevel } from '@tradecounter/contracts';
import { normalizeBin } from '@tradecounter/domain';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { pageOf, PageRequest } from '../common/http/pagination.dto';
import { badRequest, conflict, notFound } from '../common/http/problem';
import { CatalogSupplyCache } from './catalog-supply.cache';
import { StockFilter, StockRepository } from './stock.repository';

export const stockEntityId = (productId: string, warehouseCode: string) => `${productId}@${warehouseCode}`;

/** Stock levels per product and warehouse; on hand is set by counting, reserved only by orders. */
@Injectable()
export class StockService {
  constructor(
    private readonly stock: StockRepository,
    private readonly audit: AuditService,
    private readonly dataSource: DataSource,
    private readonly catalogSupply: CatalogSupplyCache,
  ) {}

  async list(filter: StockFilter, page: PageRequest): Promise<Page<StockLevel>> {
    const [items, total] = await this.stock.levels(filter, page);
    return pageOf(items, total, page);
  }

  /**
   * Sets on hand (a count; 409 when it is below the units reserved for
   * orders) and/or the bin (null or '' clears it): at least one of them.
   */
  async set(
    actor: AuthUser,
    productId: string,
    warehouseCode: string,
    body: SetStockRequest,
  ): Promise<StockLevel> {
    const { onHand } = body;
    const bin = body.bin === undefined ? undefined : binOrRefuse(body.bin);
    if (onHand === undefined && bin === undefined) {
      throw badRequest('Give onHand, bin or both', [{ field: 'onHand', message: 'or bin must be given' }]);
    }
    await this.dataSource
      .transaction(async (tx) => {
        // The lock only makes "before" exact for the audit; the upsert guards reserved <= onHand by itself.
        const before = await this.stock.lock(tx, productId, warehouseCode);
        if (!before) await this.requireExisting(tx, productId, warehouseCode);
        let after = before;
        if (onHand !== undefined) {
          after = await this.stock.setOnHand(tx, productId, warehouseCode, onHand);
          if (!after) throw belowReserved(onHand, before?.reserved);
        }
        if (bin !== undefined) after = await this.stock.setBin(tx, productId, warehouseCode, bin);
        if (!after) return;
        await this.audit.record(tx, {
          actorId: actor.id,
          entity: 'stock',
          entityId: stockEntityId(productId, warehouseCode),
          accountId: null,
          action: before ? 'update' : 'create',
          before: before ? { onHand: before.onHand, reserved: before.reserved, bin: before.bin } : null,
          after: { productId, warehouseCode, onHand: after.onHand, reserved: after.reserved, bin: after.bin },
        });
      })
      .catch(reservedCheck(onHand));
    if (onHand !== undefined) this.catalogSupply.changed(warehouseCode, [productId]);
    const level = await this.stock.level(this.dataSource.manager, productId, warehouseCode);
    if (!level) throw notFound('Stock');
    return level;
  }

  /** In the transaction's own connection: a second one while holding the first can exhaust the pool. */
  private async requireExisting(tx: EntityManager, productId: string, warehouseCode: string): Promise<void> {
    const found = await this.stock.exists(tx, productId, warehouseCode);
    if (!found.product) throw notFound('Product');
    if (!found.warehouse) throw notFound('Warehouse');
  }
}

function binOrRefuse(raw: string | null): string | null {
  const result = normalizeBin(raw);
  if ('error' in result) throw badRequest('This bin is not valid', [{ field: 'bin', message: result.error }]);
  return result.bin;
}

function belowReserved(onHand: number, reserved: number | undefined) {
  return conflict(
    `On hand cannot be ${onHand}: ${reserved ?? 'more'} units are reserved for orders. Ship or cancel those orders first.`,
    [{ field: 'onHand', message: `must be at least the reserved quantity (${reserved ?? 'more'})` }],
  );
}

/** The CHECK is the backstop: should anything slip past the guards, it is still a conflict, not a crash. */
export function reservedCheck(onHand?: number) {
  return (error: unknown): never => {
    const driverError = (error as { driverError?: { code?: string; constraint?: string } }).driverError;
    if (driverError?.code === '23514' && driverError.constraint === 'stock_reserved_check') {
      throw belowReserved(onHand ?? 0, undefined);
    }
    throw error;
  };
}
