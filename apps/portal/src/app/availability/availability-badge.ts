import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { MatTooltipModule } from '@angular/material/tooltip';
import type { ProductAvailability } from '@tradecounter/contracts';
import { BusinessCalendar } from './availability-api';
import { type AvailabilityWording, describeAvailability, toneIcon } from './availability-text';
import { localIsoDate } from './promise-dates';

/**
 * Availability as a coloured chip with an icon and words ("In stock · ships
 * Tue 2 Mar"), so it never relies on colour alone. Give it either a wording
 * already made (`wording`) or a product's availability to word.
 */
@Component({
  selector: 'tc-availability-badge',
  imports: [MatIconModule, MatTooltipModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (shown(); as w) {
      <span
        class="badge"
        [class]="'tone-' + w.tone"
        [class.stacked]="stacked()"
        [matTooltip]="w.exact"
        [matTooltipDisabled]="!w.exact"
        data-testid="availability"
      >
        <mat-icon [svgIcon]="icon()" aria-hidden="true" />
        <span class="text"
          ><span class="label">{{ w.label }}</span>
          @if (w.detail) {
            <span class="sep"> · </span><span class="detail">{{ w.detail }}</span>
          }
        </span>
      </span>
    }
  `,
  styles: `
    :host {
      display: inline-block;
      max-width: 100%;
    }
    .badge {
      display: inline-flex;
      align-items: center;
      gap: 6px;
      padding: 3px 10px 3px 6px;
      border-radius: 8px;
      font: var(--mat-sys-label-large);
      line-height: 18px;
      border: 1px solid transparent;
    }
    mat-icon {
      flex: 0 0 auto;
      width: 18px;
      height: 18px;
    }
    .detail {
      font-weight: 400;
    }
    /* In narrow table cells: the label over the date, without the separator. */
    .stacked {
      align-items: flex-start;
      .text {
        display: flex;
        flex-direction: column;
        white-space: nowrap;
      }
      .sep {
        display: none;
      }
      mat-icon {
        margin-top: 1px;
      }
    }
    .tone-in_stock {
      background: #d5f5e3;
      color: #0d5130;
    }
    .tone-low {
      background: #fff1cc;
      color: #5c4100;
    }
    .tone-out {
      background: #ffe6d5;
      color: #7a3300;
    }
    .tone-far {
      background: #fde3e1;
      color: #8c1d18;
    }
  `,
})
export class AvailabilityBadge {
  private readonly calendar = inject(BusinessCalendar);
  /** A product's availability at its warehouse, worded for `quantity` units. */
  readonly availability = input<ProductAvailability | null | undefined>(null);
  readonly quantity = input(1);
  /** Label and date on two lines (table cells). */
  readonly stacked = input(false);
  /** Or a wording made elsewhere (the product page's promise headline). */
  readonly wording = input<AvailabilityWording | null>(null);

  readonly shown = computed<AvailabilityWording | null>(() => {
    const given = this.wording();
    if (given) return given;
    const availability = this.availability();
    if (!availability) return null;
    return describeAvailability(
      {
        available: availability.available,
        quantity: this.quantity(),
        nextShipDate: availability.nextShipDate,
      },
      { today: localIsoDate(), holidays: this.calendar.holidays() },
    );
  });
  readonly icon = computed(() => toneIcon(this.shown()?.tone ?? 'in_stock'));
}
