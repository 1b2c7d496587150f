import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';

/**
 * A product's picture at a fixed square size (so nothing shifts as it
 * loads), lazily loaded, with the product's name as its text; a quiet
 * placeholder when the product has no image.
 */
@Component({
  selector: 'tc-product-image',
  imports: [MatIconModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (url(); as src) {
      <img
        [src]="src"
        [alt]="name()"
        [width]="size()"
        [height]="size()"
        [attr.loading]="eager() ? 'eager' : 'lazy'"
        decoding="async"
      />
    } @else {
      <span class="placeholder" [style.width.px]="size()" [style.height.px]="size()">
        <mat-icon svgIcon="image" aria-hidden="true" />
      </span>
    }
  `,
  styles: `
    :host {
      display: inline-flex;
      flex: none;
      vertical-align: middle;
    }
    img,
    .placeholder {
      display: block;
      border-radius: 6px;
      background: var(--mat-sys-surface-container-low);
    }
    img {
      object-fit: contain;
    }
    .placeholder {
      display: flex;
      align-items: center;
      justify-content: center;
      color: var(--mat-sys-outline);
    }
    .placeholder mat-icon {
      width: 50%;
      height: 50%;
    }
  `,
})
export class ProductPicture {
  /** The image URL (a product's thumbnailUrl or imageUrl), or null for the placeholder. */
  readonly url = input<string | null | undefined>(null);
  /** The product's name: the image's text alternative. */
  readonly name = input.required<string>();
  /** Width and height in CSS pixels. */
  readonly size = input(48);
  /** Above the fold (a product page's main image): load at once. */
  readonly eager = input(false);
}
