import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { escapeLikePattern, searchTerms } from '@tradecounter/domain';
import type { Category, ProductSortField, SortDirection } from '@tradecounter/contracts';
import type { PageRequest } from '../common/http/pagination.dto';
import { applySortOrder, sortOrder, type SortSpec } from '../common/http/sort';
import { ProductEntity } from './product.entity';

export interface PricingProduct {
  id: string;
  sku: string;
  name: string;
  listPrice: string;
  minOrderQty: number;
  orderMultiple: number;
}

/** What ordering needs of a product, active or not (an inactive one is refused by name). */
export interface OrderableProduct extends PricingProduct {
  leadTimeDays: number;
  backorderable: boolean;
  active: boolean;
}

export interface ProductFilter {
  search?: string;
  category?: string;
  includeInactive: boolean;
  sort?: ProductSortField;
  dir?: SortDirection;
  /** Only products with units available (on hand, not reserved) at this warehouse. */
  inStockAt?: string;
  /** Only products this account has on an order that stands (not cancelled or rejected). */
  boughtBy?: string;
}

const PRODUCT_SORT: SortSpec<ProductSortField> = {
  columns: { sku: 'p.sku', name: 'p.name', category: 'p.category', listPrice: 'p.listPrice' },
  tieBreaker: 'p.id',
  defaultField: 'sku',
  defaultDirection: 'asc',
};

@Injectable()
export class ProductsRepository {
  constructor(@InjectRepository(ProductEntity) private readonly products: Repository<ProductEntity>) {}

  findById(id: string): Promise<ProductEntity | null> {
    return this.products.findOneBy({ id });
  }

  /** Products named by id or SKU, sold or not (the resolver names a withdrawn one), without entity hydration. */
  findForOrder(manager: EntityManager, ids: string[], skus: string[]): Promise<OrderableProduct[]> {
    if (ids.length === 0 && skus.length === 0) return Promise.resolve([]);
    return manager.query(
      `SELECT id, sku, name, list_price::text AS "listPrice", min_order_qty AS "minOrderQty",
              order_multiple AS "orderMultiple", lead_time_days AS "leadTimeDays", backorderable, active
         FROM products
        WHERE id = ANY($1::uuid[]) OR sku = ANY($2::text[])`,
      [ids, skus],
    ) as Promise<OrderableProduct[]>;
  }

  skuExists(sku: string, exceptId?: string): Promise<boolean> {
    const query = this.products.createQueryBuilder('p').where('p.sku = :sku', { sku });
    if (exceptId) query.andWhere('p.id <> :exceptId', { exceptId });
    return query.getExists();
  }

  /**
   * One query for the page and its total (a window count). Every word must
   * appear in "sku name" (trigram-indexed); SKU-prefix matches rank first.
   */
  async search(filter: ProductFilter, page: PageRequest): Promise<[ProductEntity[], number]> {
    const query = this.products.createQueryBuilder('p').addSelect('count(*) OVER ()', 'total');
    if (!filter.includeInactive) query.andWhere('p.active');
    if (filter.category) query.andWhere('p.category = :category', { category: filter.category });
    if (filter.inStockAt) {
      query.andWhere(
        `EXISTS (SELECT 1 FROM stock s
                  WHERE s.product_id = p.id AND s.warehouse_code = :inStockAt AND s.on_hand > s.reserved)`,
        { inStockAt: filter.inStockAt },
      );
    }
    if (filter.boughtBy) {
      query.andWhere(
        `p.id IN (SELECT l.product_id FROM orders o JOIN order_lines l ON l.order_id = o.id
                   WHERE o.account_id = :boughtBy AND o.status NOT IN ('cancelled', 'rejected'))`,
        { boughtBy: filter.boughtBy },
      );
    }
    const terms = searchTerms(filter.search);
    terms.forEach((term, index) => {
      query.andWhere(`lower(p.sku || ' ' || p.name) LIKE :t${index}`, {
        [`t${index}`]: `%${escapeLikePattern(term)}%`,
      });
    });
    if (filter.sort) {
      applySortOrder(query, sortOrder(PRODUCT_SORT, filter));
    } else if (terms.length > 0) {
      query
        .addSelect(
          `CASE WHEN lower(p.sku) LIKE :prefix THEN 0
                WHEN lower(p.sku) LIKE :skuWord OR ' ' || lower(p.name) LIKE :nameWord THEN 1
                ELSE 2 END`,
          'rank',
        )
        .setParameters(wordStartPatterns(terms[0] ?? ''))
        .orderBy('rank', 'ASC')
        .addOrderBy('p.sku', 'ASC');
    } else {
      query.orderBy('p.sku', 'ASC');
    }
    query.offset(page.offset).limit(page.pageSize);
    const { entities, raw } = await query.getRawAndEntities();
    if (entities.length === 0 && page.offset > 0) {
      const total = await this.count(filter);
      return [[], total];
    }
    const total = entities.length === 0 ? 0 : Number((raw[0] as { total: string }).total);
    return [entities, total];
  }

  async categories(): Promise<Category[]> {
    const rows = await this.products
      .createQueryBuilder('p')
      .select('p.category', 'name')
      .addSelect('count(*)::int', 'productCount')
      .where('p.active')
      .groupBy('p.category')
      .orderBy('p.category', 'ASC')
      .getRawMany<Category>();
    return rows;
  }

  save(manager: EntityManager, product: ProductEntity): Promise<ProductEntity> {
    return manager.getRepository(ProductEntity).save(product);
  }

  create(fields: Partial<ProductEntity>): ProductEntity {
    return this.products.create(fields);
  }

  private async count(filter: ProductFilter): Promise<number> {
    const [, total] = await this.search(filter, { page: 1, pageSize: 1, offset: 0 });
    return total;
  }
}

/** Ranking patterns: the SKU starts with the term, or a SKU part or name word does. */
function wordStartPatterns(term: string): Record<string, string> {
  const escaped = escapeLikePattern(term);
  return { prefix: `${escaped}%`, skuWord: `%-${escaped}%`, nameWord: `% ${escaped}%` };
}
