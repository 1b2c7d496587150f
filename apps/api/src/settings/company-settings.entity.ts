import { Check, Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * One row: the company every document comes from (its letterhead), and the
 * logo drawn top-left on it. `version` goes up with every change, so a
 * cached PDF keyed by it is never stale. The logo is small (1 MB at most)
 * and kept in PostgreSQL like product images: every API instance and every
 * backup has it, with nothing more to set up.
 */
@Entity({ name: 'company_settings' })
@Check('company_settings_one_row', `id`)
@Check('company_settings_logo_check', `(logo IS NULL) = (logo_content_type IS NULL)`)
export class CompanySettingsEntity {
  @PrimaryColumn({ type: 'boolean', default: true })
  id: boolean;

  @Column({ type: 'text' })
  name: string;

  /** The postal address, one element per printed line. */
  @Column({ type: 'text', array: true })
  address: string[];

  @Column({ type: 'text', nullable: true })
  email: string | null;

  @Column({ type: 'text', nullable: true })
  phone: string | null;

  @Column({ type: 'text', nullable: true })
  registration: string | null;

  /** Not selected unless asked for: reading the letterhead's text never drags the image along. */
  @Column({ type: 'bytea', nullable: true, select: false })
  logo: Buffer | null;

  /** image/png or image/jpeg, with the logo. */
  @Column({ name: 'logo_content_type', type: 'text', nullable: true })
  logoContentType: string | null;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
