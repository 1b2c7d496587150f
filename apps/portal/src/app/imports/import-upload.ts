import { ChangeDetectionStrategy, Component, input, output, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { IMPORT_FILE_ACCEPT, type ImportFileType, importFileType } from './import-file';

export interface ChosenFile extends ImportFileType {
  file: File;
}

/**
 * A CSV or XLSX file, from the file button (the keyboard's way) or dropped
 * on the zone; anything else is refused here before it is sent.
 */
@Component({
  selector: 'tc-import-upload',
  imports: [MatButtonModule, MatIconModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div
      class="zone"
      [class.over]="over()"
      [class.disabled]="disabled()"
      (dragover)="dragOver($event)"
      (dragleave)="over.set(false)"
      (drop)="drop($event)"
      data-testid="import-drop-zone"
    >
      <mat-icon svgIcon="upload" aria-hidden="true" />
      <p>
        <strong>Drop a CSV or XLSX file here</strong>
        <span class="tc-muted"> or</span>
      </p>
      <input
        #picker
        type="file"
        class="tc-visually-hidden"
        tabindex="-1"
        aria-hidden="true"
        [accept]="accept"
        (change)="pick(picker)"
        data-testid="import-file-input"
      />
      <button mat-flat-button type="button" (click)="picker.click()" [disabled]="disabled()">
        <mat-icon svgIcon="upload" />{{ label() }}
      </button>
      <p class="tc-muted small">The first row names the columns; nothing is written until you commit.</p>
    </div>
    @if (refused()) {
      <p class="refused" role="alert">{{ refused() }}</p>
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .zone {
      display: flex;
      flex-direction: column;
      align-items: center;
      gap: 8px;
      padding: 24px 16px;
      border: 2px dashed var(--mat-sys-outline-variant);
      border-radius: 12px;
      text-align: center;
      transition: background-color 120ms;
    }
    .zone.over {
      border-color: var(--mat-sys-primary);
      background: var(--mat-sys-primary-container);
    }
    .zone.disabled {
      opacity: 0.6;
    }
    .zone > mat-icon {
      width: 36px;
      height: 36px;
      color: var(--mat-sys-primary);
    }
    p {
      margin: 0;
    }
    .small {
      font: var(--mat-sys-body-small);
    }
    .refused {
      margin: 8px 0 0;
      color: var(--mat-sys-error);
    }
  `,
})
export class ImportUpload {
  readonly label = input('Choose a file…');
  readonly disabled = input(false);
  readonly chosen = output<ChosenFile>();
  readonly accept = IMPORT_FILE_ACCEPT;
  readonly over = signal(false);
  readonly refused = signal('');

  pick(picker: HTMLInputElement): void {
    const file = picker.files?.[0];
    // Cleared, so choosing the same (corrected) file again is a change too.
    picker.value = '';
    if (file) this.take(file);
  }

  dragOver(event: DragEvent): void {
    event.preventDefault();
    if (!this.disabled()) this.over.set(true);
  }

  drop(event: DragEvent): void {
    event.preventDefault();
    this.over.set(false);
    const file = event.dataTransfer?.files[0];
    if (file && !this.disabled()) this.take(file);
  }

  private take(file: File): void {
    const type = importFileType(file);
    if (!type) {
      this.refused.set(
        `${file.name} is not a CSV or XLSX file. Save it as CSV or as an Excel workbook (.xlsx).`,
      );
      return;
    }
    this.refused.set('');
    this.chosen.emit({ file, ...type });
  }
}
