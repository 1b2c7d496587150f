import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { type MatChipListboxChange, MatChipsModule } from '@angular/material/chips';
import { MatTableModule } from '@angular/material/table';
import type { ImportAction, ImportCounts, ImportRowDetail } from '@tradecounter/contracts';
import { ListFrame } from '../shared/list/list-frame';
import { urlList } from '../shared/list/url-list';
import { ImportActionChip } from './import-chips';
import { rowChanges } from './import-rows';
import { ACTION_FILTERS, actionLabel } from './import-words';
import { ImportsApi } from './imports-api';

const ALL = 'all';

interface RowView {
  row: ImportRowDetail;
  changes: ReturnType<typeof rowChanges>;
}

/**
 * A run's rows a page at a time, with chips that count each action and
 * filter by it: a run with errors opens on its error rows (what to fix
 * comes first), any other on all its rows in file order. The filter and page
 * are in the URL (`?action=all&page=2`); the opening filter stays out of it.
 */
@Component({
  selector: 'tc-import-rows-table',
  imports: [ImportActionChip, ListFrame, MatChipsModule, MatTableModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-chip-listbox
      class="filters"
      aria-label="Show rows by what they do"
      [value]="action()"
      (change)="filter($event)"
      hideSingleSelectionIndicator
    >
      <mat-chip-option [value]="all">All {{ total() }}</mat-chip-option>
      @for (a of actions; track a) {
        <mat-chip-option [value]="a" [class.has-errors]="a === 'error' && counts().error > 0"
          >{{ label(a) }} {{ counts()[a] }}</mat-chip-option
        >
      }
    </mat-chip-listbox>
    <tc-list-frame
      [state]="list.state()"
      loadingLabel="Loading rows…"
      emptyIcon="inbox"
      [emptyTitle]="
        action() === all ? 'The file has no rows' : 'No ' + label($any(action())).toLowerCase() + ' rows'
      "
      paginatorLabel="Row pages"
      (retry)="list.reload()"
      (page)="list.changePage($event)"
    >
      <table mat-table [dataSource]="views()" class="tc-table" aria-label="Rows of the file">
        <ng-container matColumnDef="row">
          <th mat-header-cell *matHeaderCellDef class="tc-num">Row</th>
          <td mat-cell *matCellDef="let v" class="tc-num">{{ v.row.row }}</td>
        </ng-container>
        <ng-container matColumnDef="key">
          <th mat-header-cell *matHeaderCellDef>Key</th>
          <td mat-cell *matCellDef="let v" class="tc-mono">{{ v.row.key || '—' }}</td>
        </ng-container>
        <ng-container matColumnDef="action">
          <th mat-header-cell *matHeaderCellDef>Action</th>
          <td mat-cell *matCellDef="let v"><tc-import-action-chip [action]="v.row.action" /></td>
        </ng-container>
        <ng-container matColumnDef="detail">
          <th mat-header-cell *matHeaderCellDef>Errors and changes</th>
          <td mat-cell *matCellDef="let v" class="detail">
            @if (v.row.errors.length) {
              <ul class="errors">
                @for (e of v.row.errors; track $index) {
                  <li>
                    @if (e.field) {
                      <span class="tc-mono field">{{ e.field }}</span>:
                    }
                    {{ e.message }}
                  </li>
                }
              </ul>
            } @else if (v.changes.length) {
              <ul class="changes">
                @for (c of v.changes; track c.field) {
                  <li>
                    <span class="tc-mono field">{{ c.field }}</span>:
                    <span class="before">{{ c.before || '(empty)' }}</span> →
                    <span class="after">{{ c.after || '(empty)' }}</span>
                  </li>
                }
              </ul>
            } @else if (v.row.action === 'create') {
              <span class="tc-muted">New record</span>
            }
          </td>
        </ng-container>
        <tr mat-header-row *matHeaderRowDef="columns"></tr>
        <tr
          mat-row
          *matRowDef="let v; columns: columns"
          [attr.data-row]="v.row.row"
          [attr.data-action]="v.row.action"
        ></tr>
      </table>
    </tc-list-frame>
  `,
  styles: `
    :host {
      display: block;
    }
    .filters {
      display: block;
      margin: 0 0 12px;
    }
    .has-errors {
      --mat-chip-label-text-color: var(--mat-sys-error);
      --mat-chip-outline-color: var(--mat-sys-error);
      font-weight: 600;
    }
    .detail {
      padding-top: 6px;
      padding-bottom: 6px;
    }
    ul {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .errors {
      color: var(--mat-sys-error);
    }
    .field {
      font-weight: 600;
    }
    .before {
      color: var(--mat-sys-on-surface-variant);
      text-decoration: line-through;
    }
    .after {
      font-weight: 600;
    }
  `,
})
export class ImportRowsTable {
  private readonly api = inject(ImportsApi);
  readonly importId = input.required<string>();
  readonly counts = input.required<ImportCounts>();
  /** Changes when the run's rows changed (checked again, committed): fetches the page again. */
  readonly version = input(0);

  readonly all = ALL;
  readonly actions = ACTION_FILTERS;
  readonly label = actionLabel;
  readonly columns = ['row', 'key', 'action', 'detail'];
  /** The filter the table opens on: the errors, when there are any. */
  readonly opening = computed(() => (this.counts().error > 0 ? 'error' : ALL));
  readonly list = urlList({
    filters: ['action'],
    request: ({ page, pageSize, filters }) => {
      const action = filters['action'] || this.opening();
      return {
        id: this.importId(),
        version: this.version(),
        query: { action: action === ALL ? undefined : (action as ImportAction), page, pageSize },
      };
    },
    fetch: ({ id, query }) => this.api.rows(id, query),
  });
  readonly action = computed(() => this.list.value('action') || this.opening());
  readonly total = computed(() => {
    const c = this.counts();
    return c.create + c.update + c.unchanged + c.error;
  });
  readonly views = computed<RowView[]>(() =>
    this.list.items().map((row) => ({ row, changes: rowChanges(row) })),
  );

  filter(event: MatChipListboxChange): void {
    const value: unknown = event.value;
    if (typeof value === 'string' && value) {
      this.list.setFilter('action', value === this.opening() ? null : value);
    } else event.source.value = this.action();
  }
}
