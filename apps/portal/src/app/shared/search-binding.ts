import { Signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { FormControl } from '@angular/forms';
import { searchChanges } from './search-changes';

/**
 * Keeps a list page's search box and its `?search=` query parameter in step:
 * the URL (back, forward, a shared link) fills the box, and typing updates
 * the URL after a pause, back on page 1. Call from a constructor.
 */
export function bindSearchToQuery(
  control: FormControl<string>,
  search: Signal<string>,
  setSearch: (search: string | null) => void,
): void {
  toObservable(search)
    .pipe(takeUntilDestroyed())
    .subscribe((value) => {
      if (value.trim() !== control.value.trim()) control.setValue(value);
    });
  searchChanges(control.valueChanges, () => search())
    .pipe(takeUntilDestroyed())
    .subscribe(setSearch);
}
