import { Inject, Injectable } from '@nestjs/common';
import {
  RETURN_REASONS,
  type ReturnRateGroup,
  type ReturnRateQuery,
  type ReturnRateReport,
  type ReturnRateRow,
} from '@tradecounter/contracts';
import { compareRates, flaggedReturnRates, returnRate } from '@tradecounter/domain';
import type { AuthUser } from '../auth/auth-user';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { returnReasonLabel } from './report-labels';
import { ReportAsOf } from './report-as-of';
import { ReportScope } from './report-scope';
import { ReturnRateRepository, type UnitsRow } from './return-rate.repository';

/**
 * Return rate (domain.md "Returns and after-sales"): returned units ÷
 * delivered units per product, reason or account, under the filters and
 * role scope of every report. SQL sums the units; libs/domain computes the
 * rates and flags the products returned most. Rows: the highest rate first
 * (rows without deliveries last), then the most returned units.
 */
@Injectable()
export class ReturnRateService {
  constructor(
    private readonly repository: ReturnRateRepository,
    private readonly scope: ReportScope,
    private readonly asOf: ReportAsOf,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async report(actor: AuthUser, query: ReturnRateQuery, groupBy: ReturnRateGroup): Promise<ReturnRateReport> {
    const filter = this.scope.of(actor, query);
    const asOf = await this.asOf.read();
    const [delivered, returned] = await Promise.all([
      this.repository.delivered(filter, groupBy),
      this.repository.returned(filter, groupBy, this.config.timeZone),
    ]);
    const deliveredUnits = delivered.reduce((sum, row) => sum + row.units, 0);
    const returnedUnits = returned.reduce((sum, row) => sum + row.units, 0);
    const counts = groupBy === 'reason' ? byReason(returned, deliveredUnits) : merged(delivered, returned);
    const flagged = groupBy === 'product' ? flaggedReturnRates(counts) : new Set<string>();
    const rows: ReturnRateRow[] = counts
      .sort(
        (a, b) =>
          Number(b.deliveredUnits > 0) - Number(a.deliveredUnits > 0) ||
          (a.deliveredUnits > 0 && b.deliveredUnits > 0 ? compareRates(b, a) : 0) ||
          b.returnedUnits - a.returnedUnits ||
          a.label.localeCompare(b.label),
      )
      .map((row) => ({
        key: row.key,
        label: row.label,
        deliveredUnits: row.deliveredUnits,
        returnedUnits: row.returnedUnits,
        returnRate: returnRate(row.returnedUnits, row.deliveredUnits),
        flagged: flagged.has(row.key),
      }));
    return {
      asOf,
      from: filter.from,
      to: filter.to,
      groupBy,
      rows,
      totals: { deliveredUnits, returnedUnits, returnRate: returnRate(returnedUnits, deliveredUnits) },
    };
  }
}

interface Counts {
  key: string;
  label: string;
  deliveredUnits: number;
  returnedUnits: number;
}

/** Products or accounts with deliveries or returns in the period, each with both counts. */
function merged(delivered: UnitsRow[], returned: UnitsRow[]): Counts[] {
  const rows = new Map<string, Counts>();
  for (const row of delivered) {
    rows.set(row.key, { key: row.key, label: row.label, deliveredUnits: row.units, returnedUnits: 0 });
  }
  for (const row of returned) {
    const known = rows.get(row.key);
    if (known) known.returnedUnits = row.units;
    else rows.set(row.key, { key: row.key, label: row.label, deliveredUnits: 0, returnedUnits: row.units });
  }
  return [...rows.values()];
}

/**
 * Every reason, each against the period's whole deliveries (a return's
 * reason is not known for the units that stayed), once anything was
 * delivered or returned; none in an empty period.
 */
function byReason(returned: UnitsRow[], deliveredUnits: number): Counts[] {
  if (deliveredUnits === 0 && returned.length === 0) return [];
  const units = new Map(returned.map((row) => [row.key, row.units]));
  return RETURN_REASONS.map((reason) => ({
    key: reason,
    label: returnReasonLabel(reason),
    deliveredUnits,
    returnedUnits: units.get(reason) ?? 0,
  }));
}
