import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { escapeLikePattern, searchTerms } from '@tradecounter/domain';
import type { Category, ProductSortField, SortDirection } from '@tradecounter/contracts';
import type { PageRequest } from '../common/http/pagination.dto';
import { orderByClause, sortOrder, type SortSpec } from '../common/http/sort';
import { CatalogProduct, ProductEntity } from './product.entity';
import { prepared } from '../database/prepared-statements';

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

/** A page of products, its total, and the image version of those that have an image. */
export interface ProductPage {
  items: CatalogProduct[];
  total: number;
  imageVersions: Map<string, string>;
}

/** The catalog's columns of a product, as `CatalogProduct` names them. */
const PRODUCT_COLUMNS = `p.id, p.sku, p.name, p.description, p.barcode, p.category, p.unit,
       p.list_price AS "listPrice", p.min_order_qty AS "minOrderQty", p.order_multiple AS "orderMultiple",
       p.lead_time_days AS "leadTimeDays", p.backorderable, p.active, p.return_window_days AS "returnWindowDays"`;

/** The products of a category (or all), active only unless asked, from the trigger-kept counts. */
function categoryTotal(filter: ProductFilter, category: string | undefined): string {
  const counted = filter.includeInactive ? 'c.all_products' : 'c.active_products';
  return `(SELECT coalesce(sum(${counted}), 0)::int FROM product_category_counts c
            ${category ? `WHERE c.category = ${category}` : ''})`;
}

const PRODUCT_SORT: SortSpec<ProductSortField> = {
  columns: { sku: 'p.sku', name: 'p.name', category: 'p.category', listPrice: 'p.list_price' },
  tieBreaker: 'p.id',
  defaultField: 'sku',
  defaultDirection: 'asc',
};

/** Products by id or SKU, as placing and quoting need them. */
const FOR_ORDER_SQL = prepared(
  'products_for_order',
  `SELECT id, sku, name, list_price::text AS "listPrice", min_order_qty AS "minOrderQty",
              order_multiple AS "orderMultiple", lead_time_days AS "leadTimeDays", backorderable, active
         FROM products
        WHERE id = ANY($1::uuid[]) OR sku = ANY($2::text[])`,
);

@Injectable()
export class ProductsRepository {
  constructor(@InjectRepository(ProductEntity) private readonly products: Repository<ProductEntity>) {}

  findById(id: string): Promise<ProductEntity | null> {
    return this.products.findOneBy({ id });
  }

  /** Products named by id or SKU, sold or not (the resolver names a withdrawn one), without entity hydration. */
  findForOrder(manager: EntityManager, ids: string[], skus: string[]): Promise<OrderableProduct[]> {
    if (ids.length === 0 && skus.length === 0) return Promise.resolve([]);
    return manager.query(FOR_ORDER_SQL, [ids, skus]) as Promise<OrderableProduct[]>;
  }

  skuExists(sku: string, exceptId?: string): Promise<boolean> {
    const query = this.products.createQueryBuilder('p').where('p.sku = :sku', { sku });
    if (exceptId) query.andWhere('p.id <> :exceptId', { exceptId });
    return query.getExists();
  }

  /**
   * The page and its total. Every word must appear in "sku name"
   * (trigram-indexed); SKU-prefix matches rank first. Filtered by words,
   * stock or purchases, the total is a window count over the (few) matches;
   * otherwise it is read from the per-category counts, so a page of a
   * 100,000-product catalog reads 25 rows by index, not all of them.
   */
  async search(filter: ProductFilter, page: PageRequest): Promise<ProductPage> {
    const terms = searchTerms(filter.search);
    const countedByCategory = terms.length === 0 && !filter.inStockAt && !filter.boughtBy;
    // Written by hand, not through the query builder: this is the most requested page of all, and
    // building the builder's SQL and hydrating entities cost more of its CPU than reading the rows.
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    const where: string[] = [];
    const category = filter.category ? param(filter.category) : undefined;
    if (!filter.includeInactive) where.push('p.active');
    if (category) where.push(`p.category = ${category}`);
    if (filter.inStockAt) {
      where.push(`EXISTS (SELECT 1 FROM stock s
                   WHERE s.product_id = p.id AND s.warehouse_code = ${param(filter.inStockAt)}
                     AND s.on_hand > s.reserved)`);
    }
    if (filter.boughtBy) {
      where.push(`p.id IN (SELECT l.product_id FROM orders o JOIN order_lines l ON l.order_id = o.id
                    WHERE o.account_id = ${param(filter.boughtBy)}::uuid
                      AND o.status NOT IN ('cancelled', 'rejected'))`);
    }
    for (const term of terms) {
      where.push(`lower(p.sku || ' ' || p.name) LIKE ${param(`%${escapeLikePattern(term)}%`)}`);
    }
    // The page's image versions and its total come back with its rows: one round trip per page.
    const total = countedByCategory ? categoryTotal(filter, category) : 'count(*) OVER ()';
    let rank = '';
    let orderBy = 'ORDER BY p.sku ASC';
    if (filter.sort) {
      orderBy = orderByClause(sortOrder(PRODUCT_SORT, filter));
    } else if (terms.length > 0) {
      const patterns = wordStartPatterns(terms[0] ?? '');
      rank = `, CASE WHEN lower(p.sku) LIKE ${param(patterns.prefix)} THEN 0
                     WHEN lower(p.sku) LIKE ${param(patterns.skuWord)}
                       OR ' ' || lower(p.name) LIKE ${param(patterns.nameWord)} THEN 1
                     ELSE 2 END AS rank`;
      orderBy = 'ORDER BY rank ASC, p.sku ASC';
    }
    const rows = (await this.products.query(
      `SELECT ${PRODUCT_COLUMNS},
              (SELECT i.version FROM product_images i WHERE i.product_id = p.id) AS "imageVersion",
              ${total} AS total${rank}
         FROM products p
        ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
        ${orderBy}
        LIMIT ${param(page.pageSize)} OFFSET ${param(page.offset)}`,
      params,
    )) as (CatalogProduct & { imageVersion: string | null; total: string | number })[];
    if (rows.length === 0) {
      // No row to carry the total: past the last page, count on its own; on the first, there is none.
      return { items: [], total: page.offset > 0 ? await this.count(filter) : 0, imageVersions: new Map() };
    }
    const imageVersions = new Map<string, string>();
    const items = rows.map(({ imageVersion, total: _total, ...product }) => {
      if (imageVersion !== null) imageVersions.set(product.id, imageVersion);
      return product;
    });
    return { items, total: Number(rows[0]?.total ?? 0), imageVersions };
  }

  async categories(): Promise<Category[]> {
    return (await this.products.query(
      `SELECT category AS name, active_products AS "productCount" FROM product_category_counts
        WHERE active_products > 0 ORDER BY category`,
    )) as Category[];
  }

  save(manager: EntityManager, product: ProductEntity): Promise<ProductEntity> {
    return manager.getRepository(ProductEntity).save(product);
  }

  create(fields: Partial<ProductEntity>): ProductEntity {
    return this.products.create(fields);
  }

  private async count(filter: ProductFilter): Promise<number> {
    return (await this.search(filter, { page: 1, pageSize: 1, offset: 0 })).total;
  }
}

/** Ranking patterns: the SKU starts with the term, or a SKU part or name word does. */
function wordStartPatterns(term: string): Record<string, string> {
  const escaped = escapeLikePattern(term);
  return { prefix: `${escaped}%`, skuWord: `%-${escaped}%`, nameWord: `% ${escaped}%` };
}
