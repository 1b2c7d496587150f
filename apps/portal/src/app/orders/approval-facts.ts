import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { catchError, of, switchMap } from 'rxjs';
import { approvalWords } from './approval-words';
import { OrdersApi } from './orders-api';

/** For an approver on an order waiting for them: how far over the buyer's limit it is. */
@Component({
  selector: 'tc-approval-facts',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (words(); as w) {
      <p class="over" data-testid="approval-facts">{{ w }}</p>
    }
  `,
  styles: `
    .over {
      margin: 0;
      font: var(--mat-sys-title-small);
    }
  `,
})
export class ApprovalFacts {
  private readonly api = inject(OrdersApi);
  readonly orderId = input.required<string>();
  private readonly facts = toSignal(
    toObservable(this.orderId).pipe(
      switchMap((id) => this.api.approval(id).pipe(catchError(() => of(null)))),
    ),
  );
  readonly words = computed(() => {
    const facts = this.facts();
    return facts ? approvalWords(facts) : '';
  });
}
