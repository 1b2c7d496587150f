import type { Warehouse } from '@tradecounter/contracts';
import type { WarehouseEntity } from './warehouse.entity';

export function toWarehouse(entity: WarehouseEntity): Warehouse {
  return {
    code: entity.code,
    name: entity.name,
    timeZone: entity.timeZone,
    cutoffTime: entity.cutoffTime,
    handlingDays: entity.handlingDays,
    transitDays: entity.transitDays,
    isDefault: entity.isDefault,
    version: entity.version,
  };
}

/** What the audit trail keeps of a warehouse. */
export function auditableWarehouse(warehouse: Warehouse | WarehouseEntity): Record<string, unknown> {
  const { version: _version, ...fields } = toWarehouse(warehouse as WarehouseEntity);
  return fields;
}

/** `"<version>"`: the warehouse's ETag. */
export const warehouseEtag = (version: number) => `"${version}"`;
