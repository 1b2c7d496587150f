import type { ListShape, ListSortOptions } from './list-query';
import {
  applyPatch,
  clearPatch,
  isFiltered,
  pageFrom,
  pagePatch,
  pageSizeFrom,
  readListQuery,
  sortFrom,
  sortPatch,
} from './list-query';

const sort: ListSortOptions = {
  fields: ['placedAt', 'number', 'subtotal'],
  default: 'placedAt',
  dir: 'desc',
};
const orders: ListShape = { filters: ['status', 'channel'], search: true, sort };

describe('a list’s state in the URL', () => {
  it('reads page and page size, falling back on anything unusable', () => {
    expect(pageFrom({})).toBe(1);
    expect(pageFrom({ page: '3' })).toBe(3);
    expect(pageFrom({ page: '0' })).toBe(1);
    expect(pageFrom({ page: 'two' })).toBe(1);
    expect(pageFrom({ page: '2.7' })).toBe(2);
    expect(pageSizeFrom({})).toBe(25);
    expect(pageSizeFrom({}, 100)).toBe(100);
    expect(pageSizeFrom({ pageSize: '50' })).toBe(50);
    expect(pageSizeFrom({ pageSize: '500' })).toBe(100);
    expect(pageSizeFrom({ pageSize: '-1' })).toBe(25);
  });

  it('reads a sort the list offers, ascending without a direction, and the default otherwise', () => {
    expect(sortFrom({}, sort)).toEqual({ sort: 'placedAt', dir: 'desc' });
    expect(sortFrom({ sort: 'subtotal', dir: 'desc' }, sort)).toEqual({ sort: 'subtotal', dir: 'desc' });
    expect(sortFrom({ sort: 'number' }, sort)).toEqual({ sort: 'number', dir: 'asc' });
    expect(sortFrom({ sort: 'number', dir: 'sideways' }, sort)).toEqual({ sort: 'number', dir: 'asc' });
    expect(sortFrom({ sort: 'password', dir: 'asc' }, sort)).toEqual({ sort: 'placedAt', dir: 'desc' });
  });

  it('sends no sort when the default is the server’s own order (best match first)', () => {
    const relevance = { fields: ['sku', 'name'], default: '', dir: 'asc' } as const;
    expect(sortFrom({}, relevance)).toBeUndefined();
    expect(sortFrom({ sort: 'name', dir: 'desc' }, relevance)).toEqual({ sort: 'name', dir: 'desc' });
    expect(readListQuery({ search: 'bolt' }, { search: true, sort: relevance })).toEqual({
      filters: {},
      search: 'bolt',
      page: 1,
      pageSize: 25,
    });
  });

  it('reads the whole query: named filters, the trimmed search, paging and sort', () => {
    expect(
      readListQuery({ search: '  acme ', status: 'shipped', page: '2', other: 'x', sort: 'number' }, orders),
    ).toEqual({
      filters: { status: 'shipped', channel: '' },
      search: 'acme',
      page: 2,
      pageSize: 25,
      sort: 'number',
      dir: 'asc',
    });
    expect(readListQuery({ search: 'acme' }, { filters: [] })).toEqual({
      filters: {},
      search: '',
      page: 1,
      pageSize: 25,
    });
  });

  it('counts a search or a filter as narrowing the list, not paging or sorting', () => {
    expect(isFiltered(readListQuery({ page: '3', sort: 'number' }, orders))).toBe(false);
    expect(isFiltered(readListQuery({ search: '  ' }, orders))).toBe(false);
    expect(isFiltered(readListQuery({ search: 'so-1' }, orders))).toBe(true);
    expect(isFiltered(readListQuery({ channel: 'phone' }, orders))).toBe(true);
  });
});

describe('changes to a list’s state', () => {
  it('leaves page 1 and the default page size out of the URL', () => {
    expect(pagePatch({ pageIndex: 0, pageSize: 25 })).toEqual({ page: null, pageSize: null });
    expect(pagePatch({ pageIndex: 2, pageSize: 50 })).toEqual({ page: 3, pageSize: 50 });
    expect(pagePatch({ pageIndex: 1, pageSize: 100 }, 100)).toEqual({ page: 2, pageSize: null });
  });

  it('puts a sort in the URL back on page 1, and leaves the default or a cleared sort out', () => {
    expect(sortPatch({ active: 'subtotal', direction: 'desc' }, sort)).toEqual({
      sort: 'subtotal',
      dir: 'desc',
      page: null,
    });
    expect(sortPatch({ active: 'placedAt', direction: 'asc' }, sort)).toEqual({
      sort: 'placedAt',
      dir: 'asc',
      page: null,
    });
    expect(sortPatch({ active: 'placedAt', direction: 'desc' }, sort)).toEqual({
      sort: null,
      dir: null,
      page: null,
    });
    expect(sortPatch({ active: 'number', direction: '' }, sort)).toEqual({
      sort: null,
      dir: null,
      page: null,
    });
    expect(sortPatch({ active: 'password', direction: 'asc' }, sort)).toEqual({
      sort: null,
      dir: null,
      page: null,
    });
  });

  it('clears the search and filters but keeps the sort and page size', () => {
    const values = {
      search: 'acme',
      status: 'shipped',
      page: '4',
      pageSize: '50',
      sort: 'number',
      dir: 'desc',
    };
    expect(applyPatch(values, clearPatch(orders))).toEqual({ pageSize: '50', sort: 'number', dir: 'desc' });
    expect(clearPatch({ filters: ['warehouse'] })).toEqual({ page: null, warehouse: null });
  });

  it('merges a patch as the router does: null or empty removes, numbers become text', () => {
    expect(applyPatch({ a: '1', b: '2' }, { a: null, b: '', c: 3 })).toEqual({ c: '3' });
  });
});
