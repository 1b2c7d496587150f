import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatListModule, type MatSelectionListChange } from '@angular/material/list';
import type { ImportKind, ImportKindInfo } from '@tradecounter/contracts';
import { ImportKindDetails } from './import-kind-details';
import { ImportSender } from './import-sender';

/** Import: pick what the file holds, read its columns (or take its template), upload it for a dry run. */
@Component({
  selector: 'tc-import-start',
  imports: [ImportKindDetails, ImportSender, MatListModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="layout">
      <nav class="kinds tc-card" aria-labelledby="kinds-title">
        <h2 id="kinds-title" class="kinds-title">What does the file hold?</h2>
        <mat-selection-list
          [multiple]="false"
          hideSingleSelectionIndicator
          aria-labelledby="kinds-title"
          (selectionChange)="choose($event)"
        >
          @for (k of kinds(); track k.kind) {
            <mat-list-option
              [value]="k.kind"
              [selected]="k.kind === chosen()?.kind"
              [attr.data-kind]="k.kind"
            >
              <span matListItemTitle>{{ k.label }}</span>
              <span matListItemLine class="tc-muted">by {{ k.keyDescription }}</span>
            </mat-list-option>
          }
        </mat-selection-list>
      </nav>
      @if (chosen(); as k) {
        <div class="chosen">
          <tc-import-sender class="tc-card" [kind]="k.kind" [title]="'Upload ' + k.label.toLowerCase()" />
          <tc-import-kind-details class="tc-card" [info]="k" />
        </div>
      }
    </div>
  `,
  styles: `
    .layout {
      display: grid;
      grid-template-columns: minmax(220px, 280px) 1fr;
      gap: 16px;
      align-items: start;
    }
    @media (max-width: 900px) {
      .layout {
        grid-template-columns: 1fr;
      }
    }
    /* The picked kind stands out (the single-selection list hides its check). */
    .kinds .mat-mdc-list-option[aria-selected='true'] {
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    @media (max-width: 900px) {
      .kinds mat-selection-list {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(200px, 1fr));
      }
    }
    .kinds-title {
      font: var(--mat-sys-title-small);
      padding: 16px 16px 0;
    }
    .chosen {
      display: flex;
      flex-direction: column;
      gap: 16px;
      min-width: 0;
    }
  `,
})
export class ImportStart {
  readonly kinds = input.required<ImportKindInfo[]>();
  /** From the URL: the kind picked (the first when none or an unknown one). */
  readonly kind = input<string>('');
  readonly kindChange = output<ImportKind>();

  readonly chosen = computed<ImportKindInfo | undefined>(() => {
    const kinds = this.kinds();
    return kinds.find((k) => k.kind === this.kind()) ?? kinds[0];
  });

  choose(event: MatSelectionListChange): void {
    const value: unknown = event.options[0]?.value;
    if (typeof value === 'string') this.kindChange.emit(value as ImportKind);
  }
}
