import { computed, Directive, inject, input, type Signal } from '@angular/core';
import { ActivatedRoute, Router } from '@angular/router';
import type { ReportFilter } from '@tradecounter/contracts';
import { displayDate } from '../shared/date-format';
import { textParam } from '../shared/route-inputs';
import type { FilterChange } from './report-filters';
import { type Period, type PeriodPreset, resolvePeriod, todayIso, toPreset } from './report-period';

/**
 * The filter query parameters every dashboard shares, as signal inputs
 * bound from the URL, and the way back: changes merge into the URL, so a
 * view can be shared or reloaded. Extend it with a page component.
 */
@Directive()
export abstract class ReportRoute {
  protected readonly router = inject(Router);
  protected readonly route = inject(ActivatedRoute);

  /** Dates in the portal's one style, for templates. */
  readonly displayDate = displayDate;

  /** The period without one in the URL. */
  protected readonly defaultPreset: PeriodPreset = 'last30';

  readonly period = input<PeriodPreset | undefined, unknown>(undefined, { transform: toPreset });
  readonly from = input('', { transform: textParam });
  readonly to = input('', { transform: textParam });
  readonly accountId = input('', { transform: textParam });
  readonly accountManagerId = input('', { transform: textParam });
  readonly channel = input('', { transform: textParam });
  readonly category = input('', { transform: textParam });

  readonly resolved: Signal<Period & { preset: PeriodPreset }> = computed(() =>
    resolvePeriod(this.period(), this.from(), this.to(), todayIso(), this.defaultPreset),
  );

  readonly filter: Signal<ReportFilter> = computed(() => {
    const { from, to } = this.resolved();
    return {
      from,
      to,
      accountId: this.accountId() || undefined,
      accountManagerId: this.accountManagerId() || undefined,
      channel: this.channel() || undefined,
      category: this.category() || undefined,
    };
  });

  setFilter(change: FilterChange): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: change,
      queryParamsHandling: 'merge',
      replaceUrl: true,
    });
  }
}
