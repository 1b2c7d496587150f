import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { HolidayList, NamedHoliday } from '@tradecounter/contracts';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { ChangeNotices } from '../common/change-notices';
import type { HolidayToSave } from './holiday-list.pipe';
import { HolidaysRepository } from './holidays.repository';

/** The business calendar: weekends and these dates are not business days, for every warehouse. */
@Injectable()
export class HolidaysService {
  constructor(
    private readonly holidays: HolidaysRepository,
    private readonly changes: ChangeNotices,
    private readonly audit: AuditService,
    private readonly dataSource: DataSource,
  ) {}

  list(): Promise<HolidayList> {
    return this.holidays.list();
  }

  named(): Promise<NamedHoliday[]> {
    return this.holidays.named();
  }

  /**
   * Replaces the whole list (sorted, one per date); audited as the dates
   * added and removed, and the names given to dates kept or added.
   */
  async replace(actor: AuthUser, holidays: HolidayToSave[]): Promise<HolidayList> {
    await this.dataSource.transaction(async (tx) => {
      await this.holidays.lock(tx);
      const before = await this.holidays.named(tx);
      await this.holidays.replace(tx, holidays);
      await this.changes.changed(tx, 'calendar');
      const after = await this.holidays.named(tx);
      const dates = after.map((holiday) => holiday.date);
      const kept = new Set(dates);
      const old = new Map(before.map((holiday) => [holiday.date, holiday.name]));
      const removed = before.filter((holiday) => !kept.has(holiday.date)).map((holiday) => holiday.date);
      const added = dates.filter((date) => !old.has(date));
      const named = after.filter(
        (holiday) => old.has(holiday.date) && old.get(holiday.date) !== holiday.name,
      );
      if (removed.length === 0 && added.length === 0 && named.length === 0) return;
      await this.audit.record(tx, {
        actorId: actor.id,
        entity: 'holiday_calendar',
        entityId: 'holidays',
        accountId: null,
        action: 'update',
        before: { holidays: removed },
        after: { holidays: added, ...(named.length > 0 ? { renamed: named } : {}) },
      });
    });
    return this.holidays.list();
  }
}
