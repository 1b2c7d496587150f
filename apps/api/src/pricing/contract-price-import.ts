import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ContractPriceAuditState, FieldError, ImportKindInfo } from '@tradecounter/contracts';
import { canEditAccount, canReadAccount, normaliseMoney } from '@tradecounter/domain';
import { ChangeNotices } from '../common/change-notices';
import { AuditService } from '../audit/audit.service';
import {
  ImportHandler,
  type ExportRecord,
  type ImportContext,
  type ImportKindHandler,
  type ImportRow,
  type RowPlan,
} from '../imports/import-kind';
import {
  cellOf,
  chunkValidator,
  inTransaction,
  normaliseSku,
  pagedRecords,
  planOf,
  productIdsBySku,
  required,
} from '../imports/row-cells';
import { ContractPricesRepository } from './contract-prices.repository';
import { windowsOverlap } from './contract-prices.service';
import { SetContractPriceDto } from './dto/contract-price.dto';

interface AccountRef {
  id: string;
  code: string;
  accountManagerId: string | null;
}

interface Window {
  validFrom: string;
  validTo: string | null;
}

interface PriceNow extends Window {
  accountId: string;
  productId: string;
  unitPrice: string;
}

/** Which window of which product an entry is about: kept in every entry, as the API keeps them. */
const WINDOW_FIELDS = ['productId', 'sku', 'validFrom', 'validTo'] as const;

/**
 * An account's contract prices, as `PUT /api/accounts/:id/contract-prices/:productId`
 * sets them: one window per start date (the key), never overlapping another
 * of the same product, audited as `contract_price` entries, the accounts'
 * price books dropped.
 */
@ImportHandler()
@Injectable()
export class ContractPriceImport implements ImportKindHandler {
  readonly info: ImportKindInfo = {
    kind: 'contract-prices',
    label: 'Contract prices',
    keyDescription: 'accountCode + sku + validFrom',
    childSet: null,
    columns: [
      { name: 'accountCode', required: true, key: true, description: 'The account', example: 'ACME' },
      { name: 'sku', required: true, key: true, description: 'The product', example: 'GLV-NIT-M' },
      {
        name: 'validFrom',
        required: true,
        key: true,
        description: 'First day the price holds (YYYY-MM-DD); one window per start date',
        example: '2027-01-01',
      },
      {
        name: 'validTo',
        required: false,
        key: false,
        description: 'Last day it holds (YYYY-MM-DD); empty: open-ended. Windows of a product never overlap',
        example: '2027-12-31',
      },
      {
        name: 'unitPrice',
        required: true,
        key: false,
        description: 'The negotiated unit price',
        example: '9.50',
      },
    ],
  };

  constructor(
    private readonly audit: AuditService,
    private readonly changes: ChangeNotices,
    private readonly prices: ContractPricesRepository,
  ) {}

  async plan(rows: ImportRow[], context: ImportContext): Promise<RowPlan[]> {
    const check = chunkValidator(SetContractPriceDto);
    const { manager, actor } = context;
    const keys = rows.map((row) => ({
      accountCode: (cellOf(row, 'accountCode') ?? '').trim().toUpperCase(),
      sku: normaliseSku(cellOf(row, 'sku')),
      validFrom: (cellOf(row, 'validFrom') ?? '').trim(),
    }));
    const accounts = await this.accounts(
      manager,
      keys.map((key) => key.accountCode),
    );
    const products = await productIdsBySku(
      manager,
      keys.map((key) => key.sku),
    );
    const scopes = new Map<string, { accountId: string; productId: string }>();
    for (const key of keys) {
      const account = accounts.get(key.accountCode);
      const productId = products.get(key.sku);
      if (account && productId)
        scopes.set(scopeKey(account.id, productId), { accountId: account.id, productId });
    }
    const windows = await this.windows(manager, [...scopes.values()]);

    // First each row on its own (as the API checks a body), then the windows each scope would end with.
    const drafts = await Promise.all(
      rows.map(async (row, index) => {
        const { accountCode, sku, validFrom } = keys[index] ?? { accountCode: '', sku: '', validFrom: '' };
        const account = accounts.get(accountCode);
        const productId = products.get(sku);
        const errors: FieldError[] = [];
        if (accountCode === '') errors.push(required('accountCode'));
        else if (!account || !canReadAccount(actor, account))
          errors.push({ field: 'accountCode', message: 'is not a known account' });
        else if (!canEditAccount(actor, account))
          errors.push({ field: 'accountCode', message: 'is an account whose prices you may not change' });
        if (sku === '') errors.push(required('sku'));
        else if (!productId) errors.push({ field: 'sku', message: 'is not a known product' });
        const key = `${accountCode}/${sku}/${validFrom}`;

        const scope = account && productId ? scopeKey(account.id, productId) : undefined;
        const now = scope ? windows.get(scope)?.find((price) => price.validFrom === validFrom) : undefined;
        const body: Record<string, unknown> = { validFrom };
        const unitPriceCell = cellOf(row, 'unitPrice');
        const validToCell = cellOf(row, 'validTo');
        body['unitPrice'] = unitPriceCell ?? now?.unitPrice;
        if (unitPriceCell === '' || body['unitPrice'] === undefined) {
          errors.push(required('unitPrice'));
          delete body['unitPrice'];
        }
        body['validTo'] =
          validToCell === undefined ? (now?.validTo ?? null) : validToCell === '' ? null : validToCell;
        if (validFrom === '') errors.push(required('validFrom'));
        const checked = await check(body);
        const dtoErrors = checked.errors.filter(
          (error) => !(error.field === 'unitPrice' && !('unitPrice' in body)),
        );
        errors.push(...dtoErrors.filter((error) => !(error.field === 'validFrom' && validFrom === '')));
        const window: Window = { validFrom, validTo: (body['validTo'] as string | null) ?? null };
        if (checked.value && window.validTo !== null && window.validTo < window.validFrom) {
          errors.push({ field: 'validTo', message: 'is before validFrom' });
        }
        const before = now ? exportOf(accountCode, sku, now) : null;
        const after: ExportRecord = {
          accountCode,
          sku,
          validFrom,
          validTo: window.validTo ?? '',
          unitPrice: checked.value ? normaliseMoney(checked.value.unitPrice) : '',
        };
        return { row, key, scope, window, errors, before, after };
      }),
    );

    // A scope's windows after the commit: those there are, with the file's replacing any that start on the same day.
    // Windows earlier chunks of the file claimed (a dry run has not written them) count as the file's too.
    const claimed = claimedWindows(context);
    const ending = new Map<string, Map<string, Claim>>();
    for (const scope of scopes.keys()) {
      const stored = (windows.get(scope) ?? []).map((price): [string, Claim] => [
        price.validFrom,
        { window: price },
      ]);
      ending.set(scope, new Map([...stored, ...(claimed.get(scope) ?? [])]));
    }
    for (const draft of drafts) {
      if (!draft.scope || draft.errors.length > 0) continue;
      ending.get(draft.scope)?.set(draft.window.validFrom, { window: draft.window, row: draft.row.row });
    }
    for (const draft of drafts) {
      if (!draft.scope || draft.errors.length > 0) continue;
      for (const [validFrom, other] of ending.get(draft.scope) ?? []) {
        if (validFrom === draft.window.validFrom || !windowsOverlap(other.window, draft.window)) continue;
        const where = other.row
          ? `row ${other.row}`
          : `${other.window.validFrom} to ${other.window.validTo ?? 'open-ended'}`;
        draft.errors.push({
          field: 'validFrom',
          message: `overlaps another contract price of this product (${where})`,
        });
        break;
      }
    }
    for (const draft of drafts) {
      if (!draft.scope || draft.errors.length > 0) continue;
      const scopeClaims = claimed.get(draft.scope) ?? new Map<string, Claim>();
      scopeClaims.set(draft.window.validFrom, { window: draft.window, row: draft.row.row });
      claimed.set(draft.scope, scopeClaims);
    }
    return drafts.map((draft) => planOf(draft.row.row, draft.key, draft.errors, draft.before, draft.after));
  }

  async apply(plans: RowPlan[], context: ImportContext): Promise<void> {
    const writes = plans.filter((plan) => plan.action === 'create' || plan.action === 'update');
    if (writes.length === 0) return;
    const { manager } = context;
    const accounts = await this.accounts(
      manager,
      writes.map((plan) => plan.after?.['accountCode'] ?? ''),
    );
    const products = await productIdsBySku(
      manager,
      writes.map((plan) => plan.after?.['sku'] ?? ''),
    );
    const rows = writes.map((plan) => {
      const after = plan.after ?? {};
      const accountId = accounts.get(after['accountCode'] ?? '')?.id;
      const productId = products.get(after['sku'] ?? '');
      if (!accountId || !productId) throw new Error(`Row ${plan.row} names no account or product`);
      return {
        plan,
        accountId,
        productId,
        sku: after['sku'] ?? '',
        unitPrice: after['unitPrice'] ?? '',
        validFrom: after['validFrom'] ?? '',
        validTo: after['validTo'] ? after['validTo'] : null,
      };
    });
    await manager.query(
      `INSERT INTO contract_prices (account_id, product_id, unit_price, valid_from, valid_to)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::numeric[], $4::date[], $5::date[])
       ON CONFLICT (account_id, product_id, valid_from)
       DO UPDATE SET unit_price = EXCLUDED.unit_price, valid_to = EXCLUDED.valid_to`,
      [
        rows.map((row) => row.accountId),
        rows.map((row) => row.productId),
        rows.map((row) => row.unitPrice),
        rows.map((row) => row.validFrom),
        rows.map((row) => row.validTo),
      ],
    );
    await this.audit.recordMany(
      manager,
      rows.map((row) => {
        const before = row.plan.before;
        return {
          actorId: context.actor.id,
          entity: 'contract_price',
          entityId: row.productId,
          accountId: row.accountId,
          action: before ? 'update' : 'create',
          before: before
            ? ({
                productId: row.productId,
                sku: row.sku,
                unitPrice: before['unitPrice'] ?? '',
                validFrom: before['validFrom'] ?? '',
                validTo: before['validTo'] || null,
              } satisfies ContractPriceAuditState)
            : null,
          after: {
            productId: row.productId,
            sku: row.sku,
            unitPrice: row.unitPrice,
            validFrom: row.validFrom,
            validTo: row.validTo,
          } satisfies ContractPriceAuditState,
          keep: WINDOW_FIELDS,
          changeSetId: context.importId,
        };
      }),
    );
    await this.changes.changed(
      manager,
      'pricing',
      rows.map((row) => row.accountId),
    );
  }

  exportRecords(manager: EntityManager): AsyncIterable<ExportRecord> {
    return pagedRecords<ExportRecord>(async (last, limit) => {
      const rows = (await manager.query(
        `SELECT a.code AS "accountCode", p.sku, c.valid_from::text AS "validFrom",
                coalesce(c.valid_to::text, '') AS "validTo", c.unit_price::text AS "unitPrice"
           FROM contract_prices c JOIN accounts a ON a.id = c.account_id JOIN products p ON p.id = c.product_id
          WHERE ($1::text IS NULL OR (a.code, p.sku, c.valid_from) > ($1, $2, $3::date))
          ORDER BY a.code, p.sku, c.valid_from LIMIT $4`,
        [last?.['accountCode'] ?? null, last?.['sku'] ?? null, last?.['validFrom'] ?? null, limit],
      )) as ExportRecord[];
      return rows;
    });
  }

  private async accounts(manager: EntityManager, codes: string[]): Promise<Map<string, AccountRef>> {
    const wanted = [...new Set(codes)].filter((code) => code !== '');
    if (wanted.length === 0) return new Map();
    const rows = (await manager.query(
      `SELECT a.id, a.code, a.account_manager_id AS "accountManagerId"
         FROM unnest($1::text[]) AS w(code) CROSS JOIN LATERAL (SELECT * FROM accounts WHERE code = w.code LIMIT 1) a`,
      [wanted],
    )) as AccountRef[];
    return new Map(rows.map((row) => [row.code, row]));
  }

  /**
   * The windows there are of these account/product scopes. While committing,
   * every scope is locked first (one lock, held to the commit's end), as the
   * API locks its one for its overlap check.
   */
  private async windows(
    manager: EntityManager,
    scopes: { accountId: string; productId: string }[],
  ): Promise<Map<string, PriceNow[]>> {
    if (scopes.length === 0) return new Map();
    const accountIds = scopes.map((scope) => scope.accountId);
    const productIds = scopes.map((scope) => scope.productId);
    if (inTransaction(manager)) await this.prices.lockAllScopes(manager);
    const rows = (await manager.query(
      `SELECT c.account_id AS "accountId", c.product_id AS "productId", c.unit_price::text AS "unitPrice",
              c.valid_from::text AS "validFrom", c.valid_to::text AS "validTo"
         FROM unnest($1::uuid[], $2::uuid[]) AS k(account_id, product_id)
        CROSS JOIN LATERAL (
              SELECT * FROM contract_prices WHERE account_id = k.account_id AND product_id = k.product_id) c
        ORDER BY c.valid_from`,
      [accountIds, productIds],
    )) as PriceNow[];
    const found = new Map<string, PriceNow[]>();
    for (const row of rows) {
      const scope = scopeKey(row.accountId, row.productId);
      found.set(scope, [...(found.get(scope) ?? []), row]);
    }
    return found;
  }
}

/** A window of a scope after the commit: stored, or a row of the file's. */
interface Claim {
  window: Window;
  row?: number;
}

/** The windows the file's rows so far claim, per scope, kept for the pass's later chunks. */
function claimedWindows(context: ImportContext): Map<string, Map<string, Claim>> {
  const state = context.state;
  let claimed = state?.get('contract-prices.windows') as Map<string, Map<string, Claim>> | undefined;
  if (!claimed) {
    claimed = new Map();
    state?.set('contract-prices.windows', claimed);
  }
  return claimed;
}

const scopeKey = (accountId: string, productId: string) => `${accountId}:${productId}`;

function exportOf(accountCode: string, sku: string, price: PriceNow): ExportRecord {
  return {
    accountCode,
    sku,
    validFrom: price.validFrom,
    validTo: price.validTo ?? '',
    unitPrice: price.unitPrice,
  };
}
