import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import type { ReturnPhoto } from '@tradecounter/contracts';
import { imageUploadProblem } from '@tradecounter/domain';
import { problemMessage, toProblem } from '../shared/problem';
import { ReturnsApi } from './returns-api';

const PHOTO_TYPES = 'image/jpeg,image/png,image/webp';

/** "Add photos": uploads each chosen picture to the return at once and says how many are on it. */
@Component({
  selector: 'tc-return-photo-upload',
  imports: [MatButtonModule, MatIconModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <input
      #picker
      type="file"
      multiple
      class="tc-visually-hidden"
      tabindex="-1"
      aria-hidden="true"
      [accept]="accept"
      (change)="choose(picker)"
      data-testid="return-photo-input"
    />
    <button mat-stroked-button type="button" (click)="picker.click()" [disabled]="uploading() > 0">
      <mat-icon svgIcon="upload" />{{ uploading() ? 'Uploading…' : 'Add photos' }}
    </button>
    <span class="status" aria-live="polite">
      @if (added()) {
        {{ added() }} {{ added() === 1 ? 'photo' : 'photos' }} added
      }
    </span>
    @if (error()) {
      <p class="error" role="alert">{{ error() }}</p>
    }
  `,
  styles: `
    :host {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px 12px;
    }
    .status {
      font: var(--mat-sys-body-small);
    }
    .error {
      flex-basis: 100%;
      color: var(--mat-sys-error);
      margin: 0;
    }
  `,
})
export class ReturnPhotoUpload {
  private readonly api = inject(ReturnsApi);
  readonly returnId = input.required<string>();
  readonly uploaded = output<ReturnPhoto>();
  readonly accept = PHOTO_TYPES;
  readonly uploading = signal(0);
  readonly added = signal(0);
  readonly error = signal('');

  choose(picker: HTMLInputElement): void {
    const files = Array.from(picker.files ?? []);
    picker.value = '';
    this.error.set('');
    for (const file of files) {
      // Refused here with the API's own words, before sending anything.
      const refused = imageUploadProblem(file.type, file.size);
      if (refused) {
        this.error.set(`${file.name} ${refused.message}`);
        continue;
      }
      this.uploading.update((n) => n + 1);
      this.api.addPhoto(this.returnId(), file).subscribe({
        next: (photo) => {
          this.uploading.update((n) => n - 1);
          this.added.update((n) => n + 1);
          this.uploaded.emit(photo);
        },
        error: (error: unknown) => {
          this.uploading.update((n) => n - 1);
          this.error.set(`${file.name}: ${problemMessage(toProblem(error))}`);
        },
      });
    }
  }
}
