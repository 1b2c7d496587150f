import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * Where a carrier's tracking numbers are looked up: a URL template with
 * `{trackingNumber}` (settings an admin keeps; UPS, FedEx, USPS and DHL to
 * start). A shipment's carrier matches it case-insensitively.
 */
@Entity({ name: 'carrier_tracking' })
export class CarrierTrackingEntity {
  @PrimaryColumn({ type: 'text' })
  carrier: string;

  @Column({ name: 'url_template', type: 'text' })
  urlTemplate: string;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
