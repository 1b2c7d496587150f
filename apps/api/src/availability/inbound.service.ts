import { HttpStatus, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Inbound, Page } from '@tradecounter/contracts';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { pageOf, PageRequest } from '../common/http/pagination.dto';
import { badRequest, conflict, notFound, ProblemException } from '../common/http/problem';
import type { CreateInboundDto, UpdateInboundDto } from './dto/inbound.dto';
import type { InboundEntity } from './inbound.entity';
import { InboundFilter, InboundRepository } from './inbound.repository';
import { CatalogSupplyCache } from './catalog-supply.cache';
import { PromiseSettingsCache } from './promise-settings.cache';
import { ReceiptChange, ReceiptHooks } from './receipt-hooks';
import { StockRepository } from './stock.repository';
import { reservedCheck, stockEntityId } from './stock.service';

export const inboundEtag = (version: number) => `"${version}"`;

/**
 * Inbound supply: purchase receipts expected at a warehouse. They can be
 * changed or cancelled while expected, never below what is promised from
 * them; receiving puts them on hand, and their promised units become
 * reserved stock, in one transaction.
 */
@Injectable()
export class InboundService {
  constructor(
    private readonly inbound: InboundRepository,
    private readonly stock: StockRepository,
    private readonly audit: AuditService,
    private readonly dataSource: DataSource,
    private readonly hooks: ReceiptHooks,
    private readonly calendar: PromiseSettingsCache,
    private readonly catalogSupply: CatalogSupplyCache,
  ) {}

  async list(filter: InboundFilter, page: PageRequest): Promise<Page<Inbound>> {
    const [items, total] = await this.inbound.list(filter, page);
    return pageOf(items, total, page);
  }

  async get(id: string): Promise<Inbound> {
    const inbound = await this.inbound.get(id);
    if (!inbound) throw notFound('Inbound receipt');
    return inbound;
  }

  async create(actor: AuthUser, body: CreateInboundDto): Promise<Inbound> {
    const found = await this.inbound.references(body.productId, body.warehouseCode);
    const errors = [
      ...(found.product ? [] : [{ field: 'productId', message: 'is not a known product' }]),
      ...(found.warehouse ? [] : [{ field: 'warehouseCode', message: 'is not a known warehouse' }]),
    ];
    if (errors.length > 0) throw badRequest('The receipt names something that does not exist', errors);
    const id = await this.dataSource.transaction(async (tx) => {
      const fields = {
        productId: body.productId,
        warehouseCode: body.warehouseCode,
        qty: body.qty,
        expectedDate: body.expectedDate,
      };
      const created = await this.inbound.insert(tx, fields);
      await this.record(tx, actor, created, 'create', null, { ...fields, status: 'expected' });
      return created;
    });
    return this.afterChange(id);
  }

  async update(actor: AuthUser, id: string, body: UpdateInboundDto, ifMatch?: string): Promise<Inbound> {
    await this.dataSource.transaction(async (tx) => {
      const inbound = await this.lockExpected(tx, id, ifMatch);
      await this.refuseOwned(tx, inbound.purchaseOrderLineId);
      if (body.qty !== undefined && body.qty < inbound.allocated) {
        throw conflict(`${inbound.allocated} units of this receipt are promised to orders`, [
          { field: 'qty', message: `must be at least the promised quantity (${inbound.allocated})` },
        ]);
      }
      if (body.status === 'cancelled' && inbound.allocated > 0) {
        throw conflict(
          `${inbound.allocated} units of this receipt are promised to orders; it cannot be cancelled`,
          [{ field: 'status', message: 'cannot cancel a receipt with promised units' }],
        );
      }
      const fields = {
        ...(body.qty !== undefined ? { qty: body.qty } : {}),
        ...(body.expectedDate !== undefined ? { expectedDate: body.expectedDate } : {}),
        ...(body.status !== undefined ? { status: body.status } : {}),
      };
      await this.inbound.update(tx, id, fields);
      if (
        body.expectedDate !== undefined &&
        body.expectedDate !== inbound.expectedDate &&
        inbound.allocated > 0
      ) {
        // The orders waiting for this receipt are promised anew (ordering records why).
        await this.announce(tx, actor, inbound, 'rescheduled', body.expectedDate);
      }
      await this.record(tx, actor, id, 'update', auditable(inbound), { ...auditable(inbound), ...fields });
    });
    return this.afterChange(id);
  }

  /**
   * Receives the whole receipt (by hand: a purchase order's receipts are
   * received on the purchase order, which calls `receiveIn`).
   */
  async receive(actor: AuthUser, id: string, ifMatch?: string): Promise<Inbound> {
    const seen = await this.inbound.find(this.dataSource.manager, id);
    if (!seen) throw notFound('Inbound receipt');
    await this.dataSource
      .transaction(async (tx) => {
        await this.refuseOwned(tx, seen.purchaseOrderLineId);
        await this.receiveIn(tx, actor, seen, ifMatch);
      })
      .catch(reservedCheck());
    return this.afterChange(id);
  }

  /**
   * Receives a whole receipt inside the caller's transaction: it goes on
   * hand, its promised units become reserved stock, and ordering follows
   * (ReceiptHooks). Locks stock before the receipt, the order every writer
   * of both follows, so receiving never deadlocks with ordering. The one
   * receiving path: by hand and purchase orders' receipts alike.
   */
  async receiveIn(
    tx: EntityManager,
    actor: AuthUser,
    seen: Pick<InboundEntity, 'id' | 'productId' | 'warehouseCode'>,
    ifMatch?: string,
  ): Promise<void> {
    const { id, productId, warehouseCode } = seen;
    const created = await this.stock.ensure(tx, productId, warehouseCode);
    const before = await this.stock.lock(tx, productId, warehouseCode);
    const inbound = await this.lockExpected(tx, id, ifMatch);
    await this.inbound.update(tx, id, { status: 'received', receivedAt: new Date() });
    const after = await this.stock.receive(tx, productId, warehouseCode, inbound.qty, inbound.allocated);
    // Ordering moves the receipt's per-line allocations into those lines' reserved stock.
    await this.announce(tx, actor, inbound, 'received', inbound.expectedDate);
    await this.record(tx, actor, id, 'update', { status: 'expected' }, { status: 'received' });
    await this.audit.record(tx, {
      actorId: actor.id,
      entity: 'stock',
      entityId: stockEntityId(productId, warehouseCode),
      accountId: null,
      action: created ? 'create' : 'update',
      before: created ? null : { onHand: before?.onHand, reserved: before?.reserved },
      after: { ...(created ? { productId, warehouseCode } : {}), ...after, inboundId: id },
    });
    this.catalogSupply.changed(warehouseCode, [productId]);
  }

  /**
   * Returned goods put back on the shelf, inside the caller's (the return
   * receipt's) transaction: a receipt of them, received at once through the
   * one receiving path, so they go on hand and fill backorders waiting for
   * the product at that warehouse, oldest order first, exactly as a
   * purchase receipt's units do.
   */
  async receiveReturnedIn(
    tx: EntityManager,
    actor: AuthUser,
    units: { productId: string; warehouseCode: string; qty: number; date: string },
  ): Promise<void> {
    const fields = {
      productId: units.productId,
      warehouseCode: units.warehouseCode,
      qty: units.qty,
      expectedDate: units.date,
    };
    const id = await this.inbound.insert(tx, fields);
    await this.record(tx, actor, id, 'create', null, { ...fields, status: 'expected', returned: true });
    await this.receiveIn(tx, actor, { id, productId: units.productId, warehouseCode: units.warehouseCode });
  }

  /**
   * Moves an expected receipt's date inside the caller's transaction; the
   * orders waiting for it are promised anew (ordering records why). The
   * caller holds the product's stock row lock.
   */
  async rescheduleIn(tx: EntityManager, actor: AuthUser, id: string, expectedDate: string): Promise<void> {
    const inbound = await this.lockExpected(tx, id, undefined);
    if (inbound.expectedDate === expectedDate) return;
    await this.inbound.update(tx, id, { expectedDate });
    if (inbound.allocated > 0) await this.announce(tx, actor, inbound, 'rescheduled', expectedDate);
    await this.record(tx, actor, id, 'update', auditable(inbound), { ...auditable(inbound), expectedDate });
    this.catalogSupply.changed(inbound.warehouseCode, [inbound.productId]);
  }

  /** A purchase order's receipt changes on its purchase order only (409 naming it). */
  private async refuseOwned(tx: EntityManager, purchaseOrderLineId: string | null): Promise<void> {
    if (!purchaseOrderLineId) return;
    const number = await this.inbound.purchaseOrderNumber(tx, purchaseOrderLineId);
    throw conflict(
      `This receipt belongs to purchase order ${number}; change it on purchase order ${number}`,
      [{ field: 'purchaseOrderNumber', message: `change it on purchase order ${number}` }],
    );
  }

  /** The receipt as it now stands; the catalog's view of its product's supply is dropped. */
  private async afterChange(id: string): Promise<Inbound> {
    const inbound = await this.get(id);
    this.catalogSupply.changed(inbound.warehouseCode, [inbound.productId]);
    return inbound;
  }

  private async announce(
    tx: EntityManager,
    actor: AuthUser,
    inbound: InboundEntity,
    kind: ReceiptChange['kind'],
    to: string,
  ): Promise<void> {
    const found = await this.calendar.settings(inbound.warehouseCode, tx);
    if (!found) throw new Error(`Receipt ${inbound.id} names an unknown warehouse ${inbound.warehouseCode}`);
    await this.hooks.changed(tx, {
      kind,
      inboundId: inbound.id,
      productId: inbound.productId,
      warehouseCode: inbound.warehouseCode,
      qty: inbound.qty,
      allocated: inbound.allocated,
      from: inbound.expectedDate,
      to,
      settings: found.settings,
      at: new Date(),
      actorId: actor.id,
    });
  }

  private async lockExpected(
    tx: EntityManager,
    id: string,
    ifMatch: string | undefined,
  ): Promise<InboundEntity> {
    const inbound = await this.inbound.lock(tx, id);
    if (!inbound) throw notFound('Inbound receipt');
    if (ifMatch !== undefined && ifMatch !== inboundEtag(inbound.version)) {
      throw new ProblemException(
        HttpStatus.PRECONDITION_FAILED,
        'The receipt was changed by someone else; reload it and try again',
      );
    }
    if (inbound.status !== 'expected') {
      throw conflict(`This receipt is already ${inbound.status}`, [
        { field: 'status', message: `is ${inbound.status}; only expected receipts change` },
      ]);
    }
    return inbound;
  }

  private record(
    tx: EntityManager,
    actor: AuthUser,
    id: string,
    action: 'create' | 'update',
    before: Record<string, unknown> | null,
    after: Record<string, unknown>,
  ) {
    return this.audit.record(tx, {
      actorId: actor.id,
      entity: 'inbound',
      entityId: id,
      accountId: null,
      action,
      before,
      after,
    });
  }
}

function auditable(inbound: InboundEntity): Record<string, unknown> {
  return {
    productId: inbound.productId,
    warehouseCode: inbound.warehouseCode,
    qty: inbound.qty,
    allocated: inbound.allocated,
    expectedDate: inbound.expectedDate,
    status: inbound.status,
  };
}
