import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { imageUploadProblem, PRODUCT_IMAGE_TYPES } from '@tradecounter/domain';
import { ProductPicture } from './product-image';

/** What saving the product form does with its image. */
export type ImageChange = { kind: 'keep' } | { kind: 'replace'; file: File } | { kind: 'remove' };

/**
 * The product form's picture: the current image or the one chosen (shown
 * before anything is sent), a file picker and Remove. A file that is not a
 * JPEG, PNG or WebP of at most 5 MB is refused here with the API's reason.
 */
@Component({
  selector: 'tc-product-image-field',
  imports: [MatButtonModule, MatIconModule, ProductPicture],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="field" role="group" aria-labelledby="product-image-label">
      <tc-product-image [url]="preview()" [name]="previewText()" [size]="120" [eager]="true" />
      <div class="controls">
        <span id="product-image-label" class="label">Image</span>
        <span class="tc-muted hint">JPEG, PNG or WebP, at most 5 MB. Shown square.</span>
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
          <button mat-stroked-button type="button" (click)="picker.click()">
            <mat-icon svgIcon="upload" />{{ preview() ? 'Replace image' : 'Choose image' }}
          </button>
          @if (preview()) {
            <button mat-button type="button" (click)="remove()">
              <mat-icon svgIcon="delete" />Remove image
            </button>
          }
        </div>
        @if (error()) {
          <p class="error" role="alert">{{ error() }}</p>
        } @else if (change().kind !== 'keep') {
          <p class="tc-muted pending" aria-live="polite">
            {{ change().kind === 'remove' ? 'The image will be removed' : 'The new image will be uploaded' }}
            when you save.
          </p>
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
      padding: 4px 0 12px;
    }
    .controls {
      display: flex;
      flex-direction: column;
      gap: 4px;
      min-width: 0;
      flex: 1 1 220px;
    }
    .label {
      font: var(--mat-sys-title-small);
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
    .pending {
      margin: 4px 0 0;
    }
  `,
})
export class ProductImageField {
  /** The product's current image (its imageUrl), if any. */
  readonly current = input<string | null>(null);
  /** The product's name, for the preview's text. */
  readonly name = input('');
  readonly changed = output<ImageChange>();

  readonly accept = PRODUCT_IMAGE_TYPES.join(',');
  readonly change = signal<ImageChange>({ kind: 'keep' });
  readonly error = signal('');
  private readonly chosenUrl = signal<string | null>(null);

  readonly preview = computed(() => {
    const change = this.change();
    if (change.kind === 'remove') return null;
    return change.kind === 'replace' ? this.chosenUrl() : this.current();
  });
  readonly previewText = computed(() =>
    this.change().kind === 'replace'
      ? `New image for ${this.name() || 'the product'}`
      : this.name() || 'Product',
  );

  constructor() {
    inject(DestroyRef).onDestroy(() => this.revoke());
  }

  choose(picker: HTMLInputElement): void {
    const file = picker.files?.[0];
    picker.value = '';
    if (!file) return;
    const problem = imageUploadProblem(file.type, file.size);
    if (problem) {
      this.error.set(`${file.name} cannot be used: the image ${problem.message}.`);
      return;
    }
    this.error.set('');
    this.revoke();
    this.chosenUrl.set(URL.createObjectURL(file));
    this.set({ kind: 'replace', file });
  }

  remove(): void {
    this.error.set('');
    this.revoke();
    this.set(this.current() ? { kind: 'remove' } : { kind: 'keep' });
  }

  private set(change: ImageChange): void {
    this.change.set(change);
    this.changed.emit(change);
  }

  private revoke(): void {
    const url = this.chosenUrl();
    if (url) URL.revokeObjectURL(url);
    this.chosenUrl.set(null);
  }
}
