import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { HolidayList } from '@tradecounter/contracts';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { HolidaysRepository } from './holidays.repository';
import { PromiseSettingsCache } from './promise-settings.cache';

/** The business calendar: weekends and these dates are not business days, for every warehouse. */
@Injectable()
export class HolidaysService {
  constructor(
    private readonly holidays: HolidaysRepository,
    private readonly cache: PromiseSettingsCache,
    private readonly audit: AuditService,
    private readonly dataSource: DataSource,
  ) {}

  list(): Promise<HolidayList> {
    return this.holidays.list();
  }

  /** Replaces the whole list (sorted, without repeats); audited as the dates added and removed. */
  async replace(actor: AuthUser, dates: HolidayList): Promise<HolidayList> {
    await this.dataSource
      .transaction(async (tx) => {
        await this.holidays.lock(tx);
        const before = await this.holidays.list(tx);
        await this.holidays.replace(tx, dates);
        const kept = new Set(dates);
        const old = new Set(before);
        const removed = before.filter((date) => !kept.has(date));
        const added = dates.filter((date) => !old.has(date));
        if (removed.length === 0 && added.length === 0) return;
        await this.audit.record(tx, {
          actorId: actor.id,
          entity: 'holiday_calendar',
          entityId: 'holidays',
          accountId: null,
          action: 'update',
          before: { holidays: removed },
          after: { holidays: added },
        });
      })
      .finally(() => this.cache.invalidate());
    return this.holidays.list();
  }
}
