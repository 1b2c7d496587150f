import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatSortModule } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { MatTooltipModule } from '@angular/material/tooltip';
import { Router, RouterLink } from '@angular/router';
import {
  type OrderTemplate,
  type OrderTemplateSummary,
  TEMPLATE_SORT_FIELDS,
  type TemplateSortField,
} from '@tradecounter/contracts';
import { confirmAction } from '../shared/confirm-dialog';
import { ListFrame } from '../shared/list/list-frame';
import { urlList } from '../shared/list/url-list';
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
    MatSortModule,
    MatTableModule,
    MatTooltipModule,
    RouterLink,
    ListFrame,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './templates-page.html',
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
  readonly busy = signal(false);
  readonly columns = ['name', 'lines', 'createdBy', 'updatedAt', 'actions'];
  readonly list = urlList({
    sort: { fields: TEMPLATE_SORT_FIELDS, default: 'name', dir: 'asc' },
    request: ({ page, pageSize, sort, dir }) => ({ page, pageSize, sort: sort as TemplateSortField, dir }),
    fetch: (query) => this.api.list(query),
  });

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
        this.list.reload();
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
        this.list.reload();
      }
    });
  }
}
