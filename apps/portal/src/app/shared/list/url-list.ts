import { computed, inject, type Signal, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { FormControl } from '@angular/forms';
import type { PageEvent } from '@angular/material/paginator';
import type { Sort } from '@angular/material/sort';
import { ActivatedRoute, Router } from '@angular/router';
import { DEFAULT_PAGE_SIZE, type Page, type SortDirection } from '@tradecounter/contracts';
import { filter, map, type Observable } from 'rxjs';
import { type Loadable, loadOnEach } from '../loadable';
import { bindSearchToQuery } from '../search-binding';
import {
  applyPatch,
  clearPatch,
  isFiltered,
  type ListQuery,
  type ListShape,
  pagePatch,
  type QueryPatch,
  type QueryValues,
  readListQuery,
  sortPatch,
} from './list-query';

export type { ListQuery } from './list-query';

export interface UrlListOptions<R, T> extends ListShape {
  /**
   * Where the state lives: the URL (the default: back, forward, reload and
   * shared links keep it), or a signal for a list embedded in another page.
   */
  state?: 'url' | 'local';
  /**
   * The request for a state. It may read other signals (a route id, the
   * user); `undefined` waits without fetching.
   */
  request: (query: ListQuery) => R | undefined;
  fetch: (request: R) => Observable<T>;
}

type ItemsOf<T> = T extends Page<infer I> ? I[] : T extends readonly (infer I)[] ? I[] : never;

export interface UrlList<T> {
  /** Loading, the value (kept while the next one loads) or the problem. */
  readonly state: Signal<Loadable<T> | undefined>;
  /** The rows on screen (a page's items, or the list itself). */
  readonly items: Signal<ItemsOf<T>>;
  readonly query: Signal<ListQuery>;
  readonly page: Signal<number>;
  readonly pageSize: Signal<number>;
  readonly sort: Signal<string>;
  readonly dir: Signal<SortDirection | ''>;
  readonly search: Signal<string>;
  /** Bound to `search` both ways: typing updates the state after a pause. */
  readonly searchControl: FormControl<string>;
  /** Whether a search or filter narrows the list (the empty state says "no match"). */
  readonly filtered: Signal<boolean>;
  /** A filter's value, '' when absent. */
  value(name: string): string;
  /** Sets a filter, back on page 1. */
  setFilter(name: string, value: string | number | null): void;
  /** Changes the state as given (no page reset). */
  patch(patch: QueryPatch): void;
  changePage(event: PageEvent): void;
  changeSort(sort: Sort): void;
  /** Empties the search and every filter. */
  clear(): void;
  /** Fetches again with the same state (retry, or after a change). */
  reload(): void;
  /** How many reloads were asked for: data shown beside the list (counts, totals) can follow it. */
  readonly reloads: Signal<number>;
}

/**
 * One list's plumbing: its state (in the URL by default), paging, sorting,
 * search with debounce, and loading with retry. Call from an injection context
 * (a field initialiser or constructor) and show it in a `<tc-list-frame>`.
 */
export function urlList<R, T>(options: UrlListOptions<R, T>): UrlList<T> {
  const store = options.state === 'local' ? localStore() : routeStore();
  const defaultPageSize = options.defaultPageSize ?? DEFAULT_PAGE_SIZE;
  const reloads = signal(0);

  const query = computed(() => readListQuery(store.values(), options), { equal: sameQuery });
  /** The search as typed in the URL (untrimmed), to fill the box. */
  const search = computed(() => (options.search ? (store.values()['search'] ?? '') : ''));
  const request = computed(() => ({ request: options.request(query()), reload: reloads() }));
  const state = toSignal(
    loadOnEach(
      toObservable(request).pipe(
        filter((next) => next.request !== undefined),
        map((next) => next.request as R),
      ),
      options.fetch,
    ),
  );

  const patch = (changes: QueryPatch) => store.patch(changes);
  const setFilter = (name: string, value: string | number | null) => patch({ [name]: value, page: null });
  const searchControl = new FormControl('', { nonNullable: true });
  if (options.search) bindSearchToQuery(searchControl, search, (value) => setFilter('search', value));

  return {
    state,
    items: computed(() => itemsOf(state()?.value) as ItemsOf<T>),
    query,
    page: computed(() => query().page),
    pageSize: computed(() => query().pageSize),
    sort: computed(() => query().sort ?? ''),
    dir: computed(() => query().dir ?? ''),
    search,
    searchControl,
    filtered: computed(() => isFiltered(query())),
    value: (name) => store.values()[name] ?? '',
    setFilter,
    patch,
    changePage: (event) => patch(pagePatch(event, defaultPageSize)),
    changeSort: (sort) => {
      if (options.sort) patch(sortPatch(sort, options.sort));
    },
    clear: () => {
      searchControl.setValue('', { emitEvent: false });
      patch(clearPatch(options));
    },
    reload: () => reloads.update((n) => n + 1),
    reloads: reloads.asReadonly(),
  };
}

/** Unrelated query parameters changing (a dialog's, a tab's) fetch nothing. */
function sameQuery(a: ListQuery, b: ListQuery): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function itemsOf(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (value && typeof value === 'object' && 'items' in value && Array.isArray(value.items)) {
    return value.items;
  }
  return [];
}

interface QueryStore {
  values: Signal<QueryValues>;
  patch(patch: QueryPatch): void;
}

/** The route's query parameters; changes replace the history entry, as filtering should. */
function routeStore(): QueryStore {
  const route = inject(ActivatedRoute);
  const router = inject(Router);
  const values = toSignal(route.queryParams.pipe(map(stringValues)), {
    initialValue: stringValues(route.snapshot.queryParams),
  });
  return {
    values,
    patch: (queryParams) =>
      void router.navigate([], {
        relativeTo: route,
        queryParams,
        queryParamsHandling: 'merge',
        replaceUrl: true,
      }),
  };
}

function localStore(): QueryStore {
  const values = signal<QueryValues>({});
  return { values, patch: (patch) => values.update((current) => applyPatch(current, patch)) };
}

function stringValues(params: Record<string, unknown>): QueryValues {
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (typeof first === 'string' && first !== '') values[key] = first;
  }
  return values;
}
