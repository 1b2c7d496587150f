import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatTabsModule } from '@angular/material/tabs';
import { ActivatedRoute, Router } from '@angular/router';
import type { ImportKind } from '@tradecounter/contracts';
import { startWith, Subject } from 'rxjs';
import { ErrorState } from '../shared/error-state';
import { loadOnEach } from '../shared/loadable';
import { LoadingState } from '../shared/loading-state';
import { textParam } from '../shared/route-inputs';
import { ExportsPanel } from './exports-panel';
import { ImportHistory } from './import-history';
import { ImportStart } from './import-start';
import { ImportsApi } from './imports-api';

const TABS = ['import', 'export', 'history'] as const;

/** Admin: load a business's records from files (dry run, then commit), export them, and past imports. */
@Component({
  selector: 'tc-imports-page',
  imports: [ErrorState, ExportsPanel, ImportHistory, ImportStart, LoadingState, MatTabsModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="tc-page">
      <header class="tc-page-header">
        <h1>Import / Export</h1>
      </header>
      @let s = state();
      @if (!s || (s.loading && !s.value)) {
        <div class="tc-card"><tc-loading-state label="Loading what can be imported…" /></div>
      } @else if (s?.problem; as problem) {
        <div class="tc-card"><tc-error-state [problem]="problem" (retry)="reloads.next()" /></div>
      } @else if (s?.value; as kinds) {
        <mat-tab-group
          [selectedIndex]="tabIndex()"
          (selectedIndexChange)="showTab($event)"
          mat-stretch-tabs="false"
          animationDuration="0ms"
        >
          <mat-tab label="Import">
            <div class="tab">
              <tc-import-start [kinds]="kinds" [kind]="kind()" (kindChange)="chooseKind($event)" />
            </div>
          </mat-tab>
          <mat-tab label="Export">
            <div class="tab"><tc-exports-panel class="tc-card" [kinds]="kinds" /></div>
          </mat-tab>
          <mat-tab label="History">
            <ng-template matTabContent>
              <div class="tab"><tc-import-history class="tc-card" [kinds]="kinds" /></div>
            </ng-template>
          </mat-tab>
        </mat-tab-group>
      }
    </section>
  `,
  styles: `
    .tab {
      padding: 16px 0 0;
    }
    tc-import-history,
    tc-exports-panel {
      display: block;
    }
  `,
})
export class ImportsPage {
  private readonly api = inject(ImportsApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);

  /** Query parameters: the tab (`export`, `history`) and the kind picked. */
  readonly tab = input('', { transform: textParam });
  readonly kind = input('', { transform: textParam });

  readonly reloads = new Subject<void>();
  readonly state = toSignal(loadOnEach(this.reloads.pipe(startWith(undefined)), () => this.api.kinds()));
  readonly tabIndex = computed(() => Math.max(0, TABS.indexOf(this.tab() as (typeof TABS)[number])));

  showTab(index: number): void {
    const tab = TABS[index] ?? 'import';
    this.navigate({ tab: tab === 'import' ? null : tab });
  }

  chooseKind(kind: ImportKind): void {
    this.navigate({ kind });
  }

  private navigate(queryParams: Record<string, string | null>): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams,
      queryParamsHandling: 'merge',
      replaceUrl: true,
    });
  }
}
