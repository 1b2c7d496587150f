import { XLSX_CONTENT_TYPE } from '@tradecounter/contracts';
import { errorRowsFileName, exportFileName, importFileType } from './import-file';

describe('a chosen file’s type', () => {
  it('goes by the name first: Excel machines type CSV files as their own', () => {
    expect(importFileType({ name: 'Products.CSV', type: 'application/vnd.ms-excel' })).toEqual({
      format: 'csv',
      contentType: 'text/csv',
    });
    expect(importFileType({ name: 'prices.xlsx', type: '' })).toEqual({
      format: 'xlsx',
      contentType: XLSX_CONTENT_TYPE,
    });
  });

  it('takes the type when the name says nothing, and refuses anything else', () => {
    expect(importFileType({ name: 'export', type: 'text/csv' })?.format).toBe('csv');
    expect(importFileType({ name: 'prices.xls', type: 'application/vnd.ms-excel' })).toBeNull();
    expect(importFileType({ name: 'photo.png', type: 'image/png' })).toBeNull();
  });
});

describe('the names of downloaded files', () => {
  it('dates an export by the local day', () => {
    expect(exportFileName('products', 'xlsx', new Date(2026, 0, 5, 23, 30))).toBe('products-2026-01-05.xlsx');
  });

  it('names error rows after the uploaded file, always as CSV', () => {
    expect(errorRowsFileName('new-products.xlsx')).toBe('new-products-errors.csv');
    expect(errorRowsFileName('stock.CSV')).toBe('stock-errors.csv');
  });
});
