import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, EntityManager, Repository } from 'typeorm';
import type { PageRequest } from '../common/http/pagination.dto';
import { AuditEntryEntity } from './audit-entry.entity';
import { prepared } from '../database/prepared-statements';

export interface AuditFilter {
  entity?: string;
  entityId?: string;
  accountId?: string;
  changeSetId?: string;
  /** Only entries about accounts managed by this user (account managers)… */
  managedBy?: string;
  /** …or about these kinds of record that belong to no account (with managedBy). */
  sharedEntities?: readonly string[];
}

/** An entry to write; changeSetId is optional (only bulk changes have one). */
export type AuditInsert = Omit<AuditEntryEntity, 'id' | 'at' | 'changeSetId'> & {
  changeSetId?: string | null;
};

export interface AuditRow extends AuditEntryEntity {
  actorName: string | null;
}

/** Audit entries from one array per column. */
const INSERT_MANY_SQL = prepared(
  'audit_insert_many',
  `INSERT INTO audit_entries (actor_id, entity, entity_id, account_id, action, before, after, change_set_id)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::uuid[], $5::text[], $6::jsonb[], $7::jsonb[], $8::uuid[])`,
);

@Injectable()
export class AuditRepository {
  constructor(@InjectRepository(AuditEntryEntity) private readonly entries: Repository<AuditEntryEntity>) {}

  /** A plain INSERT: it runs inside every audited write (every order placed), so it skips the ORM's save. */
  async insert(manager: EntityManager, entry: AuditInsert): Promise<void> {
    await this.insertMany(manager, [entry]);
  }

  /** One INSERT … SELECT FROM unnest for a batch (an import's chunk of thousands of rows). */
  async insertMany(manager: EntityManager, entries: readonly AuditInsert[]): Promise<void> {
    const json = (value: Record<string, unknown> | null) => (value === null ? null : JSON.stringify(value));
    await manager.query(INSERT_MANY_SQL, [
      entries.map((entry) => entry.actorId),
      entries.map((entry) => entry.entity),
      entries.map((entry) => entry.entityId),
      entries.map((entry) => entry.accountId),
      entries.map((entry) => entry.action),
      entries.map((entry) => json(entry.before)),
      entries.map((entry) => json(entry.after)),
      entries.map((entry) => entry.changeSetId ?? null),
    ]);
  }

  /**
   * A read model over the trail. It names users and accounts by SQL join
   * because history is read far more than it is written.
   */
  async list(filter: AuditFilter, page: PageRequest): Promise<[AuditRow[], number]> {
    const query = this.entries
      .createQueryBuilder('a')
      .leftJoin('users', 'actor', 'actor.id = a.actor_id')
      .addSelect('actor.name', 'actor_name')
      .orderBy('a.at', 'DESC')
      .addOrderBy('a.id', 'DESC')
      .offset(page.offset)
      .limit(page.pageSize);
    if (filter.entity) query.andWhere('a.entity = :entity', { entity: filter.entity });
    if (filter.entityId) query.andWhere('a.entity_id = :entityId', { entityId: filter.entityId });
    if (filter.accountId) query.andWhere('a.account_id = :accountId', { accountId: filter.accountId });
    if (filter.changeSetId)
      query.andWhere('a.change_set_id = :changeSetId', { changeSetId: filter.changeSetId });
    const { managedBy, sharedEntities = [] } = filter;
    if (managedBy) {
      query.andWhere(
        new Brackets((scope) => {
          scope.where('a.account_id IN (SELECT id FROM accounts WHERE account_manager_id = :managedBy)', {
            managedBy,
          });
          if (sharedEntities.length > 0)
            scope.orWhere('(a.account_id IS NULL AND a.entity IN (:...sharedEntities))', { sharedEntities });
        }),
      );
    }
    const [{ entities, raw }, total] = await Promise.all([query.getRawAndEntities(), query.getCount()]);
    const rows = entities.map((entity, index) => ({
      ...entity,
      actorName: (raw[index] as { actor_name: string | null }).actor_name,
    }));
    return [rows, total];
  }
}
