import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Units ordered per day (deployment time zone), warehouse, product and
 * account: replenishment's demand, kept by triggers (migration
 * 1766361600000-demand-rollup). Cancelled and rejected orders are not in it.
 */
@Entity({ name: 'demand_by_day' })
@Index('demand_by_day_account_idx', ['accountId', 'day'])
export class DemandByDayEntity {
  @PrimaryColumn({ type: 'date' })
  day: string;

  @PrimaryColumn({ name: 'warehouse_code', type: 'text' })
  warehouseCode: string;

  @PrimaryColumn({ name: 'product_id', type: 'uuid' })
  productId: string;

  @PrimaryColumn({ name: 'account_id', type: 'uuid' })
  accountId: string;

  @Column({ type: 'bigint', default: 0 })
  units: string;
}
