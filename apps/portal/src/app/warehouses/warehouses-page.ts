import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatSnackBar } from '@angular/material/snack-bar';
import type { Warehouse } from '@tradecounter/contracts';
import { AuthService } from '../auth/auth.service';
import { EmptyState } from '../shared/empty-state';
import { ErrorState } from '../shared/error-state';
import { loadOnEach } from '../shared/loadable';
import { LoadingState } from '../shared/loading-state';
import { WarehouseForm } from './warehouse-form';
import { WarehousesApi } from './warehouses-api';

/** Every warehouse's promise settings; administrators edit, warehouse staff read. */
@Component({
  selector: 'tc-warehouses-page',
  imports: [MatButtonModule, MatIconModule, EmptyState, ErrorState, LoadingState, WarehouseForm],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="tc-page">
      <header class="tc-page-header">
        <h1>Warehouses</h1>
        @if (canEdit() && !adding()) {
          <button mat-flat-button type="button" (click)="adding.set(true)">
            <mat-icon svgIcon="add" />Add warehouse
          </button>
        }
      </header>
      <p class="tc-muted">
        These settings decide every delivery promise: an order placed before the cut-off (local time) counts
        from that business day, ships after the handling days and arrives after the transit days.
        @if (!canEdit()) {
          Only administrators change them.
        }
      </p>

      @if (stale()) {
        <div class="stale" role="alert">
          <mat-icon svgIcon="error" aria-hidden="true" />
          <span>Someone else changed {{ stale() }} — reload to see their changes, then edit again.</span>
          <button mat-flat-button type="button" (click)="reload()">
            <mat-icon svgIcon="refresh" />Reload
          </button>
        </div>
      }

      @if (adding()) {
        <div class="tc-card">
          <h2 class="card-title">New warehouse</h2>
          <tc-warehouse-form (saved)="created($event)" (cancelled)="adding.set(false)" />
        </div>
      }

      @let s = state();
      @if (s?.value; as warehouses) {
        @if (s?.loading) {
          <tc-loading-state [compact]="true" label="Reloading warehouses…" />
        }
        @for (w of warehouses; track w.code) {
          <div class="tc-card" [attr.data-warehouse]="w.code">
            <h2 class="card-title">
              <span class="code">{{ w.code }}</span> {{ w.name }}
              @if (w.isDefault) {
                <span class="tc-status tc-status-active">Default</span>
              }
            </h2>
            <tc-warehouse-form
              [warehouse]="w"
              [readonly]="!canEdit()"
              (saved)="saved($event)"
              (stale)="stale.set(w.code)"
            />
          </div>
        } @empty {
          <div class="tc-card">
            <tc-empty-state
              icon="warehouse"
              title="No warehouses yet"
              message="Add the first one to promise dates."
            />
          </div>
        }
      } @else if (s?.problem; as problem) {
        <div class="tc-card"><tc-error-state [problem]="problem" (retry)="reload()" /></div>
      } @else {
        <div class="tc-card"><tc-loading-state label="Loading warehouses…" /></div>
      }
    </section>
  `,
  styles: `
    .card-title {
      display: flex;
      align-items: center;
      flex-wrap: wrap;
      gap: 8px 12px;
      font: var(--mat-sys-title-medium);
      padding: 16px 20px 0;
    }
    .code {
      font-family: ui-monospace, Menlo, Consolas, monospace;
      color: var(--mat-sys-primary);
    }
    .stale {
      display: flex;
      align-items: center;
      flex-wrap: wrap;
      gap: 12px;
      padding: 12px 16px;
      border-radius: 12px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
      span {
        flex: 1 1 240px;
      }
    }
  `,
})
export class WarehousesPage {
  private readonly api = inject(WarehousesApi);
  private readonly snackBar = inject(MatSnackBar);
  private readonly auth = inject(AuthService);
  private readonly reloads = signal(0);

  readonly canEdit = computed(() => this.auth.hasRole(['admin']));
  readonly adding = signal(false);
  /** The code of a warehouse whose save was refused as stale (412), or ''. */
  readonly stale = signal('');
  readonly state = toSignal(loadOnEach(toObservable(this.reloads), () => this.api.list()));

  saved(warehouse: Warehouse): void {
    this.snackBar.open(`${warehouse.code} saved`, 'Dismiss');
    // Making one the default changes the others too: read them all again.
    this.reload();
  }

  created(warehouse: Warehouse): void {
    this.adding.set(false);
    this.snackBar.open(`${warehouse.code} added`, 'Dismiss');
    this.reload();
  }

  reload(): void {
    this.stale.set('');
    this.reloads.update((n) => n + 1);
  }
}
