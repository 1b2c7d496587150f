import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

/** One row: how far receiving may exceed the ordered quantity (a share of it, 0 to 1). */
@Entity({ name: 'purchasing_settings' })
@Check('purchasing_settings_one_row', `id`)
@Check('purchasing_settings_tolerance_check', `receipt_tolerance >= 0 AND receipt_tolerance <= 1`)
export class PurchasingSettingsEntity {
  @PrimaryColumn({ type: 'boolean', default: true })
  id: boolean;

  /** numeric(4,3) as a string ("0.050"): never a float in storage. */
  @Column({ name: 'receipt_tolerance', type: 'numeric', precision: 4, scale: 3, default: 0 })
  receiptTolerance: string;
}
