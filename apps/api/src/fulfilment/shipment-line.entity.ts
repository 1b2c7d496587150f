import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { OrderLineEntity } from '../orders/order-line.entity';
import { ShipmentEntity } from './shipment.entity';

/** How many units of one order line a shipment carried. */
@Entity({ name: 'shipment_lines' })
@Check('shipment_lines_quantity_check', `quantity > 0`)
@Index('shipment_lines_order_line_idx', ['orderLineId'])
export class ShipmentLineEntity {
  @PrimaryColumn({ name: 'shipment_id', type: 'uuid' })
  shipmentId: string;

  @PrimaryColumn({ name: 'order_line_id', type: 'uuid' })
  orderLineId: string;

  @ManyToOne(() => ShipmentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'shipment_id' })
  shipment?: Relation<ShipmentEntity>;

  @ManyToOne(() => OrderLineEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'order_line_id' })
  line?: Relation<OrderLineEntity>;

  @Column({ type: 'integer' })
  quantity: number;

  /**
   * The ship date promised for the last unit this shipment carried (the
   * line's promise splits in date order), and how many business days
   * later it shipped (negative: early). Set by the database on insert.
   */
  @Column({ name: 'promised_ship_date', type: 'date' })
  promisedShipDate: string;

  @Column({ name: 'ship_error_days', type: 'integer' })
  shipErrorDays: number;
}
