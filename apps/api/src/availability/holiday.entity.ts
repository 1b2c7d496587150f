import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A non-business day besides weekends, for every warehouse. */
@Entity({ name: 'holidays' })
export class HolidayEntity {
  @PrimaryColumn({ type: 'date' })
  date: string;

  /** "Christmas Day"; null for a date saved without one. */
  @Column({ type: 'text', nullable: true })
  name: string | null;
}
