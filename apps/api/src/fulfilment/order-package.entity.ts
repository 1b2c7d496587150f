import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import { OrderEntity } from '../orders/order.entity';

/** A parcel an order was packed in, numbered from 1, with its weight when weighed. */
@Entity({ name: 'order_packages' })
@Check('order_packages_weight_check', `weight_kg IS NULL OR weight_kg > 0`)
export class OrderPackageEntity {
  @PrimaryColumn({ name: 'order_id', type: 'uuid' })
  orderId: string;

  @PrimaryColumn({ name: 'package_no', type: 'integer' })
  packageNo: number;

  @ManyToOne(() => OrderEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'order_id' })
  order?: Relation<OrderEntity>;

  /** Kilograms to the gram; kept exact as numeric. */
  @Column({ name: 'weight_kg', type: 'numeric', precision: 9, scale: 3, nullable: true })
  weightKg: string | null;
}
