import { ChangeDetectionStrategy, Component, effect, inject, input, output } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatAutocompleteModule, type MatAutocompleteSelectedEvent } from '@angular/material/autocomplete';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import type { Account } from '@tradecounter/contracts';
import { catchError, debounceTime, distinctUntilChanged, map, of, startWith, switchMap } from 'rxjs';
import { AccountsApi } from '../accounts/accounts-api';

/**
 * Narrows a report to one account: type part of a code or name and pick it
 * (there can be thousands, too many for a drop-down). Clearing shows all.
 */
@Component({
  selector: 'tc-account-filter',
  imports: [
    ReactiveFormsModule,
    MatAutocompleteModule,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-form-field class="field">
      <mat-label>Account</mat-label>
      <input
        matInput
        type="text"
        [formControl]="text"
        [matAutocomplete]="auto"
        placeholder="Every account"
        aria-label="Account"
        autocomplete="off"
      />
      @if (accountId()) {
        <button mat-icon-button matSuffix type="button" aria-label="Clear account" (click)="clear()">
          <mat-icon svgIcon="close" />
        </button>
      }
      <mat-autocomplete #auto="matAutocomplete" (optionSelected)="pick($event)">
        @for (a of options(); track a.id) {
          <mat-option [value]="a">{{ a.code }} · {{ a.name }}</mat-option>
        }
      </mat-autocomplete>
    </mat-form-field>
  `,
  styles: `
    .field {
      width: 100%;
    }
  `,
})
export class AccountFilter {
  private readonly accounts = inject(AccountsApi);
  readonly accountId = input('');
  readonly accountIdChange = output<string>();
  readonly text = new FormControl<string | Account>('', { nonNullable: true });

  readonly options = toSignal(
    this.text.valueChanges.pipe(
      startWith(''),
      map((value) => (typeof value === 'string' ? value.trim() : '')),
      debounceTime(200),
      distinctUntilChanged(),
      switchMap((search) =>
        this.accounts.list({ search: search || undefined, pageSize: 20 }).pipe(
          map((page) => page.items),
          catchError(() => of<Account[]>([])),
        ),
      ),
    ),
    { initialValue: [] as Account[] },
  );

  constructor() {
    // A shared link carries only the id: show the account's name for it.
    effect(() => {
      const id = this.accountId();
      const shown = this.text.value;
      if (!id) {
        if (typeof shown !== 'string') this.text.setValue('', { emitEvent: false });
        return;
      }
      if (typeof shown !== 'string' && shown.id === id) return;
      this.accounts.get(id).subscribe({
        next: (account) => this.text.setValue(this.label(account), { emitEvent: false }),
        error: () => this.text.setValue('', { emitEvent: false }),
      });
    });
  }

  pick(event: MatAutocompleteSelectedEvent): void {
    const account = event.option.value as Account;
    this.text.setValue(this.label(account), { emitEvent: false });
    this.accountIdChange.emit(account.id);
  }

  clear(): void {
    this.text.setValue('');
    this.accountIdChange.emit('');
  }

  private label(account: Account): string {
    return `${account.code} · ${account.name}`;
  }
}
