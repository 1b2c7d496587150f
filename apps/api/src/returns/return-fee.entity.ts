import { Check, Column, Entity, PrimaryColumn } from 'typeorm';
import type { ReturnReason } from '@tradecounter/contracts';

/** The restocking fee the admin set for one return reason, a percentage (0 to 100). One row per reason. */
@Entity({ name: 'return_fees' })
@Check('return_fees_reason_check', `reason IN ('damaged', 'defective', 'wrong_item', 'not_needed', 'other')`)
@Check('return_fees_percent_check', `percent >= 0 AND percent <= 100`)
export class ReturnFeeEntity {
  @PrimaryColumn({ type: 'text' })
  reason: ReturnReason;

  /** numeric(5,2) as a string ("12.50"): never a float. */
  @Column({ type: 'numeric', precision: 5, scale: 2, default: 0 })
  percent: string;
}
