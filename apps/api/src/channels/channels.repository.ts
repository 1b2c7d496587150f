import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, IsNull, Repository } from 'typeorm';
import type { Channel } from '@tradecounter/contracts';
import { ChannelEntity } from './channel.entity';

const LIST_SQL = `
SELECT c.id, c.name, c.key_prefix AS "keyPrefix", c.created_at AS "createdAt", c.revoked_at AS "revokedAt",
       c.last_used_at AS "lastUsedAt", u.id AS "creatorId", u.name AS "creatorName"
  FROM channels c LEFT JOIN users u ON u.id = c.created_by`;

interface ChannelRow {
  id: string;
  name: string;
  keyPrefix: string;
  createdAt: Date;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
  creatorId: string | null;
  creatorName: string | null;
}

@Injectable()
export class ChannelsRepository {
  constructor(@InjectRepository(ChannelEntity) private readonly channels: Repository<ChannelEntity>) {}

  async list(): Promise<Channel[]> {
    const rows = (await this.channels.query(
      `${LIST_SQL} ORDER BY c.revoked_at IS NOT NULL, c.name`,
    )) as ChannelRow[];
    return rows.map(toChannel);
  }

  async get(id: string): Promise<Channel | undefined> {
    const rows = (await this.channels.query(`${LIST_SQL} WHERE c.id = $1`, [id])) as ChannelRow[];
    return rows[0] ? toChannel(rows[0]) : undefined;
  }

  nameTaken(name: string): Promise<boolean> {
    return this.channels.exists({ where: { name } });
  }

  insert(tx: EntityManager, channel: Pick<ChannelEntity, 'name' | 'keyPrefix' | 'keyHash' | 'createdBy'>) {
    return tx.getRepository(ChannelEntity).save(tx.getRepository(ChannelEntity).create(channel));
  }

  /** Revokes it if it is not yet; true when this call did. */
  async revoke(tx: EntityManager, id: string): Promise<boolean> {
    const result = await tx
      .getRepository(ChannelEntity)
      .update({ id, revokedAt: IsNull() }, { revokedAt: () => 'now()' });
    return (result.affected ?? 0) > 0;
  }

  /** The live integration whose key has this prefix. */
  findLiveByPrefix(prefix: string): Promise<ChannelEntity | null> {
    return this.channels.findOneBy({ keyPrefix: prefix, revokedAt: IsNull() });
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
  };
}
