import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { Router, RouterLink } from '@angular/router';
import { MAX_PAGE_SIZE, type PlaceOrderRequest } from '@tradecounter/contracts';
import { parseQuickOrder } from '@tradecounter/domain';
import { catchError, forkJoin, map, of, switchMap } from 'rxjs';
import { AccountsApi } from '../accounts/accounts-api';
import { fieldError } from '../shared/form-errors';
import { HumanizePipe } from '../shared/labels.pipe';
import { MoneyPipe } from '../shared/money.pipe';
import { applyProblemToForm, toProblem } from '../shared/problem';
import { textParam } from '../shared/route-inputs';
import { OrderSubmission } from './order-submission';
import { OrdersApi } from './orders-api';

/** An account manager takes an order over the phone for one of their accounts (channel `phone`). */
@Component({
  selector: 'tc-phone-order-page',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    MatSlideToggleModule,
    RouterLink,
    HumanizePipe,
    MoneyPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="tc-page">
      <header class="tc-page-header">
        <a mat-icon-button routerLink="/orders" aria-label="Back to orders"><mat-icon svgIcon="back" /></a>
        <h1>New order for an account</h1>
      </header>
      <div class="tc-card">
        @if (placing()) {
          <mat-progress-bar mode="indeterminate" aria-label="Placing the order" />
        }
        <form [formGroup]="form" (ngSubmit)="place()" class="body" novalidate>
          <div class="tc-form">
            <mat-form-field>
              <mat-label>Account</mat-label>
              <mat-select formControlName="accountId" required>
                @for (a of accounts(); track a.id) {
                  <mat-option [value]="a.id">{{ a.code }} — {{ a.name }}</mat-option>
                }
              </mat-select>
              <mat-error>{{ fieldError(form.controls.accountId, 'Account') }}</mat-error>
            </mat-form-field>
            <mat-form-field>
              <mat-label>Ship to</mat-label>
              <mat-select formControlName="shippingAddressId" required>
                @for (a of facts()?.addresses ?? []; track a.id) {
                  <mat-option [value]="a.id">{{ a.label }} — {{ a.line1 }}, {{ a.city }}</mat-option>
                }
              </mat-select>
              <mat-error>{{ fieldError(form.controls.shippingAddressId, 'Shipping address') }}</mat-error>
            </mat-form-field>
            <mat-form-field>
              <mat-label>PO number{{ facts()?.account?.requiresPo ? '' : ' (optional)' }}</mat-label>
              <input
                matInput
                formControlName="poNumber"
                maxlength="50"
                [required]="!!facts()?.account?.requiresPo"
              />
              <mat-error>{{ fieldError(form.controls.poNumber, 'PO number') }}</mat-error>
            </mat-form-field>
            @if (facts()?.credit; as c) {
              <p class="credit tc-muted">
                {{ c.paymentTerms | humanize }} · available credit {{ c.availableCredit | money }} of
                {{ c.creditLimit | money }}
                @if (c.onHold) {
                  · <strong class="bad">account on hold</strong>
                }
              </p>
            }
            <mat-form-field class="tc-span-all">
              <mat-label>Lines: SKU and quantity, one per line</mat-label>
              <textarea
                matInput
                formControlName="lines"
                rows="6"
                spellcheck="false"
                placeholder="GLV-NIT-M 10"
              ></textarea>
              <mat-error>{{ fieldError(form.controls.lines, 'Lines') }}</mat-error>
            </mat-form-field>
            <mat-slide-toggle formControlName="shipComplete" class="tc-span-all"
              >Ship complete (one delivery when everything is ready)</mat-slide-toggle
            >
            <mat-form-field class="tc-span-all">
              <mat-label>Notes (optional)</mat-label>
              <textarea matInput formControlName="notes" rows="2" maxlength="2000"></textarea>
            </mat-form-field>
          </div>
          @if (error()) {
            <div class="error" role="alert">
              <p>{{ error() }}</p>
              @for (e of errors(); track $index) {
                <p>{{ e }}</p>
              }
            </div>
          }
          <div class="tc-actions">
            <button mat-flat-button type="submit" [disabled]="placing()">Place order</button>
          </div>
        </form>
      </div>
    </section>
  `,
  styles: `
    .body {
      padding: 20px;
      display: flex;
      flex-direction: column;
      gap: 12px;
    }
    .credit {
      margin: 12px 0 0;
    }
    .bad,
    .error {
      color: var(--mat-sys-error);
    }
    .error p {
      margin: 0 0 4px;
    }
    textarea {
      font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    }
  `,
})
export class PhoneOrderPage {
  private readonly accountsApi = inject(AccountsApi);
  private readonly ordersApi = inject(OrdersApi);
  private readonly router = inject(Router);
  private readonly submission = new OrderSubmission(this.ordersApi);
  readonly fieldError = fieldError;

  /** `?accountId=` from the account page. */
  readonly accountId = input('', { transform: textParam });
  readonly form = inject(NonNullableFormBuilder).group({
    accountId: ['', Validators.required],
    shippingAddressId: ['', Validators.required],
    poNumber: ['', Validators.maxLength(50)],
    lines: ['', Validators.required],
    shipComplete: [true],
    notes: ['', Validators.maxLength(2000)],
  });
  readonly accounts = toSignal(
    this.accountsApi.list({ pageSize: MAX_PAGE_SIZE }).pipe(
      map((page) => page.items),
      catchError(() => of([])),
    ),
    { initialValue: [] },
  );
  private readonly picked = toSignal(this.form.controls.accountId.valueChanges, { initialValue: '' });
  readonly facts = toSignal(
    toObservable(computed(() => this.picked())).pipe(
      switchMap((id) =>
        id
          ? forkJoin({
              account: this.accountsApi.get(id),
              addresses: this.accountsApi.addresses(id),
              credit: this.ordersApi.credit(id).pipe(catchError(() => of(null))),
            }).pipe(catchError(() => of(null)))
          : of(null),
      ),
    ),
  );
  readonly placing = signal(false);
  readonly error = signal('');
  readonly errors = signal<string[]>([]);

  constructor() {
    effect(() => {
      const id = this.accountId();
      if (id) untracked(() => this.form.controls.accountId.setValue(id));
    });
    effect(() => {
      const facts = this.facts();
      untracked(() => {
        const address = this.form.controls.shippingAddressId;
        address.setValue(facts?.addresses[0]?.id ?? '');
        const po = this.form.controls.poNumber;
        po.setValidators(
          facts?.account.requiresPo
            ? [Validators.required, Validators.maxLength(50)]
            : [Validators.maxLength(50)],
        );
        po.updateValueAndValidity();
      });
    });
  }

  place(): void {
    if (this.placing()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const value = this.form.getRawValue();
    const parsed = parseQuickOrder(value.lines);
    if (parsed.errors.length || parsed.lines.length === 0) {
      this.error.set('Fix the lines first:');
      this.errors.set(parsed.errors.map((e) => `Row ${e.row}: ${e.reason}`));
      return;
    }
    const body: PlaceOrderRequest = {
      accountId: value.accountId,
      lines: parsed.lines.map(({ sku, quantity }) => ({ sku, quantity })),
      shippingAddressId: value.shippingAddressId,
      shipComplete: value.shipComplete,
      ...(value.poNumber.trim() ? { poNumber: value.poNumber.trim() } : {}),
      ...(value.notes.trim() ? { notes: value.notes.trim() } : {}),
    };
    this.placing.set(true);
    this.error.set('');
    this.errors.set([]);
    this.submission.place(body).subscribe({
      next: (order) => void this.router.navigate(['/orders', order.id, 'placed']),
      error: (error: unknown) => {
        this.placing.set(false);
        const problem = toProblem(error);
        if (problem.status === 422) this.submission.forget();
        const unmatched = applyProblemToForm(problem, this.form);
        this.error.set(problem.detail ? `${problem.title}: ${problem.detail}` : problem.title);
        this.errors.set(unmatched.map((text) => lineError(text, body)));
      },
    });
  }
}

/** "lines[2].quantity: must be …" → "GLV-NIT-M: must be …". */
function lineError(text: string, body: PlaceOrderRequest): string {
  const match = /^lines\[(\d+)\][^:]*: (.*)$/.exec(text);
  if (!match) return text;
  const sku = body.lines?.[Number(match[1])]?.sku;
  return sku ? `${sku}: ${match[2]}` : text;
}
