import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * How many products each category has (active ones, and all), kept by
 * statement-level triggers on products (migration 1766534402000), so the
 * catalog's total and its category list cost a few rows at 100,000 products
 * instead of counting them on every page.
 */
@Entity({ name: 'product_category_counts' })
export class ProductCategoryCountEntity {
  @PrimaryColumn({ type: 'text' })
  category: string;

  @Column({ name: 'active_products', type: 'integer', default: 0 })
  activeProducts: number;

  @Column({ name: 'all_products', type: 'integer', default: 0 })
  allProducts: number;
}
