import { HttpStatus, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type {
  Page,
  PurchaseOrder,
  PurchaseOrderLineRequest,
  PurchaseOrderSortField,
  PurchaseOrderSummary,
} from '@tradecounter/contracts';
import { addBusinessDays, formatMoney, parseMoney, promiseDays, sumMoney } from '@tradecounter/domain';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { PromiseSettingsCache } from '../availability/promise-settings.cache';
import { pageOf, type PageRequest } from '../common/http/pagination.dto';
import { badRequest, conflict, notFound, ProblemException } from '../common/http/problem';
import { sortOrder, type SortSpec } from '../common/http/sort';
import type { PurchaseOrderQueryDto, UpdatePurchaseOrderDto } from './dto/purchase-order.dto';
import {
  LockedPurchaseOrder,
  NewPurchaseLine,
  PurchaseOrderFilter,
  PurchaseOrdersRepository,
} from './purchase-orders.repository';

/** A draft to create: one supplier, its lines (unit cost defaults to the product's supply cost). */
export interface NewDraft {
  supplierCode: string;
  notes?: string | null;
  lines: PurchaseOrderLineRequest[];
}

/** unit_cost is numeric(14,2): 12 digits before the point; we keep well inside it. */
export const MAX_UNIT_COST_CENTS = 999_999_999_999n;

export const purchaseOrderEtag = (version: number) => `"${version}"`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const PURCHASE_ORDER_SORT: SortSpec<PurchaseOrderSortField> = {
  columns: {
    number: 'po.number',
    createdAt: 'po.created_at',
    expectedDate: 't.expected_date',
    supplier: 's.name',
  },
  tieBreaker: 'po.id',
  defaultField: 'createdAt',
  defaultDirection: 'desc',
};

/**
 * Purchase orders' drafts and reads. Drafts are never supply: only sending
 * (PurchaseSendingService) makes their lines inbound receipts.
 */
@Injectable()
export class PurchaseOrdersService {
  constructor(
    private readonly orders: PurchaseOrdersRepository,
    private readonly audit: AuditService,
    private readonly dataSource: DataSource,
    private readonly calendar: PromiseSettingsCache,
  ) {}

  async list(query: PurchaseOrderQueryDto, page: PageRequest): Promise<Page<PurchaseOrderSummary>> {
    const filter: PurchaseOrderFilter = {
      status: query.status,
      supplierCode: query.supplierCode,
      warehouseCode: query.warehouseCode,
      productId: query.productId,
      search: query.search,
    };
    const [items, total] = await this.orders.list(filter, sortOrder(PURCHASE_ORDER_SORT, query), page);
    return pageOf(items, total, page);
  }

  async get(id: string, manager: EntityManager = this.dataSource.manager): Promise<PurchaseOrder> {
    const header = await this.orders.header(manager, id);
    if (!header) throw notFound('Purchase order');
    const [rows, events] = await Promise.all([
      this.orders.lines(manager, id),
      this.orders.events(manager, id),
    ]);
    const now = new Date();
    const lines = await Promise.all(
      rows.map(async (line) => ({
        ...line,
        // A draft line without a date: what sending it now would expect.
        expectedDate:
          line.expectedDate ??
          (await this.leadTimeDate(line.warehouseCode, header.leadTimeDays, now, manager)),
      })),
    );
    const open = lines.filter((line) => line.open > 0).map((line) => line.expectedDate);
    const total = sumMoney(lines.map((line) => parseMoney(line.lineTotal)));
    return {
      id: header.id,
      number: header.number,
      supplierCode: header.supplierCode,
      supplierName: header.supplierName,
      supplierEmail: header.supplierEmail,
      status: header.status,
      notes: header.notes,
      createdAt: new Date(header.createdAt).toISOString(),
      sentAt: header.sentAt ? new Date(header.sentAt).toISOString() : null,
      expectedDate: open.length > 0 ? open.reduce((a, b) => (a < b ? a : b)) : null,
      total: formatMoney(total),
      lines,
      events,
      version: header.version,
    };
  }

  /**
   * Today (the warehouse's business day) plus the supplier's lead time in
   * its business days: when a line sent now is expected.
   */
  async leadTimeDate(
    warehouseCode: string,
    leadTimeDays: number,
    at: Date,
    manager?: EntityManager,
  ): Promise<string> {
    const found = await this.calendar.settings(warehouseCode, manager);
    if (!found) throw new Error(`Unknown warehouse ${warehouseCode}`);
    const today = promiseDays(at, found.settings).orderDate;
    return addBusinessDays(today, leadTimeDays, found.settings.holidays);
  }

  async create(actor: AuthUser, body: NewDraft): Promise<PurchaseOrder> {
    const [created] = await this.dataSource.transaction((tx) =>
      this.createDrafts(tx, actor, [body], () => ''),
    );
    if (!created) throw new Error('Creating a purchase order made none');
    return this.get(created.id);
  }

  /** Replaces a draft's lines and/or notes (If-Match: its version; 412 when stale, 409 once sent). */
  async update(
    actor: AuthUser,
    id: string,
    body: UpdatePurchaseOrderDto,
    ifMatch?: string,
  ): Promise<PurchaseOrder> {
    await this.dataSource.transaction(async (tx) => {
      const order = await this.lockCurrent(tx, id, ifMatch);
      if (order.status !== 'draft') {
        throw conflict(`Purchase order ${order.number} is ${order.status}; only drafts change`, [
          { field: 'status', message: `is ${order.status}` },
        ]);
      }
      const before = await this.orders.lines(tx, id);
      const lines = body.lines
        ? await this.prepareLines(tx, [{ supplierCode: order.supplierCode, lines: body.lines }], () => '')
        : undefined;
      if (lines) {
        await this.orders.deleteLines(tx, id);
        await this.orders.insertLines(tx, id, lines[0] ?? []);
      }
      await this.orders.setStatus(tx, id, 'draft', body.notes !== undefined ? { notes: body.notes } : {});
      await this.orders.event(tx, id, actor.id, 'updated', null, null);
      await this.audit.record(tx, {
        actorId: actor.id,
        entity: 'purchase_order',
        entityId: id,
        accountId: null,
        action: 'update',
        before: {
          lines: before.map(({ productId, warehouseCode, quantity, unitCost, expectedDate }) => ({
            productId,
            warehouseCode,
            quantity,
            unitCost,
            expectedDate,
          })),
        },
        after: {
          ...(lines ? { lines: lines[0] } : {}),
          ...(body.notes !== undefined ? { notes: body.notes } : {}),
        },
      });
    });
    return this.get(id);
  }

  /**
   * Creates drafts inside the caller's transaction (the shortfall and the
   * suggestions draft through here). Lines are validated (products and
   * warehouses exist, quantity ≥ 1, a unit cost given or set on the
   * product's supply) and numbered in the order given; a bad line throws a
   * 400 with `drafts[i].lines[j].…` fields, and the caller's transaction rolls back.
   */
  async createDrafts(
    tx: EntityManager,
    actor: AuthUser,
    drafts: NewDraft[],
    fieldPrefix = (i: number) => `drafts[${i}].`,
  ): Promise<{ id: string; number: string }[]> {
    const prepared = await this.prepareLines(tx, drafts, fieldPrefix);
    const created: { id: string; number: string }[] = [];
    for (const [i, draft] of drafts.entries()) {
      const lines = prepared[i] ?? [];
      const order = await this.orders.insertDraft(tx, {
        supplierCode: draft.supplierCode,
        notes: draft.notes ?? null,
        createdBy: actor.id,
        lines,
      });
      await this.audit.record(tx, {
        actorId: actor.id,
        entity: 'purchase_order',
        entityId: order.id,
        accountId: null,
        action: 'create',
        before: null,
        after: { number: order.number, supplierCode: draft.supplierCode, status: 'draft', lines },
      });
      created.push(order);
    }
    return created;
  }

  /** Locks a purchase order, refusing a stale If-Match (412). */
  async lockCurrent(tx: EntityManager, id: string, ifMatch?: string): Promise<LockedPurchaseOrder> {
    const order = await this.orders.lock(tx, id);
    if (!order) throw notFound('Purchase order');
    if (ifMatch !== undefined && ifMatch !== purchaseOrderEtag(order.version)) {
      throw new ProblemException(
        HttpStatus.PRECONDITION_FAILED,
        'The purchase order was changed by someone else; reload it and try again',
      );
    }
    return order;
  }

  private async prepareLines(
    tx: EntityManager,
    drafts: NewDraft[],
    fieldPrefix: (i: number) => string,
  ): Promise<NewPurchaseLine[][]> {
    const lines = drafts.flatMap((d) => d.lines);
    const refs = await this.orders.lineReferences(
      tx,
      [...new Set(lines.map((l) => l.productId).filter((id) => UUID.test(id)))],
      [...new Set(lines.map((l) => l.warehouseCode))],
    );
    const errors: { field: string; message: string }[] = [];
    const prepared: NewPurchaseLine[][] = [];
    for (const [i, draft] of drafts.entries()) {
      const prefix = fieldPrefix(i);
      if (!(await this.orders.supplierExists(tx, draft.supplierCode))) {
        errors.push({ field: `${prefix}supplierCode`, message: 'is not a known supplier' });
      }
      if (draft.lines.length === 0)
        errors.push({ field: `${prefix}lines`, message: 'must name at least one line' });
      prepared.push(
        draft.lines.map((line, j) => {
          const field = `${prefix}lines[${j}].`;
          const known = refs.products.has(line.productId);
          if (!known) errors.push({ field: `${field}productId`, message: 'is not a known product' });
          if (!refs.warehouses.has(line.warehouseCode)) {
            errors.push({ field: `${field}warehouseCode`, message: 'is not a known warehouse' });
          }
          if (!Number.isInteger(line.quantity) || line.quantity < 1) {
            errors.push({ field: `${field}quantity`, message: 'must be a whole number of at least 1' });
          }
          const unitCost = line.unitCost ?? refs.products.get(line.productId) ?? null;
          if (unitCost !== null && parseMoney(unitCost) > MAX_UNIT_COST_CENTS) {
            errors.push({ field: `${field}unitCost`, message: 'must be at most 9999999999.99' });
          }
          if (known && unitCost === null) {
            errors.push({
              field: `${field}unitCost`,
              message: 'is required: the product has no purchasing facts',
            });
          }
          return {
            productId: line.productId,
            warehouseCode: line.warehouseCode,
            quantity: line.quantity,
            unitCost: unitCost ?? '0.00',
            expectedDate: line.expectedDate ?? null,
          };
        }),
      );
    }
    if (errors.length > 0) throw badRequest('The purchase order names something it cannot', errors);
    return prepared;
  }
}
