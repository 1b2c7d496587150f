import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { LineReference } from '@tradecounter/contracts';
import { LineRules, referencedKeys, resolveLineReferences } from '@tradecounter/domain';
import { refuseBadLines } from '../common/http/line-problems';
import { OrderableProduct, ProductsRepository } from './products.repository';

/** A requested line with its product. */
export interface ResolvedLine {
  product: OrderableProduct;
  quantity: number;
}

/**
 * The requested lines of an order, a channel order, a template or a quote,
 * resolved to their products in one query, by the one rule of
 * `resolveLineReferences`: every bad line named (400), nothing resolved
 * unless all are. (The promise route reads its products with their supply,
 * in the availability context below the catalog, and applies the same rule.)
 */
@Injectable()
export class LineResolver {
  constructor(
    private readonly products: ProductsRepository,
    private readonly dataSource: DataSource,
  ) {}

  /** With `manager`, the products are read in the caller's transaction (ordering). */
  async resolve(
    asked: readonly LineReference[],
    rules: LineRules,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ResolvedLine[]> {
    const { ids, skus } = referencedKeys(asked);
    const found = await this.products.findForOrder(manager, ids, skus);
    return refuseBadLines(resolveLineReferences(asked, found, rules));
  }
}
