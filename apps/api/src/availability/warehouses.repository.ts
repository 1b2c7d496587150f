import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Warehouse } from '@tradecounter/contracts';
import { WarehouseEntity } from './warehouse.entity';

@Injectable()
export class WarehousesRepository {
  constructor(private readonly dataSource: DataSource) {}

  list(): Promise<WarehouseEntity[]> {
    return this.dataSource.getRepository(WarehouseEntity).find({ order: { code: 'ASC' } });
  }

  find(code: string): Promise<WarehouseEntity | null> {
    return this.dataSource.getRepository(WarehouseEntity).findOneBy({ code });
  }

  lock(tx: EntityManager, code: string): Promise<WarehouseEntity | null> {
    return tx
      .getRepository(WarehouseEntity)
      .findOne({ where: { code }, lock: { mode: 'pessimistic_write' } });
  }

  /** Serialises changes of which warehouse is the default (and the first warehouse becoming it). */
  async lockDefault(tx: EntityManager): Promise<void> {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('warehouses:default'))`);
  }

  currentDefault(tx: EntityManager): Promise<WarehouseEntity | null> {
    return tx.getRepository(WarehouseEntity).findOneBy({ isDefault: true });
  }

  async count(tx: EntityManager): Promise<number> {
    return tx.getRepository(WarehouseEntity).count();
  }

  async insert(tx: EntityManager, warehouse: Omit<Warehouse, 'version'>): Promise<void> {
    await tx.getRepository(WarehouseEntity).insert(warehouse);
  }

  /** Applies the fields and bumps the version (the ETag). */
  async update(tx: EntityManager, code: string, fields: Partial<Omit<Warehouse, 'code' | 'version'>>) {
    await tx
      .createQueryBuilder()
      .update(WarehouseEntity)
      .set({ ...fields, version: () => 'version + 1', updatedAt: () => 'now()' })
      .where('code = :code', { code })
      .execute();
  }
}
