import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ContractPrice, ContractPriceAuditState } from '@tradecounter/contracts';
import { canEditAccount, normaliseMoney } from '@tradecounter/domain';
import { AccountsService } from '../accounts/accounts.service';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { ChangeNotices } from '../common/change-notices';
import { badRequest, conflict, forbidden, notFound } from '../common/http/problem';
import type { ContractPriceEntity } from './contract-price.entity';
import { ContractPricesRepository } from './contract-prices.repository';
import type { SetContractPriceDto } from './dto/contract-price.dto';

/** Two windows overlap unless one ends before the other starts (empty validTo: open-ended). */
export function windowsOverlap(
  a: { validFrom: string; validTo: string | null },
  b: { validFrom: string; validTo: string | null },
): boolean {
  const aEndsBefore = a.validTo !== null && a.validTo < b.validFrom;
  const bEndsBefore = b.validTo !== null && b.validTo < a.validFrom;
  return !aEndsBefore && !bEndsBefore;
}

/** Which window of which product an entry is about: kept in every entry, changed or not. */
const WINDOW_FIELDS = [
  'productId',
  'sku',
  'validFrom',
  'validTo',
] as const satisfies readonly (keyof ContractPriceAuditState)[];

/** An account's negotiated prices: one window per start date, never overlapping. */
@Injectable()
export class ContractPricesService {
  constructor(
    private readonly prices: ContractPricesRepository,
    private readonly accounts: AccountsService,
    private readonly audit: AuditService,
    private readonly dataSource: DataSource,
    private readonly changes: ChangeNotices,
  ) {}

  async list(actor: AuthUser, accountId: string): Promise<ContractPrice[]> {
    await this.accounts.requireReadable(actor, accountId);
    return this.prices.list(accountId);
  }

  /** Creates the window starting on validFrom, or replaces the one that already starts then. */
  async set(
    actor: AuthUser,
    accountId: string,
    productId: string,
    body: SetContractPriceDto,
  ): Promise<ContractPrice[]> {
    await this.requireEditable(actor, accountId);
    const window = { validFrom: body.validFrom, validTo: body.validTo ?? null };
    if (window.validTo !== null && window.validTo < window.validFrom) {
      throw badRequest('validTo must not be before validFrom', [
        { field: 'validTo', message: 'is before validFrom' },
      ]);
    }
    const sku = await this.prices.productSku(productId);
    if (sku === null) throw notFound('Product');
    const unitPrice = normaliseMoney(body.unitPrice);
    await this.dataSource.transaction(async (tx) => {
      await this.prices.lockScope(tx, accountId, productId);
      const existing = await this.prices.windows(tx, accountId, productId);
      const replaced = existing.find((price) => price.validFrom === window.validFrom);
      const clash = existing.find((price) => price !== replaced && windowsOverlap(price, window));
      if (clash) {
        throw conflict(
          `This window overlaps the contract price valid ${clash.validFrom} to ${clash.validTo ?? 'open-ended'}`,
          [{ field: 'validFrom', message: 'overlaps another contract price of this product' }],
        );
      }
      await this.prices.save(tx, {
        ...(replaced ? { id: replaced.id } : {}),
        accountId,
        productId,
        unitPrice,
        ...window,
      });
      await this.audit.record(tx, {
        actorId: actor.id,
        entity: 'contract_price',
        entityId: productId,
        accountId,
        action: replaced ? 'update' : 'create',
        before: replaced ? audited(replaced, sku) : null,
        after: { productId, sku, unitPrice, ...window } satisfies ContractPriceAuditState,
        keep: WINDOW_FIELDS,
      });
      await this.changes.changed(tx, 'pricing', accountId);
    });
    return this.prices.list(accountId);
  }

  /** Deletes the product's window starting on validFrom, or all its windows without it. */
  async remove(
    actor: AuthUser,
    accountId: string,
    productId: string,
    validFrom: string | undefined,
  ): Promise<ContractPrice[]> {
    await this.requireEditable(actor, accountId);
    await this.dataSource.transaction(async (tx) => {
      await this.prices.lockScope(tx, accountId, productId);
      const doomed = (await this.prices.windows(tx, accountId, productId)).filter(
        (price) => !validFrom || price.validFrom === validFrom,
      );
      if (doomed.length === 0) throw notFound('Contract price');
      const sku = await this.prices.productSku(productId);
      await this.prices.delete(
        tx,
        doomed.map((price) => price.id),
      );
      for (const price of doomed) {
        await this.audit.record(tx, {
          actorId: actor.id,
          entity: 'contract_price',
          entityId: productId,
          accountId,
          action: 'delete',
          before: audited(price, sku),
          after: null,
        });
      }
      await this.changes.changed(tx, 'pricing', accountId);
    });
    return this.prices.list(accountId);
  }

  private async requireEditable(actor: AuthUser, accountId: string): Promise<void> {
    const account = await this.accounts.requireReadable(actor, accountId);
    if (!canEditAccount(actor, account)) throw forbidden('You may not change this account’s prices');
  }
}

function audited(price: ContractPriceEntity, sku: string | null): ContractPriceAuditState {
  return {
    productId: price.productId,
    sku,
    unitPrice: price.unitPrice,
    validFrom: price.validFrom,
    validTo: price.validTo,
  };
}
