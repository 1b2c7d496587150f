import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { OrderEntity } from '../orders/order.entity';
import { WaveEntity } from './wave.entity';

/**
 * An order in a wave. `open` follows the wave's status; the partial unique
 * index keeps an order in at most one open wave even when two waves race.
 */
@Entity({ name: 'wave_orders' })
@Index('wave_orders_open_order_key', ['orderId'], { unique: true, where: 'open' })
@Index('wave_orders_order_idx', ['orderId'])
export class WaveOrderEntity {
  @PrimaryColumn({ name: 'wave_id', type: 'uuid' })
  waveId: string;

  @PrimaryColumn({ name: 'order_id', type: 'uuid' })
  orderId: string;

  @ManyToOne(() => WaveEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'wave_id' })
  wave?: Relation<WaveEntity>;

  @ManyToOne(() => OrderEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'order_id' })
  order?: Relation<OrderEntity>;

  @Column({ type: 'boolean', default: true })
  open: boolean;
}
