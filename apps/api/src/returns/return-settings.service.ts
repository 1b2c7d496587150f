import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ReturnSettings } from '@tradecounter/contracts';
import { formatFeePercent } from '@tradecounter/domain';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import type { ReturnSettingsDto } from './dto/return.dto';
import { ReturnsRepository } from './returns.repository';

/** The restocking fee per reason and the default return window: anyone signed in reads them, admins set them. */
@Injectable()
export class ReturnSettingsService {
  constructor(
    private readonly returns: ReturnsRepository,
    private readonly audit: AuditService,
    private readonly dataSource: DataSource,
  ) {}

  async get(): Promise<ReturnSettings> {
    const settings = await this.returns.settings();
    return {
      defaultWindowDays: settings.defaultWindowDays,
      fees: Object.fromEntries(
        Object.entries(settings.fees).map(([reason, percent]) => [reason, formatFeePercent(percent)]),
      ) as ReturnSettings['fees'],
    };
  }

  async put(actor: AuthUser, body: ReturnSettingsDto): Promise<ReturnSettings> {
    const before = await this.get();
    await this.dataSource.transaction(async (tx) => {
      const fees = {
        damaged: body.fees.damaged,
        defective: body.fees.defective,
        wrong_item: body.fees.wrong_item,
        not_needed: body.fees.not_needed,
        other: body.fees.other,
      };
      await this.returns.saveSettings(tx, fees, body.defaultWindowDays);
      await this.audit.record(tx, {
        actorId: actor.id,
        entity: 'return_settings',
        entityId: 'return_settings',
        accountId: null,
        action: 'update',
        before: { ...before },
        after: {
          defaultWindowDays: body.defaultWindowDays,
          fees: Object.fromEntries(Object.entries(fees).map(([k, v]) => [k, formatFeePercent(v)])),
        },
      });
    });
    return this.get();
  }
}
