import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { parseQuickOrder } from '@tradecounter/domain';
import type { QuickOrderResult } from '@tradecounter/contracts';
import { type Observable, of } from 'rxjs';
import { MoneyPipe } from '../shared/money.pipe';
import { problemMessage, toProblem } from '../shared/problem';
import { CartApi } from './cart-api';
import { type QuickOrderReport, reportCsv, reportPasted } from './quick-order-rows';

/** Files larger than this are refused by the API (413); say so before sending. */
const MAX_CSV_BYTES = 256 * 1024;

/**
 * Paste `SKU quantity` lines or upload a `sku,quantity` CSV: good rows go into
 * the cart, and every failed row stays in the box with its reason, to fix and send again.
 */
@Component({
  selector: 'tc-quick-order-page',
  imports: [
    FormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatTableModule,
    RouterLink,
    MoneyPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './quick-order-page.html',
  styleUrl: './quick-order-page.scss',
})
export class QuickOrderPage {
  private readonly api = inject(CartApi);

  readonly text = signal('');
  readonly working = signal(false);
  readonly report = signal<QuickOrderReport | null>(null);
  readonly subtotal = signal<string | null>(null);
  readonly cartLines = signal(0);
  readonly error = signal('');
  readonly fileName = signal('');
  readonly columns = ['row', 'sku', 'quantity', 'result'];

  addPasted(): void {
    const text = this.text();
    if (this.working() || text.trim() === '') return;
    const parsed = parseQuickOrder(text);
    this.start();
    const request: Observable<QuickOrderResult | null> = parsed.lines.length
      ? this.api.addLines(parsed.lines.map(({ sku, quantity }) => ({ sku, quantity })))
      : of(null);
    request.subscribe({
      next: (result) => {
        this.finish(reportPasted(text, parsed, result));
        if (result) this.showCart(result.cart.subtotal, result.cart.lines.length);
      },
      error: (error: unknown) => this.fail(error),
    });
  }

  upload(input: HTMLInputElement): void {
    const file = input.files?.[0];
    input.value = '';
    if (!file || this.working()) return;
    this.fileName.set(file.name);
    if (file.size > MAX_CSV_BYTES) {
      this.error.set(`${file.name} is larger than 256 KB; split it into smaller files.`);
      return;
    }
    this.start();
    void file.text().then((csv) =>
      this.api.importCsv(csv).subscribe({
        next: (result) => {
          this.finish(reportCsv(csv, result));
          this.showCart(result.cart.subtotal, result.cart.lines.length);
        },
        error: (error: unknown) => this.fail(error),
      }),
    );
  }

  private start(): void {
    this.working.set(true);
    this.error.set('');
  }

  private finish(report: QuickOrderReport): void {
    this.working.set(false);
    this.report.set(report);
    // Only what failed stays in the box, exactly as it was typed, to fix and send again.
    this.text.set(report.leftOver);
  }

  private showCart(subtotal: string, lines: number): void {
    this.subtotal.set(subtotal);
    this.cartLines.set(lines);
  }

  private fail(error: unknown): void {
    this.working.set(false);
    // Nothing was added: the box keeps everything.
    this.error.set(problemMessage(toProblem(error)));
  }
}
