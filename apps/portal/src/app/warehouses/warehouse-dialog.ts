import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatAutocompleteModule } from '@angular/material/autocomplete';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import type { CreateWarehouseRequest, UpdateWarehouseRequest, Warehouse } from '@tradecounter/contracts';
import { Observable, startWith } from 'rxjs';
import { fieldError } from '../shared/form-errors';
import { integerValidator } from '../shared/integer-validator';
import { formProblemText } from '../shared/problem';
import {
  cutoffValidator,
  localTimeIn,
  matchTimeZones,
  timeZones,
  timeZoneValidator,
  utcOffset,
} from './time-zones';
import { WarehousesApi } from './warehouses-api';

const ZONES = timeZones();

export interface WarehouseDialogData {
  /** null: a new warehouse. */
  warehouse: Warehouse | null;
}

/** Closes with the saved warehouse, 'stale' when someone else changed it first (412), or nothing. */
export type WarehouseDialogResult = Warehouse | 'stale' | undefined;

/**
 * A warehouse's promise settings in a dialog: time zone (searchable, with
 * its UTC offset now), cut-off, handling and transit days, default. Edits
 * are saved with If-Match and only the fields changed are sent.
 */
@Component({
  selector: 'tc-warehouse-dialog',
  imports: [
    ReactiveFormsModule,
    MatAutocompleteModule,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatSlideToggleModule,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './warehouse-dialog.html',
  styles: `
    .default {
      align-self: center;
    }
    .form-error {
      color: var(--mat-sys-error);
      margin: 8px 0 0;
    }
    .offset {
      margin-left: 8px;
      color: var(--mat-sys-on-surface-variant);
      font-variant-numeric: tabular-nums;
    }
  `,
})
export class WarehouseDialog {
  private readonly api = inject(WarehousesApi);
  private readonly dialogRef = inject<MatDialogRef<WarehouseDialog, WarehouseDialogResult>>(MatDialogRef);
  readonly warehouse = inject<WarehouseDialogData>(MAT_DIALOG_DATA).warehouse;

  readonly fieldError = fieldError;
  readonly saving = signal(false);
  readonly formError = signal('');
  readonly stale = signal(false);

  readonly form = inject(NonNullableFormBuilder).group({
    code: [
      { value: this.warehouse?.code ?? '', disabled: this.warehouse !== null },
      [Validators.required, Validators.pattern(/^[A-Z0-9_-]{2,16}$/)],
    ],
    name: [this.warehouse?.name ?? '', [Validators.required, Validators.maxLength(100)]],
    timeZone: [this.warehouse?.timeZone ?? '', [Validators.required, timeZoneValidator(ZONES)]],
    cutoffTime: [this.warehouse?.cutoffTime ?? '14:00', [Validators.required, cutoffValidator()]],
    handlingDays: [
      this.warehouse?.handlingDays ?? 1,
      [Validators.required, Validators.min(0), Validators.max(30), integerValidator()],
    ],
    transitDays: [
      this.warehouse?.transitDays ?? 2,
      [Validators.required, Validators.min(0), Validators.max(60), integerValidator()],
    ],
    // The default moves by making another warehouse the default.
    isDefault: [{ value: this.warehouse?.isDefault ?? false, disabled: this.warehouse?.isDefault ?? false }],
  });

  readonly zoneText = toSignal(
    this.form.controls.timeZone.valueChanges.pipe(startWith(this.form.controls.timeZone.value)),
    { initialValue: '' },
  );
  /** The zones matching what is typed; all of them while the field holds a chosen zone. */
  readonly zoneOptions = computed(() => {
    const text = this.zoneText();
    const now = new Date();
    return matchTimeZones(ZONES, ZONES.includes(text) ? '' : text).map((id) => ({
      id,
      offset: utcOffset(id, now),
    }));
  });
  /** The chosen zone's offset and clock now, to check it at a glance. */
  readonly zoneNow = computed(() => {
    const zone = this.zoneText();
    return ZONES.includes(zone) ? { offset: utcOffset(zone), time: localTimeIn(zone) } : null;
  });

  save(): void {
    if (this.form.invalid || this.saving() || this.stale()) {
      this.form.markAllAsTouched();
      return;
    }
    const request = this.request();
    if (!request) {
      this.dialogRef.close();
      return;
    }
    this.saving.set(true);
    this.formError.set('');
    request.subscribe({
      next: (saved) => this.dialogRef.close(saved),
      error: (error: unknown) => {
        this.saving.set(false);
        if (error instanceof HttpErrorResponse && error.status === 412) {
          this.stale.set(true);
          this.dialogRef.disableClose = true;
        } else this.formError.set(formProblemText(error, this.form));
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
    const warehouse = this.warehouse;
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
