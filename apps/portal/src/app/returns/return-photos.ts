import { ChangeDetectionStrategy, Component, DestroyRef, effect, inject, input, signal } from '@angular/core';
import { DomSanitizer, type SafeUrl } from '@angular/platform-browser';
import type { ReturnPhoto } from '@tradecounter/contracts';
import { ReturnsApi } from './returns-api';

/**
 * The return's photos as thumbnails. They are fetched through the client (the
 * request carries the sign-in; an <img src> to the API would not) and shown
 * from object URLs, released when the page goes.
 */
@Component({
  selector: 'tc-return-photos',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (photos().length === 0) {
      <p class="tc-muted none">No photos.</p>
    } @else {
      <ul class="photos" aria-label="Photos">
        @for (p of photos(); track p.id; let i = $index) {
          <li>
            @if (urls()[p.id]; as url) {
              <a [href]="url" target="_blank" rel="noopener"
                ><img
                  [src]="url"
                  [alt]="'Photo ' + (i + 1) + ' of the returned goods'"
                  width="120"
                  height="120"
              /></a>
            } @else {
              <span class="placeholder tc-muted">Photo {{ i + 1 }}</span>
            }
          </li>
        }
      </ul>
    }
  `,
  styles: `
    .photos {
      list-style: none;
      display: flex;
      flex-wrap: wrap;
      gap: 12px;
      margin: 0;
      padding: 0;
    }
    img,
    .placeholder {
      display: grid;
      place-items: center;
      width: 120px;
      height: 120px;
      object-fit: cover;
      border-radius: 8px;
      background: var(--mat-sys-surface-container);
    }
    .none {
      margin: 0;
    }
  `,
})
export class ReturnPhotos {
  private readonly api = inject(ReturnsApi);
  private readonly sanitizer = inject(DomSanitizer);
  readonly photos = input.required<readonly ReturnPhoto[]>();
  readonly urls = signal<Record<string, SafeUrl>>({});
  private readonly objectUrls = new Map<string, string>();

  constructor() {
    effect(() => {
      for (const photo of this.photos()) {
        if (this.objectUrls.has(photo.id)) continue;
        this.objectUrls.set(photo.id, '');
        this.api.photo(photo.url).subscribe({
          next: (blob) => {
            const url = URL.createObjectURL(blob);
            this.objectUrls.set(photo.id, url);
            this.urls.update((all) => ({ ...all, [photo.id]: this.sanitizer.bypassSecurityTrustUrl(url) }));
          },
          error: () => this.objectUrls.delete(photo.id),
        });
      }
    });
    inject(DestroyRef).onDestroy(() => {
      for (const url of this.objectUrls.values()) if (url) URL.revokeObjectURL(url);
    });
  }
}
