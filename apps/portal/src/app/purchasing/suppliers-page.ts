import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import type { Supplier } from '@tradecounter/contracts';
import { ListFrame } from '../shared/list/list-frame';
import { loadOnEach } from '../shared/loadable';
import { injectCanPurchase } from './purchasing-access';
import { PurchasingApi } from './purchasing-api';
import { PurchasingSettingsCard } from './purchasing-settings-card';
import { PurchasingTabs } from './purchasing-tabs';
import { SupplierDialog } from './supplier-dialog';

/** The suppliers purchase orders go to, with their lead times; and the purchasing settings. */
@Component({
  selector: 'tc-suppliers-page',
  imports: [
    ListFrame,
    MatButtonModule,
    MatIconModule,
    MatTableModule,
    PurchasingSettingsCard,
    PurchasingTabs,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="tc-page">
      <header class="tc-page-header">
        <h1>Purchasing</h1>
        @if (canWrite()) {
          <button mat-flat-button type="button" (click)="edit(null)">
            <mat-icon svgIcon="add" />Add supplier
          </button>
        }
      </header>
      <tc-purchasing-tabs />

      <tc-list-frame
        [state]="state()"
        loadingLabel="Loading suppliers…"
        emptyIcon="factory"
        emptyTitle="No suppliers yet"
        emptyMessage="Add the suppliers you buy from, then give products their purchasing facts."
        (retry)="reload()"
      >
        <table mat-table [dataSource]="state()?.value ?? []" class="tc-table" aria-label="Suppliers">
          <ng-container matColumnDef="code">
            <th mat-header-cell *matHeaderCellDef>Code</th>
            <td mat-cell *matCellDef="let s" class="tc-mono">{{ s.code }}</td>
          </ng-container>
          <ng-container matColumnDef="name">
            <th mat-header-cell *matHeaderCellDef>Name</th>
            <td mat-cell *matCellDef="let s">{{ s.name }}</td>
          </ng-container>
          <ng-container matColumnDef="email">
            <th mat-header-cell *matHeaderCellDef>E-mail</th>
            <td mat-cell *matCellDef="let s" class="tc-hide-narrow">{{ s.email }}</td>
          </ng-container>
          <ng-container matColumnDef="leadTime">
            <th mat-header-cell *matHeaderCellDef class="tc-num">Lead time</th>
            <td mat-cell *matCellDef="let s" class="tc-num">
              {{ s.leadTimeDays }} {{ s.leadTimeDays === 1 ? 'business day' : 'business days' }}
            </td>
          </ng-container>
          <ng-container matColumnDef="products">
            <th mat-header-cell *matHeaderCellDef class="tc-num">Products</th>
            <td mat-cell *matCellDef="let s" class="tc-num tc-hide-narrow">{{ s.productCount }}</td>
          </ng-container>
          <ng-container matColumnDef="actions">
            <th mat-header-cell *matHeaderCellDef><span class="tc-visually-hidden">Actions</span></th>
            <td mat-cell *matCellDef="let s" class="tc-num">
              @if (canWrite()) {
                <button mat-button type="button" (click)="edit(s)" [attr.aria-label]="'Edit ' + s.name">
                  Edit
                </button>
              }
            </td>
          </ng-container>
          <tr mat-header-row *matHeaderRowDef="columns"></tr>
          <tr mat-row *matRowDef="let s; columns: columns" [attr.data-supplier]="s.code"></tr>
        </table>
      </tc-list-frame>

      @if (canWrite()) {
        <tc-purchasing-settings-card />
      }
    </section>
  `,
})
export class SuppliersPage {
  private readonly api = inject(PurchasingApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  readonly canWrite = injectCanPurchase();
  private readonly reloads = signal(0);
  readonly state = toSignal(loadOnEach(toObservable(this.reloads), () => this.api.suppliers()));
  readonly columns = ['code', 'name', 'email', 'leadTime', 'products', 'actions'];

  edit(supplier: Supplier | null): void {
    this.dialog
      .open<SupplierDialog, Supplier | null, Supplier>(SupplierDialog, {
        data: supplier,
        width: '560px',
        maxWidth: '95vw',
      })
      .afterClosed()
      .subscribe((saved) => {
        if (!saved) return;
        this.snackBar.open(`${saved.name} ${supplier ? 'saved' : 'added'}`, 'Dismiss', { duration: 4000 });
        this.reload();
      });
  }

  reload(): void {
    this.reloads.update((n) => n + 1);
  }
}
