import { HttpErrorResponse } from '@angular/common/http';
import { Directive, inject, input, output, signal } from '@angular/core';
import { MatSnackBar } from '@angular/material/snack-bar';
import type { PriceTier } from '@tradecounter/contracts';
import type { Observable } from 'rxjs';
import type { Versioned } from '../shared/versioned';
import { PricingApi } from './pricing-api';

/**
 * What the tier page's editors (settings, breaks, fixed prices) share: the
 * tier and the ETag they change it with, and how a change is saved. A 412
 * means someone else changed the tier meanwhile: the page offers a reload.
 */
@Directive()
export abstract class TierEditor {
  protected readonly api = inject(PricingApi);
  protected readonly snackBar = inject(MatSnackBar);
  readonly tier = input.required<PriceTier>();
  readonly etag = input<string | null>(null);
  readonly readonly = input(false);
  readonly saved = output<Versioned<PriceTier>>();
  readonly stale = output();
  readonly saving = signal(false);

  /** Sends one change; `done` words the snack for the saved tier, `failed` shows any error but a 412. */
  protected change(
    request: Observable<Versioned<PriceTier>>,
    done: (tier: PriceTier) => string,
    failed: (error: unknown) => void,
  ): void {
    this.saving.set(true);
    request.subscribe({
      next: (result) => {
        this.saving.set(false);
        this.snackBar.open(done(result.value), 'Dismiss');
        this.saved.emit(result);
      },
      error: (error: unknown) => {
        this.saving.set(false);
        if (error instanceof HttpErrorResponse && error.status === 412) this.stale.emit();
        else failed(error);
      },
    });
  }
}
