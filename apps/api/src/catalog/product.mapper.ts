import type { Product } from '@tradecounter/contracts';
import type { ProductEntity } from './product.entity';

export function toProduct(entity: ProductEntity): Product {
  return {
    id: entity.id,
    sku: entity.sku,
    name: entity.name,
    description: entity.description,
    category: entity.category,
    unit: entity.unit,
    listPrice: entity.listPrice,
    minOrderQty: entity.minOrderQty,
    orderMultiple: entity.orderMultiple,
    leadTimeDays: entity.leadTimeDays,
    backorderable: entity.backorderable,
    active: entity.active,
  };
}

export function auditableProduct(entity: ProductEntity): Record<string, unknown> {
  const { id: _id, ...fields } = toProduct(entity);
  return fields;
}
