import {
  ChangeDetectionStrategy,
  Component,
  computed,
  input,
  output,
  ViewEncapsulation,
} from '@angular/core';
import { MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import type { Page } from '@tradecounter/contracts';
import { EmptyState } from '../empty-state';
import { ErrorState } from '../error-state';
import type { Loadable } from '../loadable';
import { LoadingState } from '../loading-state';

/**
 * Everything around a list's rows: the loading bar, the problem with Retry,
 * the empty state (its action projected with an `empty` attribute), the
 * paginator for a page, and card mode under 600 px: a table's rows become
 * wrapped two-line cards (header hidden, `tc-hide-narrow` cells left out, the
 * last cell — amount or action — kept at the end of the first line).
 *
 * Rows are links: put `class="tc-row-link"` on the row's main `<a routerLink>`
 * and the whole row opens it (new tab and middle-click included); other
 * buttons and links in the row stay clickable above it.
 */
@Component({
  selector: 'tc-list-frame',
  imports: [MatPaginatorModule, EmptyState, ErrorState, LoadingState],
  changeDetection: ChangeDetectionStrategy.OnPush,
  encapsulation: ViewEncapsulation.None,
  host: { '[class.tc-card]': 'card()' },
  template: `
    @let s = state();
    @if (!s || s.loading || busy()) {
      <tc-loading-state [compact]="!!s?.value" [label]="loadingLabel()" />
    }
    @if (s?.problem; as problem) {
      <tc-error-state [problem]="problem" (retry)="retry.emit()" />
    } @else if (s?.value !== undefined) {
      @if (empty()) {
        <tc-empty-state [icon]="emptyIcon()" [title]="emptyTitle()" [message]="emptyMessage()">
          <ng-content select="[empty]" />
        </tc-empty-state>
      } @else {
        <div class="tc-table-scroll tc-list-rows">
          <ng-content />
        </div>
        @if (paged(); as p) {
          <mat-paginator
            [length]="p.total"
            [pageIndex]="p.page - 1"
            [pageSize]="p.pageSize"
            [pageSizeOptions]="pageSizeOptions()"
            [attr.aria-label]="paginatorLabel()"
            (page)="page.emit($event)"
          />
        }
      }
    }
  `,
  styles: `
    tc-list-frame {
      display: block;
    }
    tc-list-frame tr:has(> td > .tc-row-link, > td .tc-row-link) {
      position: relative;
      cursor: pointer;
    }
    tc-list-frame tr:has(.tc-row-link):hover,
    tc-list-frame tr:has(.tc-row-link:focus-visible) {
      background: var(--mat-sys-surface-container-high);
    }
    tc-list-frame .tc-row-link {
      color: var(--mat-sys-primary);
      text-decoration: none;
    }
    tc-list-frame .tc-row-link:hover,
    tc-list-frame .tc-row-link:focus-visible {
      text-decoration: underline;
    }
    /* The link covers its row, so a click anywhere on the row follows it. */
    tc-list-frame .tc-row-link::after {
      content: '';
      position: absolute;
      inset: 0;
    }
    tc-list-frame td button,
    tc-list-frame td a:not(.tc-row-link),
    tc-list-frame td input,
    tc-list-frame td mat-form-field,
    tc-list-frame td mat-checkbox {
      position: relative;
      z-index: 1;
    }
    @media (max-width: 600px) {
      tc-list-frame .tc-list-rows table.mat-mdc-table {
        display: block;
      }
      tc-list-frame .tc-list-rows thead,
      tc-list-frame .tc-list-rows td.mat-mdc-cell.tc-hide-narrow {
        display: none;
      }
      tc-list-frame .tc-list-rows tbody {
        display: block;
      }
      tc-list-frame .tc-list-rows tr.mat-mdc-row {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 2px 12px;
        height: auto;
        padding: 10px 16px;
        border-bottom: 1px solid var(--mat-sys-outline-variant);
      }
      tc-list-frame .tc-list-rows td.mat-mdc-cell {
        display: block;
        border: 0;
        padding: 0 !important;
        min-height: 0;
      }
      tc-list-frame .tc-list-rows td.mat-mdc-cell:first-child {
        flex: 1 1 auto;
        font-weight: 500;
      }
      tc-list-frame .tc-list-rows td.mat-mdc-cell:last-child {
        order: -1;
        margin-left: auto;
      }
      tc-list-frame .tc-list-rows td.mat-mdc-cell:first-child {
        order: -2;
      }
    }
  `,
})
export class ListFrame {
  readonly state = input.required<Loadable<unknown> | undefined>();
  readonly loadingLabel = input('Loading…');
  readonly emptyIcon = input('inbox');
  readonly emptyTitle = input('Nothing here yet');
  readonly emptyMessage = input('');
  readonly paginatorLabel = input('Pages');
  readonly pageSizeOptions = input([25, 50, 100]);
  /** Draws the frame as a card (a list alone on its page); off inside a card or tab. */
  readonly card = input(true);
  /** Shows the loading bar while the page works on the list (e.g. an action on a row). */
  readonly busy = input(false);
  readonly retry = output();
  readonly page = output<PageEvent>();

  /** Off for a sheet that shows one page on purpose (the pick list). */
  readonly paginate = input(true);

  readonly paged = computed(() => {
    const value = this.state()?.value;
    return this.paginate() && isPage(value) ? value : undefined;
  });
  readonly empty = computed(() => {
    const value = this.state()?.value;
    if (Array.isArray(value)) return value.length === 0;
    return isPage(value) ? value.items.length === 0 : false;
  });
}

function isPage(value: unknown): value is Page<unknown> {
  return !!value && typeof value === 'object' && 'items' in value && 'total' in value;
}
