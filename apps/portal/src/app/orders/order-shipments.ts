import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import type { Order, Shipment } from '@tradecounter/contracts';
import { DisplayDateTimePipe } from '../shared/date.pipe';
import { DocumentDownload } from '../shared/document-download';

/**
 * An order's shipments: carrier, tracking number, when it left and arrived,
 * what it carried, and its packing slip for whoever sees the shipment.
 */
@Component({
  selector: 'tc-order-shipments',
  imports: [DisplayDateTimePipe, DocumentDownload, MatButtonModule, MatIconModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ol class="shipments" aria-label="Shipments">
      @for (sh of order().shipments; track sh.id; let i = $index) {
        <li class="shipment" [attr.data-testid]="'shipment-' + (i + 1)">
          <div class="head">
            <mat-icon svgIcon="local_shipping" aria-hidden="true" />
            <strong>Shipment {{ i + 1 }}</strong>
            <span class="carrier">{{ sh.carrier }}</span>
            @if (sh.trackingUrl) {
              <a
                class="tc-mono tracking"
                [href]="sh.trackingUrl"
                target="_blank"
                rel="noopener noreferrer"
                data-testid="tracking-link"
                >{{ sh.trackingNumber
                }}<span class="tc-visually-hidden">
                  (track with {{ sh.carrier }}, opens in a new tab)</span
                ></a
              >
            } @else {
              <span class="tc-mono tracking" title="Tracking number">{{ sh.trackingNumber }}</span>
            }
            <span class="spacer"></span>
            @if (sh.deliveredAt) {
              <span class="state delivered">Delivered</span>
            } @else {
              <span class="state transit">In transit</span>
              @if (canDeliver()) {
                <button mat-stroked-button type="button" (click)="deliver.emit(sh)">Mark delivered</button>
              }
            }
            <tc-document-download
              [url]="packingSlipUrl(sh)"
              [filename]="packingSlipName(i)"
              label="Packing slip (PDF)"
              [attr.data-testid]="'packing-slip-' + (i + 1)"
            />
          </div>
          <dl class="times">
            <dt>Shipped</dt>
            <dd>
              <time [attr.datetime]="sh.shippedAt">{{ sh.shippedAt | displayDateTime }}</time>
            </dd>
            <dt>Delivered</dt>
            <dd>
              @if (sh.deliveredAt) {
                <time [attr.datetime]="sh.deliveredAt">{{ sh.deliveredAt | displayDateTime }}</time>
              } @else {
                —
              }
            </dd>
          </dl>
          <ul class="lines" aria-label="Contents">
            @for (sl of sh.lines; track sl.orderLineId) {
              <li>
                <strong>{{ sl.quantity }}</strong> ×
                <span class="tc-mono">{{ line(sl.orderLineId)?.sku }}</span>
                {{ line(sl.orderLineId)?.name }}
              </li>
            }
          </ul>
        </li>
      }
    </ol>
  `,
  styles: `
    .shipments {
      list-style: none;
      margin: 0;
      padding: 0 20px 16px;
      display: grid;
      gap: 12px;
    }
    .shipment {
      padding: 12px 16px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 10px;
    }
    .head {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px 12px;
      mat-icon {
        color: var(--mat-sys-primary);
      }
    }
    .carrier {
      font: var(--mat-sys-title-small);
    }
    .tracking {
      color: var(--mat-sys-on-surface-variant);
      word-break: break-all;
    }
    .spacer {
      flex: 1 1 auto;
    }
    .state {
      padding: 2px 10px;
      border-radius: 999px;
      font: var(--mat-sys-label-medium);
    }
    .transit {
      background: #dbe8ff;
      color: #0b3a80;
    }
    .delivered {
      background: #d5f5e3;
      color: #0d5130;
    }
    .times {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 2px 12px;
      margin: 8px 0 4px;
      font: var(--mat-sys-body-small);
      dt {
        color: var(--mat-sys-on-surface-variant);
      }
      dd {
        margin: 0;
      }
    }
    .lines {
      margin: 4px 0 0;
      padding-left: 20px;
      font: var(--mat-sys-body-medium);
    }
  `,
})
export class OrderShipments {
  readonly order = input.required<Order>();
  /** Staff who record deliveries see a button on each shipment in transit. */
  readonly canDeliver = input(false);
  readonly deliver = output<Shipment>();

  private readonly lines = computed(() => new Map(this.order().lines.map((line) => [line.id, line])));

  packingSlipUrl(shipment: Shipment): string {
    return `/api/documents/packing-slips/${encodeURIComponent(shipment.id)}.pdf`;
  }

  /** SO-000123-shipment-2.pdf: the order's number and the shipment's place on it. */
  packingSlipName(index: number): string {
    return `${this.order().number}-shipment-${index + 1}.pdf`;
  }

  line(orderLineId: string) {
    return this.lines().get(orderLineId);
  }
}
