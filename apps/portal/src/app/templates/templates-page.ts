import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { MatTooltipModule } from '@angular/material/tooltip';
import { Router, RouterLink } from '@angular/router';
import { DEFAULT_PAGE_SIZE, type OrderTemplate, type OrderTemplateSummary } from '@tradecounter/contracts';
import { confirmAction } from '../shared/confirm-dialog';
import { EmptyState } from '../shared/empty-state';
import { ErrorState } from '../shared/error-state';
import { loadOnEach } from '../shared/loadable';
import { LoadingState } from '../shared/loading-state';
import { problemMessage, toProblem } from '../shared/problem';
import { TemplateEditDialog } from './template-edit-dialog';
import { TemplatesApi } from './templates-api';
import { DisplayDatePipe } from '../shared/date.pipe';

/** The account's saved order lists: add one to the cart in a click, rename, edit, delete. */
@Component({
  selector: 'tc-templates-page',
  imports: [
    DisplayDatePipe,
    MatButtonModule,
    MatIconModule,
    MatPaginatorModule,
    MatTableModule,
    MatTooltipModule,
    RouterLink,
    EmptyState,
    ErrorState,
    LoadingState,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="tc-page">
      <header class="tc-page-header">
        <h1>Templates</h1>
        <a mat-stroked-button routerLink="/cart"><mat-icon svgIcon="shopping_cart" />Cart</a>
      </header>
      <div class="tc-card">
        @let s = state();
        @if (s?.loading || busy()) {
          <tc-loading-state [compact]="!!s?.value" label="Loading templates…" />
        }
        @if (s?.problem; as problem) {
          <tc-error-state [problem]="problem" (retry)="reload()" />
        } @else if (s?.value; as page) {
          @if (page.items.length === 0) {
            <tc-empty-state
              icon="bookmark"
              title="No templates yet"
              message="Save your cart or a past order as a template to order the same lines again in one click."
            >
              <a mat-stroked-button routerLink="/cart">Go to the cart</a>
            </tc-empty-state>
          } @else {
            <div class="tc-table-scroll">
              <table mat-table [dataSource]="page.items" class="tc-table" aria-label="Templates">
                <ng-container matColumnDef="name">
                  <th mat-header-cell *matHeaderCellDef>Name</th>
                  <td mat-cell *matCellDef="let t">
                    <strong>{{ t.name }}</strong>
                  </td>
                </ng-container>
                <ng-container matColumnDef="lines">
                  <th mat-header-cell *matHeaderCellDef class="tc-num">Lines</th>
                  <td mat-cell *matCellDef="let t" class="tc-num">{{ t.lineCount }}</td>
                </ng-container>
                <ng-container matColumnDef="createdBy">
                  <th mat-header-cell *matHeaderCellDef>Saved by</th>
                  <td mat-cell *matCellDef="let t">{{ t.createdBy?.name ?? '—' }}</td>
                </ng-container>
                <ng-container matColumnDef="updatedAt">
                  <th mat-header-cell *matHeaderCellDef>Last changed</th>
                  <td mat-cell *matCellDef="let t">{{ t.updatedAt | displayDate }}</td>
                </ng-container>
                <ng-container matColumnDef="actions">
                  <th mat-header-cell *matHeaderCellDef><span class="tc-visually-hidden">Actions</span></th>
                  <td mat-cell *matCellDef="let t" class="actions">
                    <button mat-flat-button type="button" (click)="toCart(t)" [disabled]="busy()">
                      <mat-icon svgIcon="shopping_cart" />Add to cart
                    </button>
                    <button
                      mat-icon-button
                      type="button"
                      (click)="edit(t)"
                      [attr.aria-label]="'Edit ' + t.name"
                      matTooltip="Rename or edit lines"
                    >
                      <mat-icon svgIcon="edit" />
                    </button>
                    <button
                      mat-icon-button
                      type="button"
                      (click)="remove(t)"
                      [attr.aria-label]="'Delete ' + t.name"
                      matTooltip="Delete"
                    >
                      <mat-icon svgIcon="delete" />
                    </button>
                  </td>
                </ng-container>
                <tr mat-header-row *matHeaderRowDef="columns"></tr>
                <tr mat-row *matRowDef="let t; columns: columns"></tr>
              </table>
            </div>
            <mat-paginator
              [length]="page.total"
              [pageIndex]="page.page - 1"
              [pageSize]="page.pageSize"
              [pageSizeOptions]="[25, 50, 100]"
              (page)="changePage($event)"
              aria-label="Template pages"
            />
          }
        }
      </div>
    </section>
  `,
  styles: `
    .actions {
      white-space: nowrap;
      text-align: right;
    }
  `,
})
export class TemplatesPage {
  private readonly api = inject(TemplatesApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly router = inject(Router);
  private readonly reloads = signal(0);
  private readonly paging = signal({ page: 1, pageSize: DEFAULT_PAGE_SIZE });
  readonly busy = signal(false);
  readonly columns = ['name', 'lines', 'createdBy', 'updatedAt', 'actions'];
  readonly state = toSignal(
    loadOnEach(
      toObservable(computed(() => ({ ...this.paging(), reload: this.reloads() }))),
      ({ page, pageSize }) => this.api.list({ page, pageSize }),
    ),
  );

  reload(): void {
    this.reloads.update((n) => n + 1);
  }

  changePage(event: PageEvent): void {
    this.paging.set({ page: event.pageIndex + 1, pageSize: event.pageSize });
  }

  toCart(template: OrderTemplateSummary): void {
    this.busy.set(true);
    this.api.toCart(template.id).subscribe({
      next: (result) => {
        this.busy.set(false);
        const failed = result.rows.filter((row) => row.status === 'error');
        const text = failed.length
          ? `${result.added} lines added; not added: ${failed.map((row) => `${row.sku ?? '?'} (${row.reason ?? 'refused'})`).join(', ')}`
          : `“${template.name}”: ${result.added} lines added to your cart`;
        this.snackBar
          .open(text, 'View cart', { duration: failed.length ? 10_000 : 5_000 })
          .onAction()
          .subscribe(() => void this.router.navigateByUrl('/cart'));
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.snackBar.open(problemMessage(toProblem(error)), 'Dismiss');
      },
    });
  }

  edit(template: OrderTemplateSummary): void {
    this.dialog
      .open<TemplateEditDialog, { id: string }, OrderTemplate>(TemplateEditDialog, {
        data: { id: template.id },
        width: '640px',
        maxWidth: '95vw',
      })
      .afterClosed()
      .subscribe((saved) => {
        if (!saved) return;
        this.snackBar.open(`“${saved.name}” saved`, 'Dismiss');
        this.reload();
      });
  }

  remove(template: OrderTemplateSummary): void {
    confirmAction(this.dialog, {
      title: `Delete “${template.name}”?`,
      message:
        'The template is deleted for everyone on your account. Orders placed from it are not affected.',
      confirmLabel: 'Delete',
      dismissLabel: 'Keep it',
      action: () => this.api.remove(template.id),
    }).subscribe((done) => {
      // Emits the action's result (null for the 204), or undefined when the buyer kept it.
      if (done !== undefined) {
        this.snackBar.open(`“${template.name}” deleted`, 'Dismiss');
        this.reload();
      }
    });
  }
}
