import { inject, Injectable } from '@angular/core';
import { MatSnackBar } from '@angular/material/snack-bar';
import { type ReportRequest, ReportsApi } from './reports-api';
import { saveFile } from '../shared/save-file';

/** Downloads a report's CSV from the API (the same numbers as its JSON) and saves it. */
@Injectable({ providedIn: 'root' })
export class ReportCsv {
  private readonly api = inject(ReportsApi);
  private readonly snackBar = inject(MatSnackBar);

  /** `done` runs once the file is handed to the browser or the failure is shown. */
  download(request: ReportRequest, filename: string, done: () => void = () => undefined): void {
    this.api.csv(request).subscribe({
      next: (blob) => {
        saveFile(blob, filename);
        done();
      },
      error: () => {
        this.snackBar.open('The CSV could not be downloaded; try again', 'Dismiss');
        done();
      },
    });
  }
}
