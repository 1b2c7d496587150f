import { HttpStatus, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type {
  AuditedBreak,
  PriceTier,
  PriceTierAuditState,
  PriceTierSummary,
  VolumeBreakInput,
} from '@tradecounter/contracts';
import { canEditPriceTier, normaliseMoney } from '@tradecounter/domain';
import { AccountsService } from '../accounts/accounts.service';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { ChangeNotices } from '../common/change-notices';
import { badRequest, conflict, forbidden, notFound, ProblemException } from '../common/http/problem';
import type { CreatePriceTierDto, UpdatePriceTierDto } from './dto/price-tier.dto';
import { PriceTierEntity } from './price-tier.entity';
import { PriceTiersRepository } from './price-tiers.repository';

/** `"<version>"`: the tier's ETag, bumped by any change to it, its breaks or fixed prices. */
export const tierEtag = (version: number) => `"${version}"`;

/**
 * Price tiers, their volume breaks and fixed prices. Every change locks the
 * tier row, checks that the actor may change the prices of every account on
 * the tier (403), checks If-Match against its version (412 when stale),
 * bumps the version and is audited with before and after, in one transaction.
 */
@Injectable()
export class PriceTiersService {
  constructor(
    private readonly tiers: PriceTiersRepository,
    private readonly accounts: AccountsService,
    private readonly audit: AuditService,
    private readonly dataSource: DataSource,
    private readonly changes: ChangeNotices,
  ) {}

  list(): Promise<PriceTierSummary[]> {
    return this.tiers.summaries();
  }

  async get(id: string): Promise<PriceTier> {
    const [summary] = await this.tiers.summaries(id);
    if (!summary) throw notFound('Price tier');
    const [breaks, fixedPrices] = await Promise.all([this.tiers.breaks(id), this.tiers.fixedPrices(id)]);
    return { ...summary, breaks, fixedPrices };
  }

  async create(actor: AuthUser, body: CreatePriceTierDto): Promise<PriceTier> {
    await this.requireFreeName(body.name);
    const saved = await this.dataSource.transaction(async (tx) => {
      const tier = await this.tiers.saveTier(tx, {
        name: body.name.trim(),
        discountPercent: body.discountPercent,
      });
      await this.record(tx, actor, tier.id, 'create', null, {
        name: tier.name,
        discountPercent: body.discountPercent,
      });
      return tier;
    });
    return this.get(saved.id);
  }

  async update(
    actor: AuthUser,
    id: string,
    body: UpdatePriceTierDto,
    ifMatch: string | undefined,
  ): Promise<PriceTier> {
    if (body.name !== undefined) await this.requireFreeName(body.name, id);
    await this.change(actor, id, ifMatch, false, async (tx, tier) => {
      const before = { name: tier.name, discountPercent: trim(tier.discountPercent) };
      const after = {
        name: body.name?.trim() ?? tier.name,
        discountPercent: body.discountPercent ?? before.discountPercent,
      };
      await tx.update(PriceTierEntity, { id }, { name: after.name, discountPercent: after.discountPercent });
      await this.record(tx, actor, id, 'update', before, after);
    });
    return this.get(id);
  }

  /** Replaces the whole set of breaks; If-Match is required, since a stale set would silently undo someone's work. */
  async replaceBreaks(
    actor: AuthUser,
    id: string,
    breaks: VolumeBreakInput[],
    ifMatch: string | undefined,
  ): Promise<PriceTier> {
    checkBreaks(breaks);
    const productIds = [...new Set(breaks.flatMap((entry) => (entry.productId ? [entry.productId] : [])))];
    const skus = await this.tiers.productSkus(productIds);
    const unknown = breaks.findIndex((entry) => entry.productId !== null && !skus.has(entry.productId));
    if (unknown >= 0)
      throw badRequest('A break names a product that does not exist', [
        { field: `[${unknown}].productId`, message: 'is not a known product' },
      ]);
    await this.change(actor, id, ifMatch, true, async (tx) => {
      const before = await this.tiers.breaks(id);
      await this.tiers.replaceBreaks(tx, id, breaks);
      await this.record(
        tx,
        actor,
        id,
        'update',
        { breaks: before.map((entry) => auditedBreak(entry, entry.sku)) },
        { breaks: breaks.map((entry) => auditedBreak(entry, entry.productId && skus.get(entry.productId))) },
      );
    });
    return this.get(id);
  }

  async setFixedPrice(
    actor: AuthUser,
    id: string,
    productId: string,
    unitPrice: string,
    ifMatch: string | undefined,
  ): Promise<PriceTier> {
    const sku = (await this.tiers.productSkus([productId])).get(productId);
    if (!sku) throw notFound('Product');
    const price = normaliseMoney(unitPrice);
    await this.change(actor, id, ifMatch, false, async (tx) => {
      const existing = await this.tiers.findFixedPrice(tx, id, productId);
      await this.tiers.upsertFixedPrice(tx, id, productId, price);
      await this.record(
        tx,
        actor,
        id,
        'update',
        { fixedPrice: { productId, sku, unitPrice: existing?.unitPrice ?? null } },
        { fixedPrice: { productId, sku, unitPrice: price } },
      );
    });
    return this.get(id);
  }

  async deleteFixedPrice(
    actor: AuthUser,
    id: string,
    productId: string,
    ifMatch: string | undefined,
  ): Promise<PriceTier> {
    await this.change(actor, id, ifMatch, false, async (tx) => {
      const existing = await this.tiers.findFixedPrice(tx, id, productId);
      if (!existing || !(await this.tiers.deleteFixedPrice(tx, id, productId))) throw notFound('Fixed price');
      const sku = (await this.tiers.productSkus([productId])).get(productId) ?? null;
      await this.record(
        tx,
        actor,
        id,
        'update',
        { fixedPrice: { productId, sku, unitPrice: existing.unitPrice } },
        { fixedPrice: { productId, sku, unitPrice: null } },
      );
    });
    return this.get(id);
  }

  async etag(id: string): Promise<string> {
    const [summary] = await this.tiers.summaries(id);
    if (!summary) throw notFound('Price tier');
    return tierEtag(summary.version);
  }

  private async change(
    actor: AuthUser,
    id: string,
    ifMatch: string | undefined,
    ifMatchRequired: boolean,
    work: (tx: EntityManager, tier: PriceTierEntity) => Promise<void>,
  ): Promise<void> {
    if (ifMatchRequired && ifMatch === undefined) {
      throw new ProblemException(
        428,
        'Send the If-Match header with the ETag you read, so no one else’s change is overwritten',
      );
    }
    await this.dataSource.transaction(async (tx) => {
      const tier = await this.tiers.lock(tx, id);
      if (!tier) throw notFound('Price tier');
      // Read under the tier's lock, so an account moved onto the tier meanwhile is seen (or waits).
      if (!canEditPriceTier(actor, await this.accounts.ownershipOnTier(tx, id))) {
        throw forbidden(
          'Accounts other account managers look after are on this tier; an admin may change it',
        );
      }
      if (ifMatch !== undefined && ifMatch !== tierEtag(tier.version)) {
        throw new ProblemException(
          HttpStatus.PRECONDITION_FAILED,
          'The tier was changed by someone else; reload it and try again',
        );
      }
      await work(tx, tier);
      await this.tiers.touch(tx, id);
      // A tier may price any account.
      await this.changes.changed(tx, 'pricing');
    });
  }

  private async requireFreeName(name: string, exceptId?: string): Promise<void> {
    if (await this.tiers.nameTaken(name.trim(), exceptId))
      throw conflict('A tier with this name already exists', [
        { field: 'name', message: 'is already in use' },
      ]);
  }

  private record(
    tx: EntityManager,
    actor: AuthUser,
    id: string,
    action: 'create' | 'update',
    before: PriceTierAuditState | null,
    after: PriceTierAuditState,
  ) {
    return this.audit.record(tx, {
      actorId: actor.id,
      entity: 'price_tier',
      entityId: id,
      accountId: null,
      action,
      before,
      after,
    });
  }
}

/** minQty must be unique within its scope (one product, or tier-wide). */
function checkBreaks(breaks: VolumeBreakInput[]): void {
  const seen = new Map<string, number>();
  const errors = breaks.flatMap((entry, index) => {
    const key = `${entry.productId ?? '*'}:${entry.minQty}`;
    if (seen.has(key))
      return [
        {
          field: `[${index}].minQty`,
          message: `repeats the break at ${entry.minQty} of item ${seen.get(key)}`,
        },
      ];
    seen.set(key, index);
    return [];
  });
  if (errors.length > 0) throw badRequest('Two breaks share a minimum quantity in the same scope', errors);
}

function trim(percent: string): string {
  return percent.includes('.') ? percent.replace(/\.?0+$/, '') : percent;
}

/** A break as the trail keeps it, named by SKU so it reads well after the product leaves the tier. */
function auditedBreak(entry: VolumeBreakInput, sku: string | null | undefined): AuditedBreak {
  const plain = {
    productId: entry.productId,
    minQty: entry.minQty,
    discountPercent: trim(entry.discountPercent),
  };
  return entry.productId ? { ...plain, sku: sku ?? null } : plain;
}
