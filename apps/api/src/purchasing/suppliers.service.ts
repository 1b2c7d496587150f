import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ProductSupply, PurchasingSettings, Supplier } from '@tradecounter/contracts';
import { parseMoney } from '@tradecounter/domain';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { badRequest, conflict, notFound } from '../common/http/problem';
import type { SetProductSupplyDto } from './dto/product-supply.dto';
import type { CreateSupplierDto, UpdateSupplierDto } from './dto/supplier.dto';
import { MAX_UNIT_COST_CENTS } from './purchase-orders.service';
import { SuppliersRepository } from './suppliers.repository';

/** Suppliers, each product's purchasing facts and the purchasing settings; every change audited. */
@Injectable()
export class SuppliersService {
  constructor(
    private readonly suppliers: SuppliersRepository,
    private readonly audit: AuditService,
    private readonly dataSource: DataSource,
  ) {}

  list(): Promise<Supplier[]> {
    return this.suppliers.list();
  }

  async get(code: string): Promise<Supplier> {
    const supplier = await this.suppliers.get(code);
    if (!supplier) throw notFound('Supplier');
    return supplier;
  }

  async create(actor: AuthUser, body: CreateSupplierDto): Promise<Supplier> {
    await this.dataSource.transaction(async (tx) => {
      if (!(await this.suppliers.insert(tx, body))) {
        throw conflict(`A supplier with code ${body.code} already exists`, [
          { field: 'code', message: 'is already taken' },
        ]);
      }
      await this.record(tx, actor, 'supplier', body.code, 'create', null, { ...body });
    });
    return this.get(body.code);
  }

  async update(actor: AuthUser, code: string, body: UpdateSupplierDto): Promise<Supplier> {
    await this.dataSource.transaction(async (tx) => {
      const before = await this.suppliers.lock(tx, code);
      if (!before) throw notFound('Supplier');
      const after = {
        name: body.name ?? before.name,
        email: body.email ?? before.email,
        leadTimeDays: body.leadTimeDays ?? before.leadTimeDays,
      };
      await this.suppliers.update(tx, code, after);
      const { name, email, leadTimeDays } = before;
      await this.record(tx, actor, 'supplier', code, 'update', { name, email, leadTimeDays }, after);
    });
    return this.get(code);
  }

  async supply(productId: string): Promise<ProductSupply> {
    const supply = await this.suppliers.supply(productId);
    if (!supply) throw notFound('Purchasing facts for this product');
    return supply;
  }

  async setSupply(actor: AuthUser, productId: string, body: SetProductSupplyDto): Promise<ProductSupply> {
    await this.dataSource.transaction(async (tx) => {
      if (parseMoney(body.unitCost) > MAX_UNIT_COST_CENTS) {
        throw badRequest('The unit cost is too large', [
          { field: 'unitCost', message: 'must be at most 9999999999.99' },
        ]);
      }
      if (!(await this.suppliers.productExists(tx, productId))) throw notFound('Product');
      if (!(await this.suppliers.get(body.supplierCode, tx))) {
        throw badRequest('No supplier has this code', [
          { field: 'supplierCode', message: 'is not a known supplier' },
        ]);
      }
      const before = await this.suppliers.supply(productId, tx);
      const fields = {
        supplierCode: body.supplierCode,
        supplierSku: body.supplierSku,
        unitCost: body.unitCost,
        packSize: body.packSize,
        safetyDays: body.safetyDays ?? null,
        reviewDays: body.reviewDays ?? null,
      };
      await this.suppliers.upsertSupply(tx, productId, fields);
      await this.record(
        tx,
        actor,
        'product_supply',
        productId,
        before ? 'update' : 'create',
        before ? { ...before } : null,
        fields,
      );
    });
    return this.supply(productId);
  }

  async settings(): Promise<PurchasingSettings> {
    return { receiptTolerance: Number(await this.suppliers.tolerance()) };
  }

  async setSettings(actor: AuthUser, body: PurchasingSettings): Promise<PurchasingSettings> {
    await this.dataSource.transaction(async (tx) => {
      const before = await this.suppliers.tolerance(tx);
      // At most 3 decimals (validated): toFixed(3) is the exact decimal the client sent.
      await this.suppliers.setTolerance(tx, body.receiptTolerance.toFixed(3));
      await this.record(
        tx,
        actor,
        'purchasing_settings',
        'purchasing',
        'update',
        { receiptTolerance: Number(before) },
        { receiptTolerance: body.receiptTolerance },
      );
    });
    return this.settings();
  }

  private record(
    tx: Parameters<AuditService['record']>[0],
    actor: AuthUser,
    entity: string,
    entityId: string,
    action: 'create' | 'update',
    before: Record<string, unknown> | null,
    after: Record<string, unknown>,
  ) {
    return this.audit.record(tx, {
      actorId: actor.id,
      entity,
      entityId,
      accountId: null,
      action,
      before,
      after,
    });
  }
}
