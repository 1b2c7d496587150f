import { ChangeDetectionStrategy, Component, ElementRef, input, viewChild } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { startWith, switchMap } from 'rxjs';

/**
 * A list page's search box: a search icon, the text, and a clear button
 * (Escape clears too). Bind it to the URL with `bindSearchToQuery`.
 */
@Component({
  selector: 'tc-search-field',
  imports: [ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatIconModule, MatInputModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-form-field class="field">
      <mat-label>{{ label() }}</mat-label>
      <mat-icon matPrefix svgIcon="search" />
      <input
        #box
        matInput
        type="search"
        [formControl]="control()"
        [placeholder]="placeholder()"
        autocomplete="off"
        (keydown.escape)="clearOnEscape($event)"
      />
      @if (text()) {
        <button mat-icon-button matSuffix type="button" aria-label="Clear search" (click)="clear()">
          <mat-icon svgIcon="close" />
        </button>
      }
    </mat-form-field>
  `,
  styles: `
    :host {
      display: block;
    }
    .field {
      width: 100%;
    }
    /* Our clear button replaces the browser's own. */
    input::-webkit-search-cancel-button {
      appearance: none;
      display: none;
    }
  `,
})
export class SearchField {
  readonly control = input.required<FormControl<string>>();
  readonly label = input('Search');
  readonly placeholder = input('');
  private readonly box = viewChild.required<ElementRef<HTMLInputElement>>('box');

  /** What the box holds now, for the clear button. */
  readonly text = toSignal(
    toObservable(this.control).pipe(
      switchMap((control) => control.valueChanges.pipe(startWith(control.value))),
    ),
    { initialValue: '' },
  );

  clear(): void {
    this.control().setValue('');
    this.box().nativeElement.focus();
  }

  /** Escape empties a non-empty box; on an empty one it is left to the page (e.g. to close a dialog). */
  clearOnEscape(event: Event): void {
    if (!this.control().value) return;
    event.preventDefault();
    event.stopPropagation();
    this.clear();
  }
}
