import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatSnackBar } from '@angular/material/snack-bar';
import { saveFile } from './save-file';

/**
 * "Download PDF": fetches one of the API's documents (`/api/documents/…`)
 * through the client, so the request carries the sign-in, and saves it under
 * its own name (Q-000001.pdf). Any page with a document uses it:
 * `<tc-document-download [url]="'/api/documents/orders/' + id + '.pdf'" [filename]="number + '.pdf'" />`.
 */
@Component({
  selector: 'tc-document-download',
  imports: [MatButtonModule, MatIconModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <button mat-stroked-button type="button" (click)="download()" [disabled]="busy()">
      <mat-icon svgIcon="download" />{{ busy() ? 'Preparing PDF…' : label() }}
    </button>
  `,
})
export class DocumentDownload {
  private readonly http = inject(HttpClient);
  private readonly snackBar = inject(MatSnackBar);

  readonly url = input.required<string>();
  /** The name it is saved under. */
  readonly filename = input.required<string>();
  readonly label = input('Download PDF');
  protected readonly busy = signal(false);

  download(): void {
    this.busy.set(true);
    this.http.get(this.url(), { responseType: 'blob' }).subscribe({
      next: (pdf) => {
        saveFile(pdf, this.filename());
        this.busy.set(false);
      },
      error: () => {
        this.snackBar.open('The PDF could not be downloaded; try again', 'Dismiss');
        this.busy.set(false);
      },
    });
  }
}
