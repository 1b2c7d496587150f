import { Entity, PrimaryColumn } from 'typeorm';

/** A non-business day besides weekends, for every warehouse. */
@Entity({ name: 'holidays' })
export class HolidayEntity {
  @PrimaryColumn({ type: 'date' })
  date: string;
}
