import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Coarser sales rollups (migration 1765065600000-report-coarse-rollups),
 * each the exact sum of a finer rollup in rollup.entities.ts and kept by
 * triggers on it in the same transaction. A report reads the coarsest one
 * that still carries every dimension its filter and grouping need (see
 * sales-source.ts): a year by product is 12 × products rows instead of
 * 365 × accounts × channels × products. Months are the first day of the
 * month, in the deployment time zone like the days.
 */
const rollupMoney = { type: 'numeric', precision: 16, scale: 2, default: 0 } as const;

/** sales_by_day summed per month. */
@Entity({ name: 'sales_by_month' })
@Index('sales_by_month_account_idx', ['accountId', 'month'])
export class SalesByMonthEntity {
  @PrimaryColumn({ type: 'date' })
  month: string;

  @PrimaryColumn({ name: 'account_id', type: 'uuid' })
  accountId: string;

  @PrimaryColumn({ type: 'text' })
  channel: string;

  @Column({ type: 'integer', default: 0 })
  orders: number;

  @Column({ type: 'bigint', default: 0 })
  units: string;

  @Column({ name: 'net_sales', ...rollupMoney })
  netSales: string;
}

/** sales_by_day_product summed per month. */
@Entity({ name: 'sales_by_month_product' })
@Index('sales_by_month_product_account_idx', ['accountId', 'month'])
export class SalesByMonthProductEntity {
  @PrimaryColumn({ type: 'date' })
  month: string;

  @PrimaryColumn({ name: 'account_id', type: 'uuid' })
  accountId: string;

  @PrimaryColumn({ type: 'text' })
  channel: string;

  @PrimaryColumn({ name: 'product_id', type: 'uuid' })
  productId: string;

  /** Order lines, so also the orders with the product. */
  @Column({ type: 'integer', default: 0 })
  orders: number;

  @Column({ type: 'bigint', default: 0 })
  units: string;

  @Column({ name: 'net_sales', ...rollupMoney })
  netSales: string;
}

/** sales_by_day_product summed over accounts and channels. */
@Entity({ name: 'product_sales_by_day' })
export class ProductSalesByDayEntity {
  @PrimaryColumn({ type: 'date' })
  day: string;

  @PrimaryColumn({ name: 'product_id', type: 'uuid' })
  productId: string;

  @Column({ type: 'integer', default: 0 })
  orders: number;

  @Column({ type: 'bigint', default: 0 })
  units: string;

  @Column({ name: 'net_sales', ...rollupMoney })
  netSales: string;
}

/** product_sales_by_day summed per month. */
@Entity({ name: 'product_sales_by_month' })
export class ProductSalesByMonthEntity {
  @PrimaryColumn({ type: 'date' })
  month: string;

  @PrimaryColumn({ name: 'product_id', type: 'uuid' })
  productId: string;

  @Column({ type: 'integer', default: 0 })
  orders: number;

  @Column({ type: 'bigint', default: 0 })
  units: string;

  @Column({ name: 'net_sales', ...rollupMoney })
  netSales: string;
}
