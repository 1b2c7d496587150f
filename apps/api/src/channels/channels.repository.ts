import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, IsNull, Repository } from 'typeorm';
import type { Channel, ChannelAccount } from '@tradecounter/contracts';
import { ChannelAccountEntity } from './channel-account.entity';
import { ChannelEntity } from './channel.entity';

const LIST_SQL = `
SELECT c.id, c.name, c.key_prefix AS "keyPrefix", c.created_at AS "createdAt", c.revoked_at AS "revokedAt",
       c.last_used_at AS "lastUsedAt", u.id AS "creatorId", u.name AS "creatorName",
       c.all_accounts AS "allAccounts", c.allow_addresses AS "allowAddresses", c.data_sync AS "dataSync",
       COALESCE((SELECT json_agg(json_build_object('id', a.id, 'code', a.code, 'name', a.name) ORDER BY a.code)
                   FROM channel_accounts ca JOIN accounts a ON a.id = ca.account_id
                  WHERE ca.channel_id = c.id), '[]'::json) AS accounts
  FROM channels c LEFT JOIN users u ON u.id = c.created_by`;

/** A live channel and what its key may do, read once per request that carries the key. */
const LIVE_BY_PREFIX_SQL = `
SELECT c.id, c.name, c.key_hash AS "keyHash", c.all_accounts AS "allAccounts",
       c.allow_addresses AS "allowAddresses", c.data_sync AS "dataSync", c.created_by AS "createdBy",
       ARRAY(SELECT ca.account_id::text FROM channel_accounts ca WHERE ca.channel_id = c.id) AS "accountIds"
  FROM channels c
 WHERE c.key_prefix = $1 AND c.revoked_at IS NULL`;

interface ChannelRow {
  id: string;
  name: string;
  keyPrefix: string;
  createdAt: Date;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
  creatorId: string | null;
  creatorName: string | null;
  allAccounts: boolean;
  allowAddresses: boolean;
  dataSync: boolean;
  accounts: ChannelAccount[];
}

/** A channel whose key was presented: enough to check the key and keep its orders to its binding. */
export interface LiveChannel {
  id: string;
  name: string;
  keyHash: string;
  allAccounts: boolean;
  allowAddresses: boolean;
  dataSync: boolean;
  /** The admin who created it: a data sync acts for them. */
  createdBy: string | null;
  accountIds: string[];
}

/** What an admin may change about a channel. */
export type ChannelSettings = Pick<ChannelEntity, 'allAccounts' | 'allowAddresses' | 'dataSync'>;

@Injectable()
export class ChannelsRepository {
  constructor(@InjectRepository(ChannelEntity) private readonly channels: Repository<ChannelEntity>) {}

  async list(): Promise<Channel[]> {
    const rows = (await this.channels.query(
      `${LIST_SQL} ORDER BY c.revoked_at IS NOT NULL, c.name`,
    )) as ChannelRow[];
    return rows.map(toChannel);
  }

  async get(id: string, manager: EntityManager = this.channels.manager): Promise<Channel | undefined> {
    const rows = (await manager.query(`${LIST_SQL} WHERE c.id = $1`, [id])) as ChannelRow[];
    return rows[0] ? toChannel(rows[0]) : undefined;
  }

  nameTaken(name: string): Promise<boolean> {
    return this.channels.exists({ where: { name } });
  }

  insert(
    tx: EntityManager,
    channel: Pick<ChannelEntity, 'name' | 'keyPrefix' | 'keyHash' | 'createdBy'> & ChannelSettings,
  ) {
    return tx.getRepository(ChannelEntity).save(tx.getRepository(ChannelEntity).create(channel));
  }

  /** The channel under a row lock, so two admins' edits apply one after the other. */
  lock(tx: EntityManager, id: string): Promise<ChannelEntity | null> {
    return tx.getRepository(ChannelEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async updateSettings(tx: EntityManager, id: string, settings: ChannelSettings): Promise<void> {
    await tx.getRepository(ChannelEntity).update({ id }, settings);
  }

  /** Makes these the channel's accounts, and no others. */
  async replaceAccounts(tx: EntityManager, channelId: string, accountIds: readonly string[]): Promise<void> {
    await tx.getRepository(ChannelAccountEntity).delete({ channelId });
    if (accountIds.length === 0) return;
    await tx
      .getRepository(ChannelAccountEntity)
      .insert(accountIds.map((accountId) => ({ channelId, accountId })));
  }

  /** Of these ids, the ones that are accounts, with their codes (ids lowercased, as Postgres prints them). */
  async accountsAmong(tx: EntityManager, ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = (await tx.query(`SELECT id, code FROM accounts WHERE id = ANY($1::uuid[])`, [ids])) as {
      id: string;
      code: string;
    }[];
    return new Map(rows.map((row) => [row.id, row.code]));
  }

  /** Revokes it if it is not yet; true when this call did. */
  async revoke(tx: EntityManager, id: string): Promise<boolean> {
    const result = await tx
      .getRepository(ChannelEntity)
      .update({ id, revokedAt: IsNull() }, { revokedAt: () => 'now()' });
    return (result.affected ?? 0) > 0;
  }

  /** The live integration whose key has this prefix, with the accounts it is bound to. */
  async findLiveByPrefix(prefix: string): Promise<LiveChannel | undefined> {
    const rows = (await this.channels.query(LIVE_BY_PREFIX_SQL, [prefix])) as LiveChannel[];
    return rows[0];
  }

  /** Records use at most once a minute per integration: a write per request would cost more than it tells. */
  async touch(id: string): Promise<void> {
    await this.channels.query(
      `UPDATE channels SET last_used_at = now()
        WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`,
      [id],
    );
  }
}

function toChannel(row: ChannelRow): Channel {
  return {
    id: row.id,
    name: row.name,
    keyPrefix: row.keyPrefix,
    createdAt: new Date(row.createdAt).toISOString(),
    createdBy: row.creatorId ? { id: row.creatorId, name: row.creatorName ?? '' } : null,
    revokedAt: row.revokedAt ? new Date(row.revokedAt).toISOString() : null,
    lastUsedAt: row.lastUsedAt ? new Date(row.lastUsedAt).toISOString() : null,
    accounts: row.accounts,
    allAccounts: row.allAccounts,
    allowAddresses: row.allowAddresses,
    dataSync: row.dataSync,
  };
}
