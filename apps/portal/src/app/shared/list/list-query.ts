import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type SortDirection } from '@tradecounter/contracts';

/** What a paginator's `page` event carries (Material's PageEvent) that the URL keeps. */
export interface PageChange {
  pageIndex: number;
  pageSize: number;
}

/** A sort header's change (Material's Sort). */
export interface SortChange {
  active: string;
  direction: SortDirection | '';
}

/** A list's state as the URL holds it: every value a string, absent ones left out. */
export type QueryValues = Readonly<Record<string, string>>;
/** Changes to that state; `null` removes a parameter. */
export type QueryPatch = Record<string, string | number | null>;

/**
 * How a list may be sorted: its whitelisted fields and the default; a default
 * of '' leaves the order to the server (e.g. best search match first) and
 * sends no sort.
 */
export interface ListSortOptions<F extends string = string> {
  fields: readonly F[];
  default: F | '';
  dir: SortDirection;
}

export interface ListSort<F extends string = string> {
  sort: F;
  dir: SortDirection;
}

export function pageFrom(values: QueryValues): number {
  const page = Math.trunc(Number(values['page']));
  return Number.isFinite(page) && page >= 1 ? page : 1;
}

export function pageSizeFrom(values: QueryValues, fallback = DEFAULT_PAGE_SIZE): number {
  const size = Math.trunc(Number(values['pageSize']));
  return Number.isFinite(size) && size >= 1 ? Math.min(MAX_PAGE_SIZE, size) : fallback;
}

/** The sort in the URL when it is one the list offers; otherwise its default. */
export function sortFrom<F extends string>(
  values: QueryValues,
  options: ListSortOptions<F>,
): ListSort<F> | undefined {
  const field = options.fields.find((candidate) => candidate === values['sort']);
  if (!field) return options.default ? { sort: options.default, dir: options.dir } : undefined;
  const dir = values['dir'];
  return { sort: field, dir: dir === 'asc' || dir === 'desc' ? dir : 'asc' };
}

/** A paginator's event as URL changes: the default page size is left out. */
export function pagePatch(event: PageChange, defaultPageSize = DEFAULT_PAGE_SIZE): QueryPatch {
  return {
    page: event.pageIndex > 0 ? event.pageIndex + 1 : null,
    pageSize: event.pageSize === defaultPageSize ? null : event.pageSize,
  };
}

/**
 * A sort header's change as URL changes, back on page 1: the default sort (or
 * a cleared one) leaves the URL clean; a field alone means ascending.
 */
export function sortPatch(sort: SortChange, options: ListSortOptions): QueryPatch {
  const field = options.fields.find((candidate) => candidate === sort.active);
  if (!field || sort.direction === '' || (field === options.default && sort.direction === options.dir)) {
    return { sort: null, dir: null, page: null };
  }
  return { sort: field, dir: sort.direction, page: null };
}

/** The state after a patch, as the router's `queryParamsHandling: 'merge'` would leave it. */
export function applyPatch(values: QueryValues, patch: QueryPatch): QueryValues {
  const next: Record<string, string> = { ...values };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null || value === '') delete next[key];
    else next[key] = String(value);
  }
  return next;
}

/** What a list asks the API for, read from its state (the URL, usually). */
export interface ListQuery {
  /** The filters the list names, '' when absent. */
  filters: Readonly<Record<string, string>>;
  search: string;
  page: number;
  pageSize: number;
  sort?: string;
  dir?: SortDirection;
}

/** The parts of a list's state its plumbing reads (see `urlList`). */
export interface ListShape {
  filters?: readonly string[];
  search?: boolean;
  sort?: ListSortOptions;
  defaultPageSize?: number;
}

export function readListQuery(values: QueryValues, shape: ListShape): ListQuery {
  const filters: Record<string, string> = {};
  for (const name of shape.filters ?? []) filters[name] = values[name] ?? '';
  return {
    filters,
    search: shape.search ? (values['search'] ?? '').trim() : '',
    page: pageFrom(values),
    pageSize: pageSizeFrom(values, shape.defaultPageSize),
    ...(shape.sort ? sortFrom(values, shape.sort) : {}),
  };
}

/** Whether a search or filter narrows the list, so that its empty state says "no match". */
export function isFiltered(query: ListQuery): boolean {
  return !!query.search || Object.values(query.filters).some((value) => value !== '');
}

/** Empties the search and every filter, back on page 1; the sort and page size stay. */
export function clearPatch(shape: ListShape): QueryPatch {
  const patch: QueryPatch = { page: null };
  if (shape.search) patch['search'] = null;
  for (const name of shape.filters ?? []) patch[name] = null;
  return patch;
}
