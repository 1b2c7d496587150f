import { ChangeDetectionStrategy, Component, effect, inject, input, untracked } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatAutocompleteModule, type MatAutocompleteSelectedEvent } from '@angular/material/autocomplete';
import type { ErrorStateMatcher } from '@angular/material/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { Account } from '@tradecounter/contracts';
import { catchError, debounceTime, distinctUntilChanged, map, of, startWith, switchMap } from 'rxjs';
import { AccountsApi } from '../accounts/accounts-api';
import { fieldError } from '../shared/form-errors';

/** How many accounts the picker offers for what is typed. */
const SUGGESTIONS = 20;

/**
 * The account a phone order is for: type part of its code or name, and pick
 * it from what the API finds (the accounts the account manager looks after).
 * Writes the picked account's id into `control`; typing again clears it
 * until another account is picked.
 */
@Component({
  selector: 'tc-account-picker',
  imports: [ReactiveFormsModule, MatAutocompleteModule, MatFormFieldModule, MatInputModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-form-field class="picker">
      <mat-label>Account</mat-label>
      <input
        matInput
        type="search"
        [formControl]="search"
        [matAutocomplete]="auto"
        [errorStateMatcher]="errors"
        placeholder="Code or name"
        required
        data-testid="account-picker"
      />
      <mat-autocomplete
        #auto="matAutocomplete"
        [displayWith]="display"
        (optionSelected)="pick($event)"
        autoActiveFirstOption
      >
        @for (a of suggestions(); track a.id) {
          <mat-option [value]="a">{{ a.code }} — {{ a.name }}</mat-option>
        } @empty {
          @if (typedText()) {
            <mat-option disabled>No account matches “{{ typedText() }}”</mat-option>
          }
        }
      </mat-autocomplete>
      <mat-hint>Type part of the account’s code or name.</mat-hint>
      <mat-error>{{ fieldError(control(), 'Account') }}</mat-error>
    </mat-form-field>
  `,
  styles: `
    .picker {
      width: 100%;
    }
  `,
})
export class AccountPicker {
  private readonly accounts = inject(AccountsApi);
  readonly fieldError = fieldError;
  /** The form's account id. */
  readonly control = input.required<FormControl<string>>();
  /** The account the id stands for once known (e.g. from `?accountId=`), to show its name. */
  readonly selected = input<Account | null | undefined>(null);

  readonly search = new FormControl<string | Account>('', { nonNullable: true });
  readonly errors: ErrorStateMatcher = {
    isErrorState: () => this.control().invalid && (this.control().touched || this.search.touched),
  };
  private readonly typed = this.search.valueChanges.pipe(
    startWith(this.search.value),
    map((value) => (typeof value === 'string' ? value.trim() : null)),
  );
  readonly typedText = toSignal(this.typed.pipe(map((text) => text ?? '')), { initialValue: '' });
  readonly suggestions = toSignal(
    this.typed.pipe(
      debounceTime(250),
      distinctUntilChanged(),
      switchMap((text) =>
        text === null
          ? of([] as Account[])
          : this.accounts.list({ search: text || undefined, pageSize: SUGGESTIONS }).pipe(
              map((page) => page.items),
              catchError(() => of([] as Account[])),
            ),
      ),
    ),
    { initialValue: [] as Account[] },
  );

  readonly display = (value: Account | string | null): string =>
    typeof value === 'string' ? value : value ? `${value.code} — ${value.name}` : '';

  constructor() {
    // Show the account that the id stands for, unless the user is typing another.
    effect(() => {
      const account = this.selected();
      untracked(() => {
        const current = this.search.value;
        if (account && (typeof current === 'string' || current.id !== account.id)) {
          this.search.setValue(account, { emitEvent: false });
        }
      });
    });
    // Typing after a pick un-picks.
    this.search.valueChanges.subscribe((value) => {
      if (typeof value === 'string' && this.control().value) this.control().setValue('');
    });
  }

  pick(event: MatAutocompleteSelectedEvent): void {
    const account = event.option.value as Account;
    this.control().setValue(account.id);
    this.control().markAsTouched();
  }
}
