import { BreakpointObserver } from '@angular/cdk/layout';
import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatExpansionModule } from '@angular/material/expansion';
import { map } from 'rxjs';

/** Phones: filters fold away so the list itself is in view. */
const SMALL_QUERY = '(max-width: 599.98px)';

/**
 * A list's filters: on wide screens they sit in the page's filter row as they
 * are; on phones they fold into an expansion panel ("Filters · 2 active"),
 * closed until the user opens it.
 */
@Component({
  selector: 'tc-filter-panel',
  imports: [MatExpansionModule, NgTemplateOutlet],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '[class.small]': 'small()' },
  template: `
    <ng-template #fields><ng-content /></ng-template>
    @if (small()) {
      <mat-expansion-panel class="panel">
        <mat-expansion-panel-header>
          <mat-panel-title>{{ title() }}</mat-panel-title>
          @if (active() > 0) {
            <mat-panel-description>{{ active() }} active</mat-panel-description>
          }
        </mat-expansion-panel-header>
        <div class="fields"><ng-container [ngTemplateOutlet]="fields" /></div>
      </mat-expansion-panel>
    } @else {
      <ng-container [ngTemplateOutlet]="fields" />
    }
  `,
  styles: `
    :host {
      display: contents;
    }
    :host(.small) {
      display: block;
      flex: 1 1 100%;
      min-width: 0;
    }
    .fields {
      display: flex;
      flex-direction: column;
      gap: 4px;
    }
    .fields > * {
      width: 100%;
      max-width: none;
    }
  `,
})
export class FilterPanel {
  readonly title = input('Filters');
  /** How many filters are set (shown on the folded panel). */
  readonly active = input(0);

  readonly small = toSignal(
    inject(BreakpointObserver)
      .observe(SMALL_QUERY)
      .pipe(map((state) => state.matches)),
    {
      initialValue: window.matchMedia(SMALL_QUERY).matches,
    },
  );
}
