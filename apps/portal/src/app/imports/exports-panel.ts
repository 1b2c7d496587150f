import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatTableModule } from '@angular/material/table';
import type { ImportKind, ImportKindInfo } from '@tradecounter/contracts';
import { FileDownloads } from './file-downloads';
import { exportFileName } from './import-file';
import type { FileFormat } from './import-file';
import { ImportsApi } from './imports-api';

/** Export: every record of a kind in its import columns, to edit and import back. */
@Component({
  selector: 'tc-exports-panel',
  imports: [MatButtonModule, MatIconModule, MatTableModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p class="intro tc-muted">
      An export has the same columns as the import, so a file can be exported, edited and imported back
      without losing anything.
    </p>
    <div class="tc-table-scroll" tabindex="0" role="region" aria-label="Exports, scrolls sideways">
      <table mat-table [dataSource]="kinds()" class="tc-table" aria-label="Exports">
        <ng-container matColumnDef="label">
          <th mat-header-cell *matHeaderCellDef>Records</th>
          <td mat-cell *matCellDef="let k">{{ k.label }}</td>
        </ng-container>
        <ng-container matColumnDef="key">
          <th mat-header-cell *matHeaderCellDef>One row per</th>
          <td mat-cell *matCellDef="let k" class="tc-muted">{{ k.keyDescription }}</td>
        </ng-container>
        <ng-container matColumnDef="export">
          <th mat-header-cell *matHeaderCellDef><span class="tc-visually-hidden">Export</span></th>
          <td mat-cell *matCellDef="let k" class="buttons">
            @for (format of formats; track format) {
              <button
                mat-stroked-button
                type="button"
                (click)="download(k.kind, format)"
                [disabled]="busy() === k.kind + format"
                [attr.aria-label]="'Export ' + format.toUpperCase() + ': ' + k.label"
              >
                <mat-icon svgIcon="download" />Export {{ format.toUpperCase() }}
              </button>
            }
          </td>
        </ng-container>
        <tr mat-header-row *matHeaderRowDef="columns"></tr>
        <tr mat-row *matRowDef="let k; columns: columns" [attr.data-kind]="k.kind"></tr>
      </table>
    </div>
  `,
  styles: `
    :host {
      display: block;
    }
    .intro {
      margin: 0;
      padding: 16px 20px 8px;
    }
    .buttons {
      text-align: right;
      white-space: nowrap;
    }
    .buttons button + button {
      margin-left: 8px;
    }
  `,
})
export class ExportsPanel {
  private readonly api = inject(ImportsApi);
  private readonly downloads = inject(FileDownloads);
  readonly kinds = input.required<ImportKindInfo[]>();
  readonly formats: readonly FileFormat[] = ['csv', 'xlsx'];
  readonly columns = ['label', 'key', 'export'];
  readonly busy = signal('');

  download(kind: ImportKind, format: FileFormat): void {
    this.busy.set(kind + format);
    this.downloads.save(this.api.export(kind, format), exportFileName(kind, format), () => this.busy.set(''));
  }
}
