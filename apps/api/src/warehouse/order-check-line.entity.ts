import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { OrderLineEntity } from '../orders/order-line.entity';
import { OrderEntity } from '../orders/order.entity';

/**
 * Units of an order line confirmed at the check step for the packing to
 * come; packing consumes them (the rows are deleted when the order packs).
 */
@Entity({ name: 'order_check_lines' })
@Check('order_check_lines_confirmed_check', `confirmed >= 0`)
export class OrderCheckLineEntity {
  @PrimaryColumn({ name: 'order_id', type: 'uuid' })
  orderId: string;

  @PrimaryColumn({ name: 'order_line_id', type: 'uuid' })
  orderLineId: string;

  @ManyToOne(() => OrderEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'order_id' })
  order?: Relation<OrderEntity>;

  @ManyToOne(() => OrderLineEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'order_line_id' })
  orderLine?: Relation<OrderLineEntity>;

  @Column({ type: 'integer', default: 0 })
  confirmed: number;
}
