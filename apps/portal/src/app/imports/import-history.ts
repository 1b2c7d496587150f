import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import type { ImportKindInfo } from '@tradecounter/contracts';
import { DisplayDateTimePipe } from '../shared/date.pipe';
import { ListFrame } from '../shared/list/list-frame';
import { urlList } from '../shared/list/url-list';
import { ImportStatusChip } from './import-chips';
import { ImportsApi } from './imports-api';

/** History: every import, newest first, with who ran it, what it found and its change set. */
@Component({
  selector: 'tc-import-history',
  imports: [DisplayDateTimePipe, ImportStatusChip, ListFrame, MatButtonModule, MatTableModule, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <tc-list-frame
      [state]="list.state()"
      [card]="false"
      loadingLabel="Loading imports…"
      emptyIcon="history"
      emptyTitle="No imports yet"
      emptyMessage="Files you upload are listed here, with their dry runs and what they changed."
      paginatorLabel="Import pages"
      (retry)="list.reload()"
      (page)="list.changePage($event)"
    >
      <table mat-table [dataSource]="list.items()" class="tc-table" aria-label="Past imports">
        <ng-container matColumnDef="file">
          <th mat-header-cell *matHeaderCellDef>File</th>
          <td mat-cell *matCellDef="let j">
            <a class="tc-row-link" [routerLink]="['/imports', j.id]">{{ j.fileName }}</a>
            <div class="tc-muted small">{{ kindLabel(j.kind) }}</div>
          </td>
        </ng-container>
        <ng-container matColumnDef="when">
          <th mat-header-cell *matHeaderCellDef>When</th>
          <td mat-cell *matCellDef="let j" class="tc-hide-narrow when">
            {{ j.createdAt | displayDateTime }}
            <div class="tc-muted small">{{ j.createdBy.name }}</div>
          </td>
        </ng-container>
        <ng-container matColumnDef="counts">
          <th mat-header-cell *matHeaderCellDef>Rows</th>
          <td mat-cell *matCellDef="let j" class="counts">
            <span>{{ j.counts.create }} new</span> · <span>{{ j.counts.update }} updated</span> ·
            <span>{{ j.counts.unchanged }} unchanged</span>
            @if (j.counts.error) {
              · <span class="bad">{{ j.counts.error }} {{ j.counts.error === 1 ? 'error' : 'errors' }}</span>
            }
          </td>
        </ng-container>
        <ng-container matColumnDef="changeSet">
          <th mat-header-cell *matHeaderCellDef><span class="tc-visually-hidden">Change set</span></th>
          <td mat-cell *matCellDef="let j" class="tc-hide-narrow link">
            @if (j.status === 'committed') {
              <a mat-button routerLink="/audit" [queryParams]="{ changeSetId: j.id }">Change set</a>
            }
          </td>
        </ng-container>
        <ng-container matColumnDef="status">
          <th mat-header-cell *matHeaderCellDef>Status</th>
          <td mat-cell *matCellDef="let j"><tc-import-status-chip [status]="j.status" /></td>
        </ng-container>
        <tr mat-header-row *matHeaderRowDef="columns"></tr>
        <tr mat-row *matRowDef="let j; columns: columns" [attr.data-import]="j.fileName"></tr>
      </table>
    </tc-list-frame>
  `,
  styles: `
    .small {
      font: var(--mat-sys-body-small);
    }
    .when,
    .link {
      white-space: nowrap;
    }
    .counts {
      font-variant-numeric: tabular-nums;
    }
    .counts span {
      white-space: nowrap;
    }
    td.mat-mdc-cell {
      padding-top: 8px;
      padding-bottom: 8px;
    }
    .bad {
      color: var(--mat-sys-error);
      font-weight: 500;
    }
  `,
})
export class ImportHistory {
  private readonly api = inject(ImportsApi);
  readonly kinds = input<ImportKindInfo[]>([]);
  /** A tab of the page: its paging is its own. */
  readonly list = urlList({
    state: 'local',
    request: ({ page, pageSize }) => ({ page, pageSize }),
    fetch: (query) => this.api.history(query),
  });
  readonly columns = ['file', 'when', 'counts', 'changeSet', 'status'];
  private readonly labels = computed(() => new Map(this.kinds().map((k) => [k.kind, k.label])));

  kindLabel(kind: string): string {
    return this.labels().get(kind as ImportKindInfo['kind']) ?? kind;
  }
}
