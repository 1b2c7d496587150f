import type { EntityManager } from 'typeorm';
import { canEditPriceTier, type AccountOwnership, type Actor } from '@tradecounter/domain';
import { inTransaction } from '../imports/row-cells';

/** The API's 403 on a tier, as a row's error. */
export const NOT_YOURS = 'has accounts other account managers look after; an admin may change it';

export interface TierRow {
  id: string;
  name: string;
  discountPercent: string;
}

/**
 * The tiers of these names (unique whatever their case), by lower-cased name.
 * While committing they are locked, as the API locks a tier it changes.
 */
export async function tierIdsByName(
  manager: EntityManager,
  names: Iterable<string>,
): Promise<Map<string, TierRow>> {
  const wanted = [...new Set([...names].map((name) => name.trim().toLowerCase()))].filter(
    (name) => name !== '',
  );
  if (wanted.length === 0) return new Map();
  const rows = (await manager.query(
    `SELECT id, name, discount_percent::text AS "discountPercent" FROM price_tiers
      WHERE lower(name) = ANY($1::text[]) ORDER BY id ${inTransaction(manager) ? 'FOR UPDATE' : ''}`,
    [wanted],
  )) as TierRow[];
  return new Map(rows.map((row) => [row.name.toLowerCase(), row]));
}

/** Marks the tiers changed: a new version (their ETag) and updated_at, as every API change to a tier does. */
export async function touchTiers(manager: EntityManager, tierIds: Iterable<string>): Promise<void> {
  const ids = [...new Set(tierIds)];
  if (ids.length === 0) return;
  await manager.query(
    'UPDATE price_tiers SET version = version + 1, updated_at = now() WHERE id = ANY($1::uuid[])',
    [ids],
  );
}

/**
 * The tiers among these the actor may not change (an account manager, when
 * another manager's account is on the tier), in one query: the API's 403.
 */
export async function tiersNotEditable(
  manager: EntityManager,
  actor: Actor,
  tierIds: Iterable<string>,
): Promise<Set<string>> {
  const ids = [...new Set(tierIds)];
  if (actor.role === 'admin' || ids.length === 0) return new Set();
  const rows = (await manager.query(
    `SELECT price_tier_id AS "tierId", id, account_manager_id AS "accountManagerId"
       FROM accounts WHERE price_tier_id = ANY($1::uuid[])`,
    [ids],
  )) as (AccountOwnership & { tierId: string })[];
  return new Set(
    ids.filter(
      (id) =>
        !canEditPriceTier(
          actor,
          rows.filter((row) => row.tierId === id),
        ),
    ),
  );
}
