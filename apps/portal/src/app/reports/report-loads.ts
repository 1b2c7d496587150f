import { computed, type Signal, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import type { Observable } from 'rxjs';
import { type Loadable, loadOnEach } from '../shared/loadable';
import type { PanelState } from './report-panel';

/**
 * Loads reports for a page's filter: again whenever the filter changes, and
 * on `reload()` (a panel's Retry). Call in an injection context.
 */
export class ReportLoads<F> {
  private readonly reloads = signal(0);
  private readonly trigger: Signal<{ filter: F; reload: number }>;

  constructor(filter: Signal<F>) {
    this.trigger = computed(() => ({ filter: filter(), reload: this.reloads() }));
  }

  load<T>(fetch: (filter: F) => Observable<T>): Signal<Loadable<T> | undefined> {
    return toSignal(loadOnEach(toObservable(this.trigger), ({ filter }) => fetch(filter)));
  }

  reload(): void {
    this.reloads.update((n) => n + 1);
  }
}

export function panelState(state: Loadable<unknown> | undefined): PanelState {
  return {
    loading: state?.loading ?? true,
    problem: state?.problem,
    ready: state?.value !== undefined,
  };
}
