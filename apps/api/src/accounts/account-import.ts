import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ImportAction, ImportColumn, ImportKindInfo } from '@tradecounter/contracts';
import { AuditRecord, AuditService } from '../audit/audit.service';
import { ChangeNotices } from '../common/change-notices';
import { sameRecord } from '../imports/import-cells';
import {
  ExportRecord,
  ImportContext,
  ImportHandler,
  ImportKindHandler,
  ImportRow,
  RowPlan,
} from '../imports/import-kind';
import {
  AccountGroup,
  accountRecord,
  ADDRESS_COLUMNS,
  addressRecord,
  codeOf,
  groupByAccount,
  loadLookups,
  resolveGroup,
} from './account-import-plan';
import { AccountImportRepository, ImportedAccount, ImportedAddress } from './account-import.repository';

const column = (name: string, description: string, example: string, required = false): ImportColumn => ({
  name,
  required,
  key: name === 'code',
  description,
  example,
});

const INFO: ImportKindInfo = {
  kind: 'accounts',
  label: 'Accounts with addresses',
  keyDescription: 'code',
  childSet: 'addresses: one row per address, an account’s rows together; they replace its addresses',
  columns: [
    column('code', 'The account code (2–30 capitals, digits, - or _)', 'ACME', true),
    column('name', 'The account name', 'Acme Builders', true),
    column('status', 'active, on_hold or closed (closed retires the account)', 'active'),
    column('priceTierName', 'The price tier by name; empty for list prices', 'Trade'),
    column(
      'accountManagerEmail',
      'The e-mail of an active account manager; empty for none',
      'am@example.com',
    ),
    column(
      'defaultWarehouseCode',
      'The warehouse orders ship from by default; empty for the default',
      'EAST',
    ),
    column('creditLimit', 'Credit limit', '25000.00'),
    column('paymentTerms', 'prepaid, net_15, net_30, net_45 or net_60', 'net_30'),
    column('requiresPo', 'Whether orders need a PO number: true/false (also yes/no, 1/0)', 'false'),
    column('address.label', 'A shipping address: its label', 'Main warehouse'),
    column('address.line1', 'Address line 1', '1 Industrial Way'),
    column('address.line2', 'Address line 2', 'Unit 4'),
    column('address.city', 'City', 'Springfield'),
    column('address.region', 'Region or state', 'IL'),
    column('address.postcode', 'Postcode', '62701'),
    column('address.country', 'ISO 3166-1 alpha-2 country code', 'US'),
  ],
};

const PAGE = 200;

/**
 * `accounts`: a row is `POST /api/accounts` for a new code and
 * `PATCH /api/accounts/:id` for a known one, checked by the same DTOs and
 * rules (a known tier, an active account manager, a known warehouse), with
 * the account's shipping addresses as a child set: one row per address,
 * checked as `POST /api/accounts/:id/addresses`. When the file has address
 * columns an account's rows give its whole set (stored ones no row keeps are
 * deleted, unless a standing order ships to one: an error); when it has
 * none, addresses are left alone.
 */
@Injectable()
@ImportHandler()
export class AccountImport implements ImportKindHandler {
  readonly info = INFO;

  constructor(
    private readonly repository: AccountImportRepository,
    private readonly audit: AuditService,
    private readonly changes: ChangeNotices,
  ) {}

  parentKey(values: Record<string, string>): string {
    return codeOf(values);
  }

  async plan(rows: ImportRow[], { manager }: ImportContext): Promise<RowPlan[]> {
    const { groups, apart } = await this.resolve(manager, rows);
    const misplaced: RowPlan[] = [...apart].map(([row, first]) => ({
      row: row.row,
      key: codeOf(row.values),
      action: 'error',
      errors: [{ field: 'code', message: `the account's rows must be together (its first is row ${first})` }],
      before: null,
      after: null,
    }));
    return [...groups.flatMap(planRows), ...misplaced].sort((a, b) => a.row - b.row);
  }

  async apply(plans: RowPlan[], { manager, actor, importId }: ImportContext): Promise<void> {
    // The planned `after` records hold every column: resolved again, they are the rows as written.
    const rows = plans
      .filter((plan) => (plan.action === 'create' || plan.action === 'update') && plan.after)
      .map((plan) => ({ row: plan.row, values: plan.after as ExportRecord }));
    if (rows.length === 0) return;
    const { groups, apart } = await this.resolve(manager, rows, true);
    const failed = groups.find((group) => group.errors.size > 0 || !group.account);
    if (apart.size > 0) throw new Error("An account's rows were not together");
    if (failed) throw new Error(`Account ${failed.code} no longer resolves as planned`);
    const audit: AuditRecord[] = [];
    const record = (fields: Omit<AuditRecord, 'actorId' | 'changeSetId'>) =>
      audit.push({ ...fields, actorId: actor.id, changeSetId: importId });
    const created: ImportedAccount[] = [];
    const updated: ImportedAccount[] = [];
    const addresses = {
      created: [] as ImportedAddress[],
      updated: [] as ImportedAddress[],
      removed: [] as string[],
    };
    for (const group of groups) {
      const account = group.account as ImportedAccount;
      const { existing } = group;
      if (!existing) {
        created.push(account);
        record({ ...accountEntry(account), action: 'create', before: null, after: auditable(account) });
      } else if (!sameRecord(accountRecord(existing), accountRecord(account))) {
        updated.push(account);
        record({
          ...accountEntry(account),
          action: 'update',
          before: auditable(existing),
          after: auditable(account),
        });
      }
      for (const { before, after } of group.addresses.values()) {
        if (!after || (before && sameRecord(addressRecord(before), addressRecord(after)))) continue;
        (before ? addresses.updated : addresses.created).push(after);
        record({
          ...addressEntry(after),
          action: before ? 'update' : 'create',
          before: before ? auditableAddress(before) : null,
          after: auditableAddress(after),
        });
      }
      for (const removed of group.removed) {
        addresses.removed.push(removed.id);
        record({
          ...addressEntry(removed),
          action: 'delete',
          before: auditableAddress(removed),
          after: null,
        });
      }
    }
    await this.repository.insertAccounts(manager, created);
    await this.repository.updateAccounts(manager, updated);
    await this.repository.deleteAddresses(manager, addresses.removed);
    await this.repository.updateAddresses(manager, addresses.updated);
    await this.repository.insertAddresses(manager, addresses.created);
    await this.audit.recordMany(manager, audit);
    // As PATCH does: pricing and availability drop what they cached of these accounts (tier,
    // warehouse), in every API process once the import commits.
    await this.changes.changed(
      manager,
      'account',
      updated.map(({ id }) => id),
    );
  }

  async *exportRecords(manager: EntityManager): AsyncIterable<ExportRecord> {
    let after: string | null = null;
    for (;;) {
      const page = await this.repository.accountPage(manager, after, PAGE);
      const addresses = await this.repository.addressesOf(
        manager,
        page.map((account) => account.id),
      );
      for (const account of page) {
        const own = addresses.filter((address) => address.accountId === account.id);
        for (const address of own.length > 0 ? own : [null]) {
          yield { ...accountRecord(account), ...addressRecord(address) };
        }
      }
      if (page.length < PAGE) return;
      after = page[page.length - 1].code;
    }
  }

  /** With `lock` (applying), the accounts are locked while they are read, changed and audited. */
  private async resolve(
    manager: EntityManager,
    rows: ImportRow[],
    lock = false,
  ): Promise<{ groups: AccountGroup[]; apart: Map<ImportRow, number> }> {
    const replacesAddresses = ADDRESS_COLUMNS.some((name) => rows[0]?.values[name] !== undefined);
    const lookups = await loadLookups(this.repository, manager, rows, lock);
    const { groups, apart } = groupByAccount(rows);
    const resolved: AccountGroup[] = [];
    for (const group of groups) resolved.push(await resolveGroup(group, lookups, replacesAddresses));
    return { groups: resolved, apart };
  }
}

/** Each of an account's rows, with the account's action (its rows replace its set together). */
function planRows(group: AccountGroup): RowPlan[] {
  const { existing, account } = group;
  const action: ImportAction = !existing ? 'create' : changed(group) ? 'update' : 'unchanged';
  const firstRow = group.rows[0].row;
  return group.rows.map((row) => {
    const address = group.addresses.get(row) ?? { before: null, after: null };
    const withAddress = (record: ExportRecord, child: ImportedAddress | null) =>
      group.replacesAddresses ? { ...record, ...addressRecord(child) } : record;
    const errors =
      group.errors.get(row) ??
      (account ? [] : [{ field: 'code', message: `the account's first row (${firstRow}) has errors` }]);
    const failed = errors.length > 0;
    return {
      row: row.row,
      key: group.code,
      action: failed ? 'error' : action,
      errors,
      before: existing ? withAddress(accountRecord(existing), address.before) : null,
      after: failed || !account ? null : withAddress(accountRecord(account), address.after),
    };
  });
}

function changed(group: AccountGroup): boolean {
  if (!group.existing || !group.account) return true;
  if (!sameRecord(accountRecord(group.existing), accountRecord(group.account))) return true;
  if (group.removed.length > 0) return true;
  return [...group.addresses.values()].some(
    ({ before, after }) =>
      after !== null && (!before || !sameRecord(addressRecord(before), addressRecord(after))),
  );
}

function accountEntry(account: ImportedAccount) {
  return { entity: 'account', entityId: account.id, accountId: account.id };
}

function addressEntry(address: ImportedAddress) {
  return { entity: 'address', entityId: address.id, accountId: address.accountId };
}

/** What the audit trail keeps of an account, as the API's auditableAccount. */
function auditable(account: ImportedAccount): Record<string, unknown> {
  const { code, name, status, priceTierId, accountManagerId, defaultWarehouseCode } = account;
  const { creditLimit, paymentTerms, requiresPo } = account;
  return {
    code,
    name,
    status,
    priceTierId,
    accountManagerId,
    defaultWarehouseCode,
    creditLimit,
    paymentTerms,
    requiresPo,
  };
}

/** An address as the API's toAddress (what its audit entries keep). */
function auditableAddress(address: ImportedAddress): Record<string, unknown> {
  const { id, accountId, label, line1, line2, city, region, postcode, country } = address;
  return { id, accountId, label, line1, line2, city, region, postcode, country };
}
