import { inject, Injectable } from '@angular/core';
import { MatSnackBar } from '@angular/material/snack-bar';
import type { Observable } from 'rxjs';
import { problemMessage, toProblem } from '../shared/problem';
import { saveFile } from '../shared/save-file';

/** Templates, exports and error rows: fetched through the client (with the sign-in) and saved by name. */
@Injectable({ providedIn: 'root' })
export class FileDownloads {
  private readonly snackBar = inject(MatSnackBar);

  /** Saves the file; `done` runs either way (a button's busy state). */
  save(request: Observable<Blob>, filename: string, done: () => void = () => undefined): void {
    request.subscribe({
      next: (blob) => {
        saveFile(blob, filename);
        done();
      },
      error: (error: unknown) => {
        this.snackBar.open(
          `${filename} could not be downloaded. ${problemMessage(toProblem(error))}`,
          'Dismiss',
        );
        done();
      },
    });
  }
}
