import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  effect,
  inject,
  input,
  output,
  signal,
  untracked,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { map } from 'rxjs';
import { confirmAction } from '../shared/confirm-dialog';
import { problemMessage, toProblem } from '../shared/problem';
import { LOGO_TYPES, logoFileProblem } from './company-form';
import { SettingsApi } from './settings-api';

/**
 * The letterhead's logo: a preview of the stored one, upload (checked here
 * first: PNG or JPEG, at most 1 MB) and remove. Each is saved at once; the
 * page reloads the settings after (their version changes).
 */
@Component({
  selector: 'tc-company-logo-field',
  imports: [MatButtonModule, MatIconModule, MatProgressBarModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="field" role="group" aria-labelledby="logo-label">
      <div class="preview" [class.empty]="!previewUrl()">
        @if (previewUrl(); as url) {
          <img [src]="url" alt="The company logo as documents print it" data-testid="logo-preview" />
        } @else {
          <span class="tc-muted">{{ loadingPreview() ? 'Loading…' : 'No logo' }}</span>
        }
      </div>
      <div class="controls">
        <span id="logo-label" class="tc-visually-hidden">Logo</span>
        <span class="tc-muted">PNG or JPEG, at most 1 MB. Printed at the top left of every document.</span>
        <div class="buttons">
          <input
            #picker
            type="file"
            class="tc-visually-hidden"
            tabindex="-1"
            aria-hidden="true"
            [accept]="accept"
            (change)="choose(picker)"
          />
          <button mat-stroked-button type="button" (click)="picker.click()" [disabled]="busy()">
            <mat-icon svgIcon="upload" />{{ hasLogo() ? 'Replace logo' : 'Upload logo' }}
          </button>
          @if (hasLogo()) {
            <button mat-button type="button" (click)="remove()" [disabled]="busy()">
              <mat-icon svgIcon="delete" />Remove logo
            </button>
          }
        </div>
        @if (busy()) {
          <mat-progress-bar mode="indeterminate" aria-label="Uploading the logo" />
        }
        @if (error()) {
          <p class="error" role="alert">{{ error() }}</p>
        }
      </div>
    </div>
  `,
  styles: `
    .field {
      display: flex;
      gap: 16px;
      align-items: flex-start;
      flex-wrap: wrap;
    }
    .preview {
      width: 200px;
      height: 100px;
      display: grid;
      place-items: center;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
      background: #fff;
      overflow: hidden;
    }
    .preview.empty {
      border-style: dashed;
    }
    .preview img {
      max-width: 100%;
      max-height: 100%;
      object-fit: contain;
    }
    .controls {
      display: flex;
      flex-direction: column;
      gap: 4px;
      flex: 1 1 240px;
      min-width: 0;
    }
    .buttons {
      display: flex;
      gap: 8px;
      flex-wrap: wrap;
      margin-top: 4px;
    }
    .error {
      color: var(--mat-sys-error);
      margin: 4px 0 0;
    }
  `,
})
export class CompanyLogoField {
  private readonly api = inject(SettingsApi);
  private readonly dialog = inject(MatDialog);

  readonly hasLogo = input.required<boolean>();
  /** The settings' version: the preview is fetched again whenever it changes. */
  readonly version = input.required<number>();
  readonly changed = output<string>();

  readonly accept = LOGO_TYPES.join(',');
  readonly busy = signal(false);
  readonly error = signal('');
  readonly previewUrl = signal<string | null>(null);
  readonly loadingPreview = signal(false);

  constructor() {
    effect(() => {
      const hasLogo = this.hasLogo();
      this.version();
      untracked(() => this.loadPreview(hasLogo));
    });
    inject(DestroyRef).onDestroy(() => this.setPreview(null));
  }

  choose(picker: HTMLInputElement): void {
    const file = picker.files?.[0];
    picker.value = '';
    if (!file) return;
    const problem = logoFileProblem(file);
    if (problem) {
      this.error.set(`${problem} Choose a PNG or JPEG of at most 1 MB.`);
      return;
    }
    this.error.set('');
    this.busy.set(true);
    this.api.putLogo(file).subscribe({
      next: () => {
        this.busy.set(false);
        this.changed.emit('Logo uploaded');
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.error.set(`The logo was not saved: ${problemMessage(toProblem(error))}`);
      },
    });
  }

  remove(): void {
    this.error.set('');
    confirmAction(this.dialog, {
      title: 'Remove the logo?',
      message: 'Documents print the company name alone until another logo is uploaded.',
      confirmLabel: 'Remove logo',
      action: () => this.api.removeLogo().pipe(map(() => true)),
    }).subscribe((result) => {
      if (result) this.changed.emit('Logo removed');
    });
  }

  private loadPreview(hasLogo: boolean): void {
    if (!hasLogo) {
      this.setPreview(null);
      return;
    }
    this.loadingPreview.set(true);
    this.api.logo().subscribe({
      next: (blob) => {
        this.loadingPreview.set(false);
        this.setPreview(URL.createObjectURL(blob));
      },
      error: () => {
        this.loadingPreview.set(false);
        this.setPreview(null);
        this.error.set('The stored logo could not be shown; upload it again if documents miss it.');
      },
    });
  }

  private setPreview(url: string | null): void {
    const previous = this.previewUrl();
    if (previous) URL.revokeObjectURL(previous);
    this.previewUrl.set(url);
  }
}
