import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatTableModule } from '@angular/material/table';
import { ActivatedRoute, Router } from '@angular/router';
import type { PriceTier, PriceTierSummary } from '@tradecounter/contracts';
import { AuthService } from '../auth/auth.service';
import { EmptyState } from '../shared/empty-state';
import { ErrorState } from '../shared/error-state';
import { loadOnEach } from '../shared/loadable';
import { LoadingState } from '../shared/loading-state';
import { NewTierDialog } from './new-tier-dialog';
import { PercentPipe } from './percent.pipe';
import { PricingApi } from './pricing-api';
import { DisplayDateTimePipe } from '../shared/date.pipe';

/** Every price tier with what hangs off it; account managers and admins add tiers. */
@Component({
  selector: 'tc-price-tiers-page',
  imports: [
    DisplayDateTimePipe,
    MatButtonModule,
    MatIconModule,
    MatTableModule,
    EmptyState,
    ErrorState,
    LoadingState,
    PercentPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="tc-page">
      <header class="tc-page-header">
        <h1>Price tiers</h1>
        @if (canEdit()) {
          <button mat-flat-button type="button" (click)="newTier()">
            <mat-icon svgIcon="add" />New tier
          </button>
        }
      </header>
      <div class="tc-card">
        @let s = state();
        @if (s?.loading) {
          <tc-loading-state [compact]="!!s?.value" label="Loading price tiers…" />
        }
        @if (s?.problem; as problem) {
          <tc-error-state [problem]="problem" (retry)="retry()" />
        } @else if (s?.value; as tiers) {
          @if (tiers.length === 0) {
            <tc-empty-state
              icon="inbox"
              title="No price tiers yet"
              message="Create a tier to give accounts a discount."
            />
          } @else {
            <div class="tc-table-scroll">
              <table mat-table [dataSource]="tiers" class="tc-table" aria-label="Price tiers">
                <ng-container matColumnDef="name">
                  <th mat-header-cell *matHeaderCellDef>Name</th>
                  <td mat-cell *matCellDef="let t" class="name">{{ t.name }}</td>
                </ng-container>
                <ng-container matColumnDef="discount">
                  <th mat-header-cell *matHeaderCellDef class="tc-num">Discount</th>
                  <td mat-cell *matCellDef="let t" class="tc-num">{{ t.discountPercent | percentText }}</td>
                </ng-container>
                <ng-container matColumnDef="accounts">
                  <th mat-header-cell *matHeaderCellDef class="tc-num">Accounts</th>
                  <td mat-cell *matCellDef="let t" class="tc-num">{{ t.accountCount }}</td>
                </ng-container>
                <ng-container matColumnDef="breaks">
                  <th mat-header-cell *matHeaderCellDef class="tc-num">Breaks</th>
                  <td mat-cell *matCellDef="let t" class="tc-num">{{ t.breakCount }}</td>
                </ng-container>
                <ng-container matColumnDef="fixed">
                  <th mat-header-cell *matHeaderCellDef class="tc-num">Fixed prices</th>
                  <td mat-cell *matCellDef="let t" class="tc-num">{{ t.fixedPriceCount }}</td>
                </ng-container>
                <ng-container matColumnDef="updated">
                  <th mat-header-cell *matHeaderCellDef>Updated</th>
                  <td mat-cell *matCellDef="let t">{{ t.updatedAt | displayDateTime }}</td>
                </ng-container>
                <tr mat-header-row *matHeaderRowDef="columns"></tr>
                <tr
                  mat-row
                  *matRowDef="let t; columns: columns"
                  class="tc-clickable"
                  tabindex="0"
                  [attr.aria-label]="'Open tier ' + t.name"
                  (click)="open(t)"
                  (keydown.enter)="open(t)"
                ></tr>
              </table>
            </div>
          }
        }
      </div>
    </section>
  `,
  styles: `
    td.name {
      font-weight: 500;
      color: var(--mat-sys-primary);
    }
  `,
})
export class PriceTiersPage {
  private readonly api = inject(PricingApi);
  private readonly auth = inject(AuthService);
  private readonly dialog = inject(MatDialog);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly reloads = signal(0);

  readonly canEdit = computed(() => this.auth.hasRole(['account_manager', 'admin']));
  readonly columns = ['name', 'discount', 'accounts', 'breaks', 'fixed', 'updated'];
  readonly state = toSignal(loadOnEach(toObservable(this.reloads), () => this.api.tiers()));

  open(tier: PriceTierSummary | PriceTier): void {
    void this.router.navigate([tier.id], { relativeTo: this.route });
  }

  retry(): void {
    this.reloads.update((n) => n + 1);
  }

  newTier(): void {
    this.dialog
      .open(NewTierDialog, { width: '480px', maxWidth: '95vw' })
      .afterClosed()
      .subscribe((created?: PriceTier) => {
        if (created) this.open(created);
      });
  }
}
