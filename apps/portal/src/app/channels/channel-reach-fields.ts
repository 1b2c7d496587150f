import { ChangeDetectionStrategy, Component, ElementRef, inject, input, viewChild } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import {
  FormControl,
  FormGroup,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  Validators,
} from '@angular/forms';
import { MatAutocompleteModule, type MatAutocompleteSelectedEvent } from '@angular/material/autocomplete';
import { MatChipsModule } from '@angular/material/chips';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import type { Channel, ChannelAccount, UpdateChannelRequest } from '@tradecounter/contracts';
import { catchError, debounceTime, distinctUntilChanged, map, of, startWith, switchMap } from 'rxjs';
import { AccountsApi } from '../accounts/accounts-api';

/** What a channel's key may do, as a form: its accounts (or all), and inline addresses. */
export type ChannelReachForm = FormGroup<{
  accounts: FormControl<ChannelAccount[]>;
  allAccounts: FormControl<boolean>;
  allowAddresses: FormControl<boolean>;
  dataSync: FormControl<boolean>;
}>;

/**
 * The form, from a channel or for a new one (no account, no addresses). A
 * key must be given accounts, or all of them on purpose: the list is
 * required until "All accounts" is on, and is then set aside. A key that
 * only syncs data (an ERP) may order for nobody: then the list is optional.
 */
export function channelReachForm(fb: NonNullableFormBuilder, channel?: Channel): ChannelReachForm {
  const form: ChannelReachForm = fb.group({
    accounts: fb.control<ChannelAccount[]>(channel?.accounts ?? [], Validators.required),
    allAccounts: fb.control(channel?.allAccounts ?? false),
    allowAddresses: fb.control(channel?.allowAddresses ?? false),
    dataSync: fb.control(channel?.dataSync ?? false),
  });
  const follow = () => {
    const accounts = form.controls.accounts;
    if (form.controls.allAccounts.value) accounts.disable({ emitEvent: false });
    else accounts.enable({ emitEvent: false });
    accounts.setValidators(form.controls.dataSync.value ? [] : [Validators.required]);
    accounts.updateValueAndValidity({ emitEvent: false });
  };
  follow();
  form.controls.allAccounts.valueChanges.subscribe(follow);
  form.controls.dataSync.valueChanges.subscribe(follow);
  return form;
}

/** The request for the API: every field, so what the admin saw is what is saved. */
export function channelReachRequest(form: ChannelReachForm): Required<UpdateChannelRequest> {
  const { accounts, allAccounts, allowAddresses, dataSync } = form.getRawValue();
  return {
    allAccounts,
    accountIds: allAccounts ? [] : accounts.map((account) => account.id),
    allowAddresses,
    dataSync,
  };
}

/**
 * The accounts a channel's key may order for, picked as chips from a search
 * over the accounts (there can be thousands), or "All accounts" with a
 * warning; and whether its orders may carry their own ship-to address.
 */
@Component({
  selector: 'tc-channel-reach-fields',
  imports: [
    ReactiveFormsModule,
    MatAutocompleteModule,
    MatChipsModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatSlideToggleModule,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let f = form();
    <fieldset class="reach" [formGroup]="f">
      <legend>Which customers its key may order for</legend>
      @if (!f.controls.allAccounts.value) {
        <mat-form-field class="accounts">
          <mat-label>Accounts</mat-label>
          <mat-chip-grid #chips formControlName="accounts" aria-label="Accounts this key may order for">
            @for (account of f.controls.accounts.value; track account.id) {
              <mat-chip-row [value]="account" (removed)="remove(account)" [attr.data-code]="account.code">
                {{ account.code }} · {{ account.name }}
                <button matChipRemove type="button" [attr.aria-label]="'Remove ' + account.code">
                  <mat-icon svgIcon="close" />
                </button>
              </mat-chip-row>
            }
            <input
              #searchInput
              placeholder="Type a code or name"
              aria-label="Add an account"
              autocomplete="off"
              [formControl]="search"
              [matChipInputFor]="chips"
              [matAutocomplete]="auto"
            />
          </mat-chip-grid>
          <mat-autocomplete #auto="matAutocomplete" (optionSelected)="add($event)">
            @let found = options();
            @if (found.failed) {
              <mat-option disabled>Accounts could not be loaded; type again to retry</mat-option>
            } @else {
              @for (account of unchosen(found.items); track account.id) {
                <mat-option [value]="account">{{ account.code }} · {{ account.name }}</mat-option>
              } @empty {
                <mat-option disabled>{{
                  found.loading ? 'Searching…' : 'No other account matches'
                }}</mat-option>
              }
            }
          </mat-autocomplete>
          <mat-hint>Orders for any other account are refused as if it did not exist</mat-hint>
          <mat-error>Pick at least one account, or choose all accounts</mat-error>
        </mat-form-field>
      }
      <mat-slide-toggle formControlName="allAccounts">All accounts, including future ones</mat-slide-toggle>
      @if (f.controls.allAccounts.value) {
        <p class="warning" role="alert">
          <mat-icon svgIcon="warning" aria-hidden="true" />
          Anyone with this key can order for every customer, on their credit. Choose this only for a system
          you trust with all of them.
        </p>
      }
      <mat-slide-toggle formControlName="allowAddresses"
        >Allow ship-to addresses sent with orders</mat-slide-toggle
      >
      <p class="tc-muted toggle-hint">
        {{
          f.controls.allowAddresses.value
            ? 'Orders may ship to any address the system sends.'
            : 'Orders must name one of the account’s saved addresses (shippingAddressId).'
        }}
      </p>
      <mat-slide-toggle formControlName="dataSync"
        >Allow data sync (products, stock, accounts, prices)</mat-slide-toggle
      >
      <p class="tc-muted toggle-hint">
        {{
          f.controls.dataSync.value
            ? 'Its key may upsert the catalog, stock, accounts and prices through /api/sync, acting for you.'
            : 'Its key may not change products, stock, accounts or prices.'
        }}
      </p>
    </fieldset>
  `,
  styles: `
    .reach {
      border: 0;
      margin: 0;
      padding: 0;
      display: flex;
      flex-direction: column;
      gap: 8px;
      min-width: 0;
    }
    legend {
      font: var(--mat-sys-title-small);
      margin-bottom: 8px;
      padding: 0;
    }
    .accounts {
      width: 100%;
    }
    .warning {
      display: flex;
      gap: 8px;
      align-items: flex-start;
      margin: 0;
      padding: 10px 12px;
      border-radius: 8px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
      mat-icon {
        flex: 0 0 auto;
      }
    }
    .toggle-hint {
      margin: 0 0 0 4px;
      font: var(--mat-sys-body-small);
    }
  `,
})
export class ChannelReachFields {
  private readonly accountsApi = inject(AccountsApi);
  readonly form = input.required<ChannelReachForm>();
  readonly search = new FormControl<string | ChannelAccount>('', { nonNullable: true });
  private readonly searchInput = viewChild<ElementRef<HTMLInputElement>>('searchInput');

  readonly options = toSignal(
    this.search.valueChanges.pipe(
      startWith(''),
      map((value) => (typeof value === 'string' ? value.trim() : '')),
      debounceTime(200),
      distinctUntilChanged(),
      switchMap((search) =>
        this.accountsApi.list({ search: search || undefined, pageSize: 20 }).pipe(
          map((page) => ({
            loading: false,
            failed: false,
            items: page.items.map(({ id, code, name }): ChannelAccount => ({ id, code, name })),
          })),
          catchError(() => of({ loading: false, failed: true, items: [] as ChannelAccount[] })),
          startWith({ loading: true, failed: false, items: [] as ChannelAccount[] }),
        ),
      ),
    ),
    { initialValue: { loading: true, failed: false, items: [] as ChannelAccount[] } },
  );

  add(event: MatAutocompleteSelectedEvent): void {
    const account = event.option.value as ChannelAccount;
    const accounts = this.form().controls.accounts;
    if (!this.chosen(account.id)) accounts.setValue([...accounts.value, account]);
    accounts.markAsTouched();
    const field = this.searchInput()?.nativeElement;
    if (field) field.value = '';
    this.search.setValue('');
  }

  remove(account: ChannelAccount): void {
    const accounts = this.form().controls.accounts;
    accounts.setValue(accounts.value.filter((item) => item.id !== account.id));
    accounts.markAsTouched();
  }

  /** Search results not yet picked. */
  unchosen(accounts: ChannelAccount[]): ChannelAccount[] {
    return accounts.filter((account) => !this.chosen(account.id));
  }

  private chosen(id: string): boolean {
    return this.form().controls.accounts.value.some((account) => account.id === id);
  }
}
