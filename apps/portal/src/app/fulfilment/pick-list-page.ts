import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { MAX_PAGE_SIZE } from '@tradecounter/contracts';
import { EMPTY } from 'rxjs';
import { EmptyState } from '../shared/empty-state';
import { ErrorState } from '../shared/error-state';
import { loadOnEach } from '../shared/loadable';
import { LoadingState } from '../shared/loading-state';
import { textParam } from '../shared/route-inputs';
import { FulfilmentApi } from './fulfilment-api';
import { DisplayDateTimePipe } from '../shared/date.pipe';

/**
 * What to pick at a warehouse (or for one order), oldest order first and each
 * order's lines in bin order: a sheet to print and walk the aisles with.
 */
@Component({
  selector: 'tc-pick-list-page',
  imports: [
    DisplayDateTimePipe,
    MatButtonModule,
    MatIconModule,
    RouterLink,
    EmptyState,
    ErrorState,
    LoadingState,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './pick-list-page.html',
  styleUrl: './pick-list-page.scss',
})
export class PickListPage {
  private readonly api = inject(FulfilmentApi);
  private readonly reloads = signal(0);

  readonly warehouse = input('', { transform: textParam });
  readonly order = input('', { transform: textParam });
  readonly printedAt = new Date();

  readonly state = toSignal(
    loadOnEach(
      toObservable(
        computed(() => ({ code: this.warehouse(), orderId: this.order(), reload: this.reloads() })),
      ),
      ({ code, orderId }) =>
        code
          ? this.api.pickList({ warehouseCode: code, orderId: orderId || undefined, pageSize: MAX_PAGE_SIZE })
          : EMPTY,
    ),
  );
  readonly units = computed(() =>
    (this.state()?.value?.items ?? []).reduce(
      (sum, order) => sum + order.lines.reduce((lines, line) => lines + line.pickable, 0),
      0,
    ),
  );

  print(): void {
    window.print();
  }

  retry(): void {
    this.reloads.update((n) => n + 1);
  }
}
