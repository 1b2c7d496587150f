import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatTableModule } from '@angular/material/table';
import type { ImportKindInfo } from '@tradecounter/contracts';
import { FileDownloads } from './file-downloads';
import { templateFileName } from './import-file';
import type { FileFormat } from './import-file';
import { ImportsApi } from './imports-api';

/** A kind's file: what keys a row, its columns, and its template to start from. */
@Component({
  selector: 'tc-import-kind-details',
  imports: [MatButtonModule, MatIconModule, MatTableModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let k = info();
    <div class="head">
      <div>
        <h2>{{ k.label }}</h2>
        <p class="tc-muted">
          Each row is found by <strong class="key">{{ k.keyDescription }}</strong>: a new key creates a
          record, a known one updates it.
          @if (k.childSet) {
            The rows of one {{ k.childSet }} replace its set.
          }
        </p>
      </div>
      <div class="templates" role="group" [attr.aria-label]="'Download the ' + k.label + ' template'">
        @for (format of formats; track format) {
          <button mat-stroked-button type="button" (click)="template(format)" [disabled]="busy() === format">
            <mat-icon svgIcon="download" />Template {{ format.toUpperCase() }}
          </button>
        }
      </div>
    </div>
    <div
      class="tc-table-scroll"
      tabindex="0"
      role="region"
      [attr.aria-label]="k.label + ' columns, scrolls sideways'"
    >
      <table mat-table [dataSource]="k.columns" class="tc-table" [attr.aria-label]="k.label + ' columns'">
        <ng-container matColumnDef="name">
          <th mat-header-cell *matHeaderCellDef>Column</th>
          <td mat-cell *matCellDef="let c" class="tc-mono">{{ c.name }}</td>
        </ng-container>
        <ng-container matColumnDef="need">
          <th mat-header-cell *matHeaderCellDef>Needed</th>
          <td mat-cell *matCellDef="let c">
            @if (c.key) {
              <span class="tc-status tone-move">Key</span>
            } @else if (c.required) {
              <span class="tc-status tone-wait">Required</span>
            } @else {
              <span class="tc-muted">Optional</span>
            }
          </td>
        </ng-container>
        <ng-container matColumnDef="description">
          <th mat-header-cell *matHeaderCellDef>What it holds</th>
          <td mat-cell *matCellDef="let c" class="description">{{ c.description }}</td>
        </ng-container>
        <ng-container matColumnDef="example">
          <th mat-header-cell *matHeaderCellDef>Example</th>
          <td mat-cell *matCellDef="let c" class="example">{{ c.example }}</td>
        </ng-container>
        <tr mat-header-row *matHeaderRowDef="columns"></tr>
        <tr mat-row *matRowDef="let c; columns: columns"></tr>
      </table>
    </div>
    <p class="tc-muted small rules">
      A column left out of the file leaves that field as it is; an empty cell clears it (or is an error where
      the field is required). Imports never delete: set <code>active</code> to false to retire a record.
    </p>
  `,
  styles: `
    :host {
      display: block;
    }
    .head {
      display: flex;
      flex-wrap: wrap;
      gap: 12px 24px;
      justify-content: space-between;
      align-items: flex-start;
      padding: 16px 20px 8px;
    }
    h2 {
      font: var(--mat-sys-title-large);
      margin-bottom: 4px;
    }
    p {
      margin: 0;
      max-width: 68ch;
    }
    .key {
      font-weight: 600;
    }
    .templates {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
    /*
     * Long codes (case barcodes) wrap rather than widen the table, but the
     * text keeps a readable measure: on a phone the table scrolls sideways
     * instead of squeezing it to a letter per line.
     */
    .description {
      min-width: 220px;
      overflow-wrap: anywhere;
    }
    .example {
      min-width: 120px;
      font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
      color: var(--mat-sys-on-surface-variant);
      white-space: normal;
      overflow-wrap: anywhere;
    }
    .small {
      font: var(--mat-sys-body-small);
    }
    .rules {
      padding: 12px 20px 16px;
    }
  `,
})
export class ImportKindDetails {
  private readonly api = inject(ImportsApi);
  private readonly downloads = inject(FileDownloads);
  readonly info = input.required<ImportKindInfo>();
  readonly formats: readonly FileFormat[] = ['csv', 'xlsx'];
  readonly columns = ['name', 'need', 'description', 'example'];
  readonly busy = signal<FileFormat | null>(null);

  template(format: FileFormat): void {
    const kind = this.info().kind;
    this.busy.set(format);
    this.downloads.save(this.api.template(kind, format), templateFileName(kind, format), () =>
      this.busy.set(null),
    );
  }
}
