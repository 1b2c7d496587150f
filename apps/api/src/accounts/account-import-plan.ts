import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { FieldError } from '@tradecounter/contracts';
import { normaliseMoney } from '@tradecounter/domain';
import { validateAs } from '../common/http/validate-as';
import { bodyOf, CellSpec, errorsInColumns, exportCell } from '../imports/import-cells';
import type { ExportRecord, ImportRow } from '../imports/import-kind';
import {
  AccountImportRepository,
  ImportedAccount,
  ImportedAddress,
  StoredAddress,
} from './account-import.repository';
import { CreateAccountDto, UpdateAccountDto } from './dto/account.dto';
import { CreateAddressDto } from './dto/address.dto';

/**
 * What one account's rows of an accounts file would do: the account after
 * the row (the API's create or update, checked by its DTO and rules), and,
 * when the file has address columns, its address set replaced by the rows'
 * addresses. Planning and applying both resolve rows this way (applying
 * from the planned `after` records), so what is written is what was shown.
 */

/** The account's fields that are the API body's own (the DTO judges them). */
const ACCOUNT_FIELDS: Record<string, CellSpec> = {
  name: { type: 'text' },
  status: { type: 'text' },
  defaultWarehouseCode: { type: 'text', nullable: true },
  creditLimit: { type: 'money' },
  paymentTerms: { type: 'text' },
  requiresPo: { type: 'bool' },
};

/** Ids are not natural keys: a file names the tier and the manager, the import finds their ids. */
const REFERENCE_COLUMNS: Record<string, string> = {
  priceTierId: 'priceTierName',
  accountManagerId: 'accountManagerEmail',
};

export const ACCOUNT_COLUMNS = [
  'code',
  'name',
  'status',
  'priceTierName',
  'accountManagerEmail',
  'defaultWarehouseCode',
  'creditLimit',
  'paymentTerms',
  'requiresPo',
] as const;

const ADDRESS_FIELDS: Record<string, CellSpec> = {
  label: { type: 'text' },
  line1: { type: 'text' },
  line2: { type: 'text', nullable: true },
  city: { type: 'text' },
  region: { type: 'text', nullable: true },
  postcode: { type: 'text' },
  country: { type: 'text' },
};

export const ADDRESS_PREFIX = 'address.';
export const ADDRESS_COLUMNS = Object.keys(ADDRESS_FIELDS).map((field) => ADDRESS_PREFIX + field);

export interface Lookups {
  accounts: Map<string, ImportedAccount>;
  /** By account id, in the API's order. */
  addresses: Map<string, StoredAddress[]>;
  tierIds: Map<string, string>;
  /** By lower-cased e-mail. */
  managers: Map<string, { id: string; email: string }>;
  warehouses: Set<string>;
}

export interface RowAddress {
  /** The stored address this row keeps or changes; null for a new one. */
  before: StoredAddress | null;
  /** Null when the row names no address (or its address has errors). */
  after: ImportedAddress | null;
}

export interface AccountGroup {
  code: string;
  rows: ImportRow[];
  existing: ImportedAccount | null;
  /** The account after the rows; null when its fields have errors. */
  account: ImportedAccount | null;
  /** Whether the file has address columns (else the addresses are left as they are). */
  replacesAddresses: boolean;
  addresses: Map<ImportRow, RowAddress>;
  /** Stored addresses no row keeps: deleted. */
  removed: StoredAddress[];
  errors: Map<ImportRow, FieldError[]>;
}

export const codeOf = (values: Record<string, string>) => (values['code'] ?? '').trim();

/**
 * The chunk's rows by account code, in file order. An account's rows must be
 * together (the engine never splits them between chunks): a row of an
 * account whose rows ended earlier is returned apart, as an error.
 */
export function groupByAccount(rows: ImportRow[]): { groups: ImportRow[][]; apart: Map<ImportRow, number> } {
  const groups = new Map<string, ImportRow[]>();
  const apart = new Map<ImportRow, number>();
  let previous: string | undefined;
  for (const row of rows) {
    const code = codeOf(row.values);
    const group = groups.get(code);
    if (group && code !== previous) apart.set(row, group[0].row);
    else groups.set(code, [...(group ?? []), row]);
    previous = code;
  }
  return { groups: [...groups.values()], apart };
}

export async function loadLookups(
  repository: AccountImportRepository,
  manager: EntityManager,
  rows: ImportRow[],
  lock = false,
): Promise<Lookups> {
  const cells = (column: string, normalise = (cell: string) => cell.trim()) => [
    ...new Set(rows.map((row) => normalise(row.values[column] ?? '')).filter((cell) => cell !== '')),
  ];
  const accounts = await repository.accountsByCode(manager, cells('code'), lock);
  const addresses = new Map<string, StoredAddress[]>();
  for (const address of await repository.addressesOf(
    manager,
    accounts.map((account) => account.id),
  )) {
    addresses.set(address.accountId, [...(addresses.get(address.accountId) ?? []), address]);
  }
  return {
    accounts: new Map(accounts.map((account) => [account.code, account])),
    addresses,
    tierIds: await repository.tierIdsByName(manager, cells('priceTierName')),
    managers: await repository.accountManagersByEmail(
      manager,
      cells('accountManagerEmail', (cell) => cell.trim().toLowerCase()),
    ),
    warehouses: await repository.warehouseCodes(manager, cells('defaultWarehouseCode')),
  };
}

export async function resolveGroup(
  rows: ImportRow[],
  lookups: Lookups,
  replacesAddresses: boolean,
): Promise<AccountGroup> {
  const [first] = rows;
  const code = codeOf(first.values);
  const existing = lookups.accounts.get(code) ?? null;
  const group: AccountGroup = {
    code,
    rows,
    existing,
    account: null,
    replacesAddresses,
    addresses: new Map(),
    removed: [],
    errors: new Map(),
  };
  const addError = (row: ImportRow, errors: FieldError[]) => {
    if (errors.length > 0) group.errors.set(row, [...(group.errors.get(row) ?? []), ...errors]);
  };
  for (const row of rows.slice(1)) addError(row, differingAccountCells(first, row));
  const account = await resolveAccount(first.values, existing, lookups);
  addError(first, account.errors);
  group.account = account.after;
  if (replacesAddresses) {
    const stored = existing ? (lookups.addresses.get(existing.id) ?? []) : [];
    const matched = matchAddresses(rows, stored);
    for (const row of rows) {
      const match = matched.get(row);
      if (match === undefined) {
        group.addresses.set(row, { before: null, after: null });
        continue;
      }
      const address = await resolveAddress(row.values, match, group.account?.id ?? existing?.id ?? '');
      addError(row, address.errors);
      group.addresses.set(row, { before: match, after: address.after });
    }
    const kept = new Set([...matched.values()].filter((address) => address !== null));
    group.removed = stored.filter((address) => !kept.has(address));
    const held = group.removed.filter((address) => address.inStandingOrder);
    addError(
      first,
      held.map((address) => ({
        field: 'address.label',
        message: `"${address.label}" is a standing order's shipping address: keep it in the file`,
      })),
    );
  }
  return group;
}

/** The account's columns repeat on each of its rows; a later row that says otherwise is an error. */
function differingAccountCells(first: ImportRow, row: ImportRow): FieldError[] {
  return ACCOUNT_COLUMNS.filter(
    (column) =>
      column !== 'code' && (row.values[column] ?? '').trim() !== (first.values[column] ?? '').trim(),
  ).map((column) => ({ field: column, message: `differs from row ${first.row}, the account's first row` }));
}

async function resolveAccount(
  values: Record<string, string>,
  existing: ImportedAccount | null,
  lookups: Lookups,
): Promise<{ after: ImportedAccount | null; errors: FieldError[] }> {
  const body = bodyOf(values, ACCOUNT_FIELDS);
  const errors: FieldError[] = [];
  const tierName = values['priceTierName']?.trim();
  if (tierName !== undefined) {
    body['priceTierId'] = tierName === '' ? null : lookups.tierIds.get(tierName);
    if (tierName !== '' && !body['priceTierId']) {
      errors.push({ field: 'priceTierName', message: 'is not a known price tier' });
    }
  }
  const managerEmail = values['accountManagerEmail']?.trim().toLowerCase();
  // The account's own manager stays even if no longer active: an exported file must import unchanged.
  const current =
    existing?.accountManagerId && existing.accountManagerEmail?.toLowerCase() === managerEmail
      ? { id: existing.accountManagerId, email: existing.accountManagerEmail }
      : undefined;
  const manager = managerEmail ? (current ?? lookups.managers.get(managerEmail)) : undefined;
  if (managerEmail !== undefined) {
    body['accountManagerId'] = managerEmail === '' ? null : manager?.id;
    if (managerEmail !== '' && !manager) {
      errors.push({ field: 'accountManagerEmail', message: 'is not an active account manager' });
    }
  }
  for (const field of Object.keys(REFERENCE_COLUMNS)) if (body[field] === undefined) delete body[field];
  const code = codeOf(values);
  const checked = existing
    ? await validateAs(UpdateAccountDto, body)
    : await validateAs(CreateAccountDto, { ...body, code });
  errors.push(...errorsInColumns(checked.errors, (field) => REFERENCE_COLUMNS[field] ?? field));
  const warehouse = body['defaultWarehouseCode'];
  if (checked.value && typeof warehouse === 'string' && !lookups.warehouses.has(warehouse)) {
    errors.push({ field: 'defaultWarehouseCode', message: 'is not a known warehouse' });
  }
  if (!checked.value || errors.length > 0) return { after: null, errors };
  const change = checked.value as UpdateAccountDto;
  const before: ImportedAccount = existing ?? {
    id: randomUUID(),
    code,
    name: '',
    status: 'active',
    priceTierId: null,
    priceTierName: null,
    accountManagerId: null,
    accountManagerEmail: null,
    defaultWarehouseCode: null,
    creditLimit: '0.00',
    paymentTerms: 'net_30',
    requiresPo: false,
  };
  const after: ImportedAccount = { ...before };
  if (change.name !== undefined) after.name = change.name.trim();
  if (change.status !== undefined) after.status = change.status;
  if (change.priceTierId !== undefined) {
    after.priceTierId = change.priceTierId;
    after.priceTierName = change.priceTierId === null ? null : (tierName ?? null);
  }
  if (change.accountManagerId !== undefined) {
    after.accountManagerId = change.accountManagerId;
    after.accountManagerEmail = manager?.email ?? null;
  }
  if (change.defaultWarehouseCode !== undefined) after.defaultWarehouseCode = change.defaultWarehouseCode;
  if (change.creditLimit !== undefined) after.creditLimit = normaliseMoney(change.creditLimit);
  if (change.paymentTerms !== undefined) after.paymentTerms = change.paymentTerms;
  if (change.requiresPo !== undefined) after.requiresPo = change.requiresPo;
  return { after, errors: [] };
}

/** The address cells a row has (without the prefix); none when they are all empty. */
function addressCells(values: Record<string, string>): Record<string, string> | null {
  const cells: Record<string, string> = {};
  for (const column of ADDRESS_COLUMNS) {
    if (values[column] !== undefined) cells[column.slice(ADDRESS_PREFIX.length)] = values[column];
  }
  return Object.values(cells).some((cell) => cell.trim() !== '') ? cells : null;
}

/**
 * Which stored address each row keeps: first one the row repeats exactly
 * (in the columns the file has), then one of the same label (changed in
 * place, so orders and standing orders that ship to it keep it); null for a
 * new address; the rows with no address are left out.
 */
function matchAddresses(rows: ImportRow[], stored: StoredAddress[]): Map<ImportRow, StoredAddress | null> {
  const unused = new Set(stored);
  const matched = new Map<ImportRow, StoredAddress | null>();
  const withCells = rows.flatMap((row) => {
    const cells = addressCells(row.values);
    return cells ? [{ row, cells }] : [];
  });
  const take = (row: ImportRow, test: (address: StoredAddress) => boolean) => {
    const address = [...unused].find(test);
    if (!address) return;
    unused.delete(address);
    matched.set(row, address);
  };
  for (const { row, cells } of withCells) {
    take(row, (address) =>
      Object.entries(cells).every(([field, cell]) => addressRecordCell(address, field) === cell),
    );
  }
  for (const { row, cells } of withCells) {
    if (!matched.has(row) && cells['label'] !== undefined)
      take(row, (address) => address.label === cells['label']);
  }
  for (const { row } of withCells) if (!matched.has(row)) matched.set(row, null);
  return matched;
}

async function resolveAddress(
  values: Record<string, string>,
  stored: StoredAddress | null,
  accountId: string,
): Promise<{ after: ImportedAddress | null; errors: FieldError[] }> {
  const cells = { ...(stored ? addressRecord(stored) : {}), ...values };
  const checked = await validateAs(
    CreateAddressDto,
    bodyOf(cells, ADDRESS_FIELDS, (field) => ADDRESS_PREFIX + field),
  );
  if (!checked.value) {
    return { after: null, errors: errorsInColumns(checked.errors, (field) => ADDRESS_PREFIX + field) };
  }
  const body = checked.value;
  return {
    after: {
      id: stored?.id ?? randomUUID(),
      accountId: stored?.accountId ?? accountId,
      label: body.label,
      line1: body.line1,
      line2: body.line2 ?? null,
      city: body.city,
      region: body.region ?? null,
      postcode: body.postcode,
      country: body.country,
    },
    errors: [],
  };
}

export function accountRecord(account: ImportedAccount): ExportRecord {
  return Object.fromEntries(ACCOUNT_COLUMNS.map((column) => [column, exportCell(account[column])]));
}

function addressRecordCell(address: ImportedAddress, field: string): string {
  return exportCell(address[field as keyof ImportedAddress]);
}

/** An address in the file's columns; every cell empty for none. */
export function addressRecord(address: ImportedAddress | null): ExportRecord {
  return Object.fromEntries(
    Object.keys(ADDRESS_FIELDS).map((field) => [
      ADDRESS_PREFIX + field,
      address ? addressRecordCell(address, field) : '',
    ]),
  );
}
