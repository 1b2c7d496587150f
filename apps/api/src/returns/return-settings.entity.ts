import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

/** One row: the return window in days after delivery for products that name none. */
@Entity({ name: 'return_settings' })
@Check('return_settings_one_row', `id`)
@Check('return_settings_window_check', `default_window_days >= 0`)
export class ReturnSettingsEntity {
  @PrimaryColumn({ type: 'boolean', default: true })
  id: boolean;

  @Column({ name: 'default_window_days', type: 'integer', default: 30 })
  defaultWindowDays: number;
}
