import { DecimalPipe, PercentPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatTableModule } from '@angular/material/table';
import { ActivatedRoute, Router } from '@angular/router';
import type { SlottingReport, VelocityRow } from '@tradecounter/contracts';
import { EMPTY, forkJoin, map } from 'rxjs';
import { ChartPanel } from '../reports/chart-panel';
import { ListFrame } from '../shared/list/list-frame';
import { type Loadable, loadOnEach } from '../shared/loadable';
import { FulfilmentApi } from './fulfilment-api';
import { CHART_PRODUCTS, classSummaries, velocitySeries } from './velocity-chart';
import { warehouseChoice, WarehouseSelect } from './warehouse-select';

/**
 * Velocity and slotting: products classed A, B, C by picks in the last 90
 * days, and the A products kept outside the most accessible aisles, to move
 * (the fast movers belong nearest the dispatch bench).
 */
@Component({
  selector: 'tc-slotting-page',
  imports: [DecimalPipe, PercentPipe, MatTableModule, ChartPanel, ListFrame, WarehouseSelect],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './slotting-page.html',
  styleUrl: './slotting-page.scss',
})
export class SlottingPage {
  private readonly api = inject(FulfilmentApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);

  private readonly chosen = toSignal(
    this.route.queryParamMap.pipe(map((params) => params.get('warehouse') ?? '')),
    {
      initialValue: '',
    },
  );
  private readonly choice = warehouseChoice(() => this.chosen());
  readonly warehouses = this.choice.warehouses;
  readonly warehouseCode = this.choice.code;

  readonly state = toSignal(
    loadOnEach(toObservable(this.warehouseCode), (code) =>
      code ? forkJoin({ velocity: this.api.velocity(code), slotting: this.api.slotting(code) }) : EMPTY,
    ),
  );
  readonly velocity = computed(() => this.state()?.value?.velocity ?? []);
  readonly slotting = computed(() => this.state()?.value?.slotting);
  readonly slottingRows = computed(() => this.slotting()?.rows ?? []);
  /** Each list's frame: loading, the problem, or its rows (empty once loaded with none). */
  readonly slottingState = computed(() => this.part((value) => value.slotting.rows));
  readonly velocityState = computed(() => this.part((value) => value.velocity));
  readonly chart = computed(() => velocitySeries(this.velocity()));
  readonly summaries = computed(() => classSummaries(this.velocity()));
  readonly chartProducts = CHART_PRODUCTS;
  readonly columns = ['sku', 'name', 'bin', 'picks'];
  readonly velocityColumns = ['sku', 'name', 'bin', 'picks', 'share', 'class'];
  readonly aisles = computed(() => (this.slotting()?.accessibleAisles ?? []).join(', ') || '—');
  readonly description = computed(
    () =>
      `Picks in the last 90 days of the ${Math.min(this.velocity().length, CHART_PRODUCTS)} most picked products, coloured by class; the table below lists the numbers.`,
  );

  private part<T>(
    pick: (value: { velocity: VelocityRow[]; slotting: SlottingReport }) => T,
  ): Loadable<T> | undefined {
    const state = this.state();
    return state && { ...state, value: state.value ? pick(state.value) : undefined };
  }

  choose(code: string): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams: { warehouse: code } });
  }
}
