import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Picks (shipment lines) per warehouse, UTC day and product: velocity reads
 * 90 days of it by primary key instead of joining every shipment line.
 * Kept by the shipment_lines_picks trigger; PICKS_REBUILD_SQL after bulk loads.
 */
@Entity({ name: 'picks_by_day' })
export class PicksByDayEntity {
  @PrimaryColumn({ name: 'warehouse_code', type: 'text' })
  warehouseCode: string;

  @PrimaryColumn({ type: 'date' })
  day: string;

  @PrimaryColumn({ name: 'product_id', type: 'uuid' })
  productId: string;

  @Column({ type: 'integer', default: 0 })
  picks: number;
}
