import { HttpErrorResponse } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  output,
  signal,
  untracked,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatAutocompleteModule } from '@angular/material/autocomplete';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import type { CreateWarehouseRequest, UpdateWarehouseRequest, Warehouse } from '@tradecounter/contracts';
import { Observable, startWith } from 'rxjs';
import { fieldError } from '../shared/form-errors';
import { integerValidator } from '../shared/integer-validator';
import { formProblemText } from '../shared/problem';
import { cutoffValidator, localTimeIn, matchTimeZones, timeZones, timeZoneValidator } from './time-zones';
import { WarehousesApi } from './warehouses-api';

const ZONES = timeZones();
const DAYS = [Validators.required, Validators.min(0), Validators.max(60), integerValidator()];

/**
 * A warehouse's promise settings: time zone, cut-off, handling and transit
 * days, default. Edits are saved with If-Match; a stale version is reported
 * (`stale`) for the page to offer a reload. With no `warehouse`, it creates one.
 */
@Component({
  selector: 'tc-warehouse-form',
  imports: [
    ReactiveFormsModule,
    MatAutocompleteModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSlideToggleModule,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './warehouse-form.html',
  styles: `
    form {
      padding: 16px 20px 20px;
    }
    .tc-actions {
      margin-top: 8px;
    }
    .default {
      align-self: center;
    }
    .form-error {
      color: var(--mat-sys-error);
      margin: 8px 0 0;
    }
    .tc-facts dd.now {
      font: var(--mat-sys-body-small);
      margin-top: 2px;
    }
  `,
})
export class WarehouseForm {
  private readonly api = inject(WarehousesApi);
  /** null: a new warehouse. */
  readonly warehouse = input<Warehouse | null>(null);
  readonly readonly = input(false);
  readonly saved = output<Warehouse>();
  readonly stale = output();
  readonly cancelled = output();

  readonly fieldError = fieldError;
  readonly saving = signal(false);
  readonly formError = signal('');
  readonly isNew = computed(() => this.warehouse() === null);

  readonly form = inject(NonNullableFormBuilder).group({
    code: ['', [Validators.required, Validators.pattern(/^[A-Z0-9_-]{2,16}$/)]],
    name: ['', [Validators.required, Validators.maxLength(120)]],
    timeZone: ['', [Validators.required, timeZoneValidator(ZONES)]],
    cutoffTime: ['14:00', [Validators.required, cutoffValidator()]],
    handlingDays: [1, DAYS],
    transitDays: [2, DAYS],
    isDefault: [false],
  });
  private readonly zoneText = toSignal(
    this.form.controls.timeZone.valueChanges.pipe(startWith(this.form.controls.timeZone.value)),
    { initialValue: '' },
  );
  readonly zoneOptions = computed(() => matchTimeZones(ZONES, this.zoneText()));
  /** "Fri 21:40": what the clock says there now, to check the zone at a glance. */
  readonly localNow = computed(() => (ZONES.includes(this.zoneText()) ? localTimeIn(this.zoneText()) : ''));

  /** The form resets when another warehouse or version arrives, not for a mere re-read of the same one. */
  private readonly identity = computed(() => {
    const w = this.warehouse();
    return w ? `${w.code}@${w.version}` : '';
  });

  constructor() {
    effect(() => {
      this.identity();
      this.readonly();
      // Resetting reads the form's own state: never track it here.
      untracked(() => this.reset());
    });
  }

  reset(): void {
    const w = this.warehouse();
    this.formError.set('');
    this.form.reset({
      code: w?.code ?? '',
      name: w?.name ?? '',
      timeZone: w?.timeZone ?? '',
      cutoffTime: w?.cutoffTime ?? '14:00',
      handlingDays: w?.handlingDays ?? 1,
      transitDays: w?.transitDays ?? 2,
      isDefault: w?.isDefault ?? false,
    });
    if (this.readonly()) this.form.disable();
    else this.form.enable();
    if (w) this.form.controls.code.disable();
    // The default moves by making another warehouse the default.
    if (w?.isDefault) this.form.controls.isDefault.disable();
  }

  save(): void {
    if (this.form.invalid || this.saving()) {
      this.form.markAllAsTouched();
      return;
    }
    const request = this.request();
    if (!request) {
      this.form.markAsPristine();
      return;
    }
    this.saving.set(true);
    this.formError.set('');
    request.subscribe({
      next: (saved) => {
        this.saving.set(false);
        this.saved.emit(saved);
      },
      error: (error: unknown) => {
        this.saving.set(false);
        if (error instanceof HttpErrorResponse && error.status === 412) this.stale.emit();
        else this.formError.set(formProblemText(error, this.form));
      },
    });
  }

  private request(): Observable<Warehouse> | null {
    const value = this.form.getRawValue();
    const body: CreateWarehouseRequest = {
      code: value.code.trim().toUpperCase(),
      name: value.name.trim(),
      timeZone: value.timeZone,
      cutoffTime: value.cutoffTime,
      handlingDays: Number(value.handlingDays),
      transitDays: Number(value.transitDays),
      isDefault: value.isDefault,
    };
    const warehouse = this.warehouse();
    if (!warehouse) return this.api.create(body);
    const changes: UpdateWarehouseRequest = {};
    if (body.name !== warehouse.name) changes.name = body.name;
    if (body.timeZone !== warehouse.timeZone) changes.timeZone = body.timeZone;
    if (body.cutoffTime !== warehouse.cutoffTime) changes.cutoffTime = body.cutoffTime;
    if (body.handlingDays !== warehouse.handlingDays) changes.handlingDays = body.handlingDays;
    if (body.transitDays !== warehouse.transitDays) changes.transitDays = body.transitDays;
    if (body.isDefault && !warehouse.isDefault) changes.isDefault = true;
    return Object.keys(changes).length ? this.api.update(warehouse, changes) : null;
  }
}
