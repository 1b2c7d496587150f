import { HttpStatus, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Channel, CreatedChannel } from '@tradecounter/contracts';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { conflict, notFound, ProblemException } from '../common/http/problem';
import { apiKeyMatches, apiKeyPrefix, newApiKey } from './api-key';
import type { ChannelEntity } from './channel.entity';
import { ChannelsRepository } from './channels.repository';

/** Integrations: created with a key shown once, listed, revoked; and the key check of every channel request. */
@Injectable()
export class ChannelsService {
  constructor(
    private readonly channels: ChannelsRepository,
    private readonly audit: AuditService,
    private readonly dataSource: DataSource,
  ) {}

  list(): Promise<Channel[]> {
    return this.channels.list();
  }

  async create(actor: AuthUser, name: string): Promise<CreatedChannel> {
    if (await this.channels.nameTaken(name)) throw nameTaken();
    const key = newApiKey();
    const id = await this.dataSource
      .transaction(async (tx) => {
        const saved = await this.channels.insert(tx, {
          name,
          keyPrefix: key.prefix,
          keyHash: key.hash,
          createdBy: actor.id,
        });
        await this.record(tx, actor, saved.id, 'create', null, { name, keyPrefix: key.prefix });
        return saved.id;
      })
      .catch((error: unknown) => {
        // Two admins creating one name at once: the unique constraint decides.
        if ((error as { driverError?: { code?: string } }).driverError?.code === '23505') throw nameTaken();
        throw error;
      });
    return { ...(await this.get(id)), apiKey: key.key };
  }

  async revoke(actor: AuthUser, id: string): Promise<Channel> {
    const before = await this.get(id);
    await this.dataSource.transaction(async (tx) => {
      if (await this.channels.revoke(tx, id)) {
        await this.record(tx, actor, id, 'update', { revokedAt: null }, { revokedAt: 'now' });
      }
    });
    return before.revokedAt ? before : this.get(id);
  }

  /** The live integration this key belongs to; 401 otherwise (a revoked key included). */
  async authenticate(key: string | undefined): Promise<ChannelEntity> {
    const prefix = key ? apiKeyPrefix(key) : null;
    const channel = prefix ? await this.channels.findLiveByPrefix(prefix) : null;
    if (!key || !channel || !apiKeyMatches(key, channel.keyHash)) {
      throw new ProblemException(
        HttpStatus.UNAUTHORIZED,
        key ? 'The API key is not valid, or was revoked' : 'Send the integration’s API key in X-Api-Key',
        undefined,
        { 'WWW-Authenticate': 'ApiKey header="X-Api-Key"' },
      );
    }
    await this.channels.touch(channel.id);
    return channel;
  }

  private async get(id: string): Promise<Channel> {
    const found = await this.channels.get(id);
    if (!found) throw notFound('Integration');
    return found;
  }

  private record(
    tx: EntityManager,
    actor: AuthUser,
    id: string,
    action: 'create' | 'update',
    before: Record<string, unknown> | null,
    after: Record<string, unknown>,
  ) {
    return this.audit.record(tx, {
      actorId: actor.id,
      entity: 'channel',
      entityId: id,
      accountId: null,
      action,
      before,
      after,
    });
  }
}

function nameTaken(): ProblemException {
  return conflict('An integration with this name already exists', [
    { field: 'name', message: 'is already in use' },
  ]);
}
