import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { PurchaseOrderLineRequest } from '@tradecounter/contracts';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { badRequest } from '../common/http/problem';
import { NewPurchaseLine, PurchaseOrdersRepository } from './purchase-orders.repository';

/** A draft to create: one supplier, its lines (unit cost defaults to the product's supply cost). */
export interface NewDraft {
  supplierCode: string;
  notes?: string | null;
  lines: PurchaseOrderLineRequest[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Purchase orders: drafts, sending (open units become inbound supply and
 * fill the waiting shortfall), receiving, closing short, cancelling and
 * rescheduling, each re-promising the order lines they touch.
 */
@Injectable()
export class PurchaseOrdersService {
  constructor(
    private readonly orders: PurchaseOrdersRepository,
    private readonly audit: AuditService,
  ) {}

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
}
