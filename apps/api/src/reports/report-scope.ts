import { Inject, Injectable } from '@nestjs/common';
import type { ReportFilter } from '@tradecounter/contracts';
import { accountScope } from '@tradecounter/domain';
import type { AuthUser } from '../auth/auth-user';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { reportPeriod } from './report-period';
import type { ScopedFilter } from './report-where';

/**
 * Turns what a caller asked for into what a report reads: the period
 * settled in the deployment's time zone, and the role's scope (managers
 * and admins everything, account managers their accounts, customer users
 * their own account whatever they pass).
 */
@Injectable()
export class ReportScope {
  private readonly dateFormat: Intl.DateTimeFormat;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.dateFormat = new Intl.DateTimeFormat('en-CA', { timeZone: config.timeZone });
  }

  today(): string {
    return this.dateFormat.format(new Date());
  }

  of(actor: AuthUser, query: ReportFilter): ScopedFilter {
    const period = reportPeriod(query.from, query.to, this.today());
    const scope = accountScope(actor);
    return {
      ...period,
      scope,
      accountId: scope.kind === 'account' ? undefined : query.accountId,
      accountManagerId: query.accountManagerId,
      channel: query.channel,
      category: query.category,
    };
  }
}
