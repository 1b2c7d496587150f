import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { ProductImageSize } from '@tradecounter/domain';
import type { ProcessedImage } from './image-processor';
import { ProductImageEntity } from './product-image.entity';

/** An image's facts, without its bytes. */
export type ProductImageFacts = Omit<ProductImageEntity, 'original' | 'thumb' | 'large' | 'product'>;

/** The only SQL of product images. Byte columns are read one size at a time, and only to serve it. */
@Injectable()
export class ProductImagesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The current image version of each product that has one, in one query whatever their number. */
  async versions(productIds: string[]): Promise<Map<string, string>> {
    if (productIds.length === 0) return new Map();
    const rows = (await this.dataSource.query(
      `SELECT product_id AS "productId", version FROM product_images WHERE product_id = ANY($1::uuid[])`,
      [productIds],
    )) as { productId: string; version: string }[];
    return new Map(rows.map((row) => [row.productId, row.version]));
  }

  facts(manager: EntityManager, productId: string): Promise<ProductImageFacts | null> {
    return manager.getRepository(ProductImageEntity).findOneBy({ productId });
  }

  /** One served size and the version it belongs to. */
  async served(
    productId: string,
    size: ProductImageSize,
  ): Promise<{ version: string; bytes: Buffer } | null> {
    const column = size === 'thumb' ? 'thumb' : 'large';
    const [row] = (await this.dataSource.query(
      `SELECT version, ${column} AS bytes FROM product_images WHERE product_id = $1`,
      [productId],
    )) as { version: string; bytes: Buffer }[];
    return row ?? null;
  }

  /** Stores the product's image, replacing any it had. */
  async put(manager: EntityManager, productId: string, image: ProcessedImage): Promise<ProductImageFacts> {
    await manager.query(
      `INSERT INTO product_images
              (product_id, version, content_type, width, height, byte_size, original, thumb, large, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, now())
       ON CONFLICT (product_id) DO UPDATE
          SET version = EXCLUDED.version, content_type = EXCLUDED.content_type, width = EXCLUDED.width,
              height = EXCLUDED.height, byte_size = EXCLUDED.byte_size, original = EXCLUDED.original,
              thumb = EXCLUDED.thumb, large = EXCLUDED.large, updated_at = now()`,
      [
        productId,
        image.version,
        image.contentType,
        image.width,
        image.height,
        image.byteSize,
        image.original,
        image.sizes.thumb,
        image.sizes.large,
      ],
    );
    return (await this.facts(manager, productId)) as ProductImageFacts;
  }

  /** The image's facts as they were, or null when the product had none. */
  async remove(manager: EntityManager, productId: string): Promise<ProductImageFacts | null> {
    const before = await this.facts(manager, productId);
    if (before) await manager.query(`DELETE FROM product_images WHERE product_id = $1`, [productId]);
    return before;
  }
}
