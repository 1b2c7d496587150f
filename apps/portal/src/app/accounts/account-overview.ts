import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { Account } from '@tradecounter/contracts';
import { HumanizePipe } from '../shared/labels.pipe';
import { subtractMoney } from '../shared/money-format';
import { MoneyPipe } from '../shared/money.pipe';

@Component({
  selector: 'tc-account-overview',
  imports: [MoneyPipe, HumanizePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let a = account();
    <dl class="tc-facts">
      <div>
        <dt>Code</dt>
        <dd class="code">{{ a.code }}</dd>
      </div>
      <div>
        <dt>Name</dt>
        <dd>{{ a.name }}</dd>
      </div>
      <div>
        <dt>Status</dt>
        <dd>
          <span class="tc-status" [class]="'tc-status-' + a.status">{{ a.status | humanize }}</span>
        </dd>
      </div>
      <div>
        <dt>Credit limit</dt>
        <dd data-testid="credit-limit">{{ a.creditLimit | money }}</dd>
      </div>
      <div>
        <dt>Credit exposure</dt>
        <dd>{{ a.creditExposure | money }}</dd>
      </div>
      <div>
        <dt>Available credit</dt>
        <dd [class.over]="overLimit()">{{ available() | money }}</dd>
      </div>
      <div>
        <dt>Payment terms</dt>
        <dd>{{ a.paymentTerms | humanize }}</dd>
      </div>
      <div>
        <dt>PO number</dt>
        <dd>{{ a.requiresPo ? 'Required on every order' : 'Optional' }}</dd>
      </div>
      <div>
        <dt>Account manager</dt>
        <dd>{{ a.accountManagerName ?? 'Unassigned' }}</dd>
      </div>
      <div>
        <dt>Default warehouse</dt>
        <dd>{{ a.defaultWarehouseCode ?? '—' }}</dd>
      </div>
    </dl>
  `,
  styles: `
    .code {
      font-family: ui-monospace, Menlo, Consolas, monospace;
    }
    .over {
      color: var(--mat-sys-error);
      font-weight: 600;
    }
  `,
})
export class AccountOverview {
  readonly account = input.required<Account>();
  /** Limit minus exposure, computed exactly on decimal strings. */
  readonly available = computed(() =>
    subtractMoney(this.account().creditLimit, this.account().creditExposure),
  );
  readonly overLimit = computed(() => this.available().startsWith('-'));
}
