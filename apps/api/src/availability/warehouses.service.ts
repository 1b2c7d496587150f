import { HttpStatus, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Warehouse } from '@tradecounter/contracts';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { ChangeNotices } from '../common/change-notices';
import { conflict, notFound, ProblemException } from '../common/http/problem';
import type { CreateWarehouseDto, UpdateWarehouseDto } from './dto/warehouse.dto';
import { auditableWarehouse, toWarehouse, warehouseEtag } from './warehouse.mapper';
import { WarehousesRepository } from './warehouses.repository';

/**
 * Warehouses and their promise settings. At most one is the default (the
 * first one made is); making another the default moves the flag, in one
 * transaction, audited for both.
 */
@Injectable()
export class WarehousesService {
  constructor(
    private readonly warehouses: WarehousesRepository,
    private readonly changes: ChangeNotices,
    private readonly audit: AuditService,
    private readonly dataSource: DataSource,
  ) {}

  async list(): Promise<Warehouse[]> {
    return (await this.warehouses.list()).map(toWarehouse);
  }

  async get(code: string): Promise<Warehouse> {
    const warehouse = await this.warehouses.find(code);
    if (!warehouse) throw notFound('Warehouse');
    return toWarehouse(warehouse);
  }

  async create(actor: AuthUser, body: CreateWarehouseDto): Promise<Warehouse> {
    await this.dataSource
      .transaction(async (tx) => {
        await this.warehouses.lockDefault(tx);
        const isDefault = body.isDefault === true || (await this.warehouses.count(tx)) === 0;
        if (isDefault) await this.clearDefault(tx, actor, body.code);
        const warehouse = {
          code: body.code,
          name: body.name.trim(),
          timeZone: canonicalTimeZone(body.timeZone),
          cutoffTime: body.cutoffTime,
          handlingDays: body.handlingDays,
          transitDays: body.transitDays,
          isDefault,
        };
        await this.warehouses.insert(tx, warehouse);
        await this.changes.changed(tx, 'calendar');
        await this.record(
          tx,
          actor,
          body.code,
          'create',
          null,
          auditableWarehouse({ ...warehouse, version: 1 }),
        );
      })
      .catch(duplicateCode);
    return this.get(body.code);
  }

  /** With If-Match, refused (412) when someone changed the warehouse since it was read. */
  async update(
    actor: AuthUser,
    code: string,
    body: UpdateWarehouseDto,
    ifMatch: string | undefined,
  ): Promise<Warehouse> {
    await this.dataSource.transaction(async (tx) => {
      if (body.isDefault === true) await this.warehouses.lockDefault(tx);
      const warehouse = await this.warehouses.lock(tx, code);
      if (!warehouse) throw notFound('Warehouse');
      if (ifMatch !== undefined && ifMatch !== warehouseEtag(warehouse.version)) {
        throw new ProblemException(
          HttpStatus.PRECONDITION_FAILED,
          'The warehouse was changed by someone else; reload it and try again',
        );
      }
      if (body.isDefault === false && warehouse.isDefault) {
        throw conflict('This is the default warehouse; make another warehouse the default instead', [
          { field: 'isDefault', message: 'cannot be cleared on the default warehouse' },
        ]);
      }
      const before = auditableWarehouse(warehouse);
      const fields = {
        ...(body.name !== undefined ? { name: body.name.trim() } : {}),
        ...(body.timeZone !== undefined ? { timeZone: canonicalTimeZone(body.timeZone) } : {}),
        ...(body.cutoffTime !== undefined ? { cutoffTime: body.cutoffTime } : {}),
        ...(body.handlingDays !== undefined ? { handlingDays: body.handlingDays } : {}),
        ...(body.transitDays !== undefined ? { transitDays: body.transitDays } : {}),
        ...(body.isDefault === true && !warehouse.isDefault ? { isDefault: true } : {}),
      };
      if (fields.isDefault) await this.clearDefault(tx, actor, code);
      await this.warehouses.update(tx, code, fields);
      await this.changes.changed(tx, 'calendar');
      await this.record(tx, actor, code, 'update', before, { ...before, ...fields });
    });
    return this.get(code);
  }

  async etag(code: string): Promise<string> {
    return warehouseEtag((await this.get(code)).version);
  }

  /** The previous default (if another) stops being it. Runs under lockDefault. */
  private async clearDefault(tx: EntityManager, actor: AuthUser, newDefault: string): Promise<void> {
    const previous = await this.warehouses.currentDefault(tx);
    if (!previous || previous.code === newDefault) return;
    await this.warehouses.update(tx, previous.code, { isDefault: false });
    await this.record(tx, actor, previous.code, 'update', { isDefault: true }, { isDefault: false });
  }

  private record(
    tx: EntityManager,
    actor: AuthUser,
    code: string,
    action: 'create' | 'update',
    before: Record<string, unknown> | null,
    after: Record<string, unknown>,
  ) {
    return this.audit.record(tx, {
      actorId: actor.id,
      entity: 'warehouse',
      entityId: code,
      accountId: null,
      action,
      before,
      after,
    });
  }
}

/** "america/chicago" is accepted by Intl; store the zone as Intl spells it. */
function canonicalTimeZone(timeZone: string): string {
  return new Intl.DateTimeFormat('en-US', { timeZone }).resolvedOptions().timeZone;
}

function duplicateCode(error: unknown): never {
  const driverError = (error as { driverError?: { code?: string; constraint?: string } }).driverError;
  if (driverError?.code === '23505' && driverError.constraint !== 'warehouses_one_default') {
    throw conflict('A warehouse with this code already exists', [
      { field: 'code', message: 'is already in use' },
    ]);
  }
  throw error;
}
