import { ChangeDetectionStrategy, Component, effect, input, output } from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { displayDate } from '../shared/date-format';
import { isIsoDate } from './report-period';

export type PeriodChange = { from: string; to: string };

/**
 * A report's From and To dates. A reversed range (From after To) is an
 * error on the field just changed, and nothing is asked of the API until it
 * is fixed; a valid pair goes out through `changed`.
 */
@Component({
  selector: 'tc-period-fields',
  imports: [ReactiveFormsModule, MatFormFieldModule, MatInputModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-form-field class="date">
      <mat-label>From</mat-label>
      <input matInput type="date" [formControl]="fromControl" (change)="edit('from')" />
      @if (fromControl.hasError('reversed')) {
        <mat-error>Must be on or before {{ shown(toControl.value) }}</mat-error>
      }
    </mat-form-field>
    <mat-form-field class="date">
      <mat-label>To</mat-label>
      <input matInput type="date" [formControl]="toControl" (change)="edit('to')" />
      @if (toControl.hasError('reversed')) {
        <mat-error>Must be on or after {{ shown(fromControl.value) }}</mat-error>
      }
    </mat-form-field>
  `,
  styles: `
    :host {
      display: contents;
    }
  `,
})
export class PeriodFields {
  readonly from = input.required<string>();
  readonly to = input.required<string>();
  readonly changed = output<PeriodChange>();

  readonly fromControl = new FormControl('', { nonNullable: true });
  readonly toControl = new FormControl('', { nonNullable: true });

  constructor() {
    // What the page shows (from the URL) replaces whatever was typed.
    effect(() => {
      this.fromControl.setValue(this.from());
      this.toControl.setValue(this.to());
      this.fromControl.setErrors(null);
      this.toControl.setErrors(null);
    });
  }

  shown(date: string): string {
    return displayDate(date);
  }

  /** On the native change (a whole date picked or typed): check the pair, then pass it on. */

  edit(field: 'from' | 'to'): void {
    const control = field === 'from' ? this.fromControl : this.toControl;
    const other = field === 'from' ? this.toControl : this.fromControl;
    const from = this.fromControl.value;
    const to = this.toControl.value;
    other.setErrors(null);
    if (!isIsoDate(from) || !isIsoDate(to)) return;
    if (from > to) {
      control.setErrors({ reversed: true });
      control.markAsTouched();
      return;
    }
    control.setErrors(null);
    this.changed.emit({ from, to });
  }
}
