import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { InboundEntity } from '../availability/inbound.entity';
import { OrderLineEntity } from './order-line.entity';

/** Units of one inbound receipt promised to one order line, until the receipt arrives or the line is cancelled. */
@Entity({ name: 'order_line_allocations' })
@Check('order_line_allocations_qty_check', `qty > 0`)
@Index('order_line_allocations_inbound_idx', ['inboundId'])
export class OrderLineAllocationEntity {
  @PrimaryColumn({ name: 'order_line_id', type: 'uuid' })
  orderLineId: string;

  @PrimaryColumn({ name: 'inbound_id', type: 'uuid' })
  inboundId: string;

  @ManyToOne(() => OrderLineEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'order_line_id' })
  line?: Relation<OrderLineEntity>;

  @ManyToOne(() => InboundEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'inbound_id' })
  inbound?: Relation<InboundEntity>;

  @Column({ type: 'integer' })
  qty: number;
}
