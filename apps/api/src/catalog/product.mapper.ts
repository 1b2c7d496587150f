import type { CaseBarcode, Product } from '@tradecounter/contracts';
import { productImageUrls } from './image-urls';
import type { CatalogProduct, ProductEntity } from './product.entity';

/** `imageVersion`: the product's image version, if it has an image. */
export function toProduct(entity: CatalogProduct, imageVersion?: string | null): Product {
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
    returnWindowDays: entity.returnWindowDays ?? null,
    ...productImageUrls(entity.id, imageVersion),
  };
}

/** What staff see besides: the barcode and case barcodes (customers never get them). */
export function withCodes(
  product: Product,
  entity: Pick<CatalogProduct, 'barcode'>,
  caseBarcodes: CaseBarcode[] | undefined,
): Product {
  return { ...product, barcode: entity.barcode, caseBarcodes: caseBarcodes ?? [] };
}

export function auditableProduct(
  entity: ProductEntity,
  caseBarcodes?: CaseBarcode[],
): Record<string, unknown> {
  const { id: _id, imageUrl: _image, thumbnailUrl: _thumbnail, ...fields } = toProduct(entity);
  return { ...fields, barcode: entity.barcode, ...(caseBarcodes ? { caseBarcodes } : {}) };
}
