import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { INTERNAL_ROLES } from '@tradecounter/contracts';
import { AuthService } from '../auth/auth.service';
import { DisplayDateTimePipe } from '../shared/date.pipe';
import { ListFrame } from '../shared/list/list-frame';
import { urlList } from '../shared/list/url-list';
import { MoneyPipe } from '../shared/money.pipe';
import { type CreditNoteListQuery, ReturnsApi } from './returns-api';

/** Credit notes: a customer's account's, or every one within a staff member's scope. */
@Component({
  selector: 'tc-credit-notes-page',
  imports: [DisplayDateTimePipe, ListFrame, MatTableModule, MoneyPipe, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="tc-page">
      <header class="tc-page-header"><h1>Credit notes</h1></header>
      <tc-list-frame
        [state]="list.state()"
        loadingLabel="Loading credit notes…"
        emptyIcon="receipt_long"
        emptyTitle="No credit notes yet"
        [emptyMessage]="isStaff() ? '' : 'A credit note is issued when returned goods arrive.'"
        paginatorLabel="Credit note pages"
        (retry)="list.reload()"
        (page)="list.changePage($event)"
      >
        <table mat-table [dataSource]="list.items()" class="tc-table" aria-label="Credit notes">
          <ng-container matColumnDef="number">
            <th mat-header-cell *matHeaderCellDef>Credit note</th>
            <td mat-cell *matCellDef="let c">
              <a class="tc-mono tc-row-link" [routerLink]="['/credit-notes', c.id]">{{ c.number }}</a>
            </td>
          </ng-container>
          <ng-container matColumnDef="issuedAt">
            <th mat-header-cell *matHeaderCellDef>Issued</th>
            <td mat-cell *matCellDef="let c" class="tc-hide-narrow">{{ c.issuedAt | displayDateTime }}</td>
          </ng-container>
          <ng-container matColumnDef="account">
            <th mat-header-cell *matHeaderCellDef>Account</th>
            <td mat-cell *matCellDef="let c">{{ c.accountName }}</td>
          </ng-container>
          <ng-container matColumnDef="return">
            <th mat-header-cell *matHeaderCellDef>Return</th>
            <td mat-cell *matCellDef="let c">
              <a class="tc-mono" [routerLink]="['/returns', c.returnId]">{{ c.returnNumber }}</a>
            </td>
          </ng-container>
          <ng-container matColumnDef="order">
            <th mat-header-cell *matHeaderCellDef>Order</th>
            <td mat-cell *matCellDef="let c" class="tc-mono tc-hide-narrow">{{ c.orderNumber }}</td>
          </ng-container>
          <ng-container matColumnDef="total">
            <th mat-header-cell *matHeaderCellDef class="tc-num">Total</th>
            <td mat-cell *matCellDef="let c" class="tc-num">{{ c.total | money }}</td>
          </ng-container>
          <tr mat-header-row *matHeaderRowDef="columns()"></tr>
          <tr mat-row *matRowDef="let c; columns: columns()" [attr.data-credit-note]="c.number"></tr>
        </table>
      </tc-list-frame>
    </section>
  `,
})
export class CreditNotesPage {
  private readonly api = inject(ReturnsApi);
  private readonly auth = inject(AuthService);
  readonly isStaff = computed(() => this.auth.hasRole(INTERNAL_ROLES));
  readonly list = urlList({
    request: ({ page, pageSize }): CreditNoteListQuery => ({ page, pageSize }),
    fetch: (query) => this.api.creditNotes(query),
  });
  readonly columns = computed(() => [
    'number',
    'issuedAt',
    ...(this.isStaff() ? ['account'] : []),
    'return',
    'order',
    'total',
  ]);
}
