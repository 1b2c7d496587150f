import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ProductImage } from '@tradecounter/contracts';
import { productImageCacheControl, ProductImageSize } from '@tradecounter/domain';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { notFound } from '../common/http/problem';
import { ImageProcessor } from './image-processor';
import { productImageUrls } from './image-urls';
import { ProductImageFacts, ProductImagesRepository } from './product-images.repository';
import { ProductsRepository } from './products.repository';

/** What serving one size of an image answers: the bytes, or a 304 when the browser's copy is current. */
export interface ServedImage {
  status: 200 | 304;
  headers: Record<string, string>;
  bytes?: Buffer;
}

/**
 * A product's one image: an admin puts or removes it (audited against the
 * product), anybody with its URL is served it. Decoding and resizing run
 * before the transaction, so no database connection waits on libvips.
 */
@Injectable()
export class ProductImagesService {
  constructor(
    private readonly images: ProductImagesRepository,
    private readonly products: ProductsRepository,
    private readonly processor: ImageProcessor,
    private readonly audit: AuditService,
    private readonly dataSource: DataSource,
  ) {}

  async put(actor: AuthUser, productId: string, bytes: Buffer, contentType: string | undefined) {
    if (!(await this.products.findById(productId))) throw notFound('Product');
    const image = await this.processor.process(bytes, contentType);
    return this.dataSource.transaction(async (tx): Promise<ProductImage> => {
      const before = await this.images.facts(tx, productId);
      const saved = await this.images.put(tx, productId, image);
      await this.recordChange(tx, actor, productId, before, saved);
      return toProductImage(saved);
    });
  }

  async remove(actor: AuthUser, productId: string): Promise<void> {
    if (!(await this.products.findById(productId))) throw notFound('Product');
    await this.dataSource.transaction(async (tx) => {
      const before = await this.images.remove(tx, productId);
      if (!before) throw notFound('Product image');
      await this.recordChange(tx, actor, productId, before, null);
    });
  }

  /**
   * One size, with a strong ETag per version and size. A URL naming the
   * current version is immutable; any other is revalidated each time.
   */
  async serve(
    productId: string,
    size: ProductImageSize,
    requestedVersion: string | undefined,
    ifNoneMatch: string | undefined,
  ): Promise<ServedImage> {
    const found = await this.images.served(productId, size);
    if (!found) throw notFound('Product image');
    const etag = `"${found.version}-${size}"`;
    const headers = {
      ETag: etag,
      'Cache-Control': productImageCacheControl(requestedVersion, found.version),
    };
    if (ifNoneMatch && matchesEtag(ifNoneMatch, etag)) return { status: 304, headers };
    return { status: 200, headers: { ...headers, 'Content-Type': 'image/webp' }, bytes: found.bytes };
  }

  /** An image change is a change to its product, in the product's audit trail. */
  private recordChange(
    tx: Parameters<AuditService['record']>[0],
    actor: AuthUser,
    productId: string,
    before: ProductImageFacts | null,
    after: ProductImageFacts | null,
  ) {
    return this.audit.record(tx, {
      actorId: actor.id,
      entity: 'product',
      entityId: productId,
      accountId: null,
      action: 'update',
      before: { image: before ? auditableImage(before) : null },
      after: { image: after ? auditableImage(after) : null },
    });
  }
}

function toProductImage(facts: ProductImageFacts): ProductImage {
  const urls = productImageUrls(facts.productId, facts.version);
  return {
    productId: facts.productId,
    version: facts.version,
    imageUrl: urls.imageUrl as string,
    thumbnailUrl: urls.thumbnailUrl as string,
    contentType: facts.contentType,
    width: facts.width,
    height: facts.height,
    byteSize: facts.byteSize,
    updatedAt: facts.updatedAt.toISOString(),
  };
}

function auditableImage(facts: ProductImageFacts) {
  return {
    version: facts.version,
    contentType: facts.contentType,
    width: facts.width,
    height: facts.height,
    byteSize: facts.byteSize,
  };
}

/** If-None-Match: `*`, or a list of tags compared weakly (RFC 9110 §13.1.2). */
export function matchesEtag(header: string, etag: string): boolean {
  if (header.trim() === '*') return true;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => opaque(tag) === opaque(etag));
}
