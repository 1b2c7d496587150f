import { HttpStatus, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Channel, CreatedChannel } from '@tradecounter/contracts';
import { ChannelBinding, channelBindingProblem } from '@tradecounter/domain';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { badRequest, conflict, notFound, ProblemException } from '../common/http/problem';
import { apiKeyMatches, apiKeyPrefix, newApiKey } from './api-key';
import { ChannelsRepository, LiveChannel } from './channels.repository';
import type { CreateChannelDto, UpdateChannelDto } from './dto/channel.dto';

/** What the audit trail keeps of a channel's reach: account codes read better than ids. */
type AuditedSettings = {
  accounts: string[];
  allAccounts: boolean;
  allowAddresses: boolean;
  dataSync: boolean;
};

/**
 * Channels (integrations): created with a key shown once and bound to the
 * accounts an admin names, edited, listed, revoked; and the key check of
 * every request an integration sends.
 */
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

  async create(actor: AuthUser, body: CreateChannelDto): Promise<CreatedChannel> {
    const binding = checkedBinding({
      allAccounts: body.allAccounts ?? false,
      accountIds: body.accountIds ?? [],
    });
    if (await this.channels.nameTaken(body.name)) throw nameTaken();
    const key = newApiKey();
    const id = await this.dataSource
      .transaction(async (tx) => {
        const codes = await this.accountCodes(tx, binding.accountIds);
        const settings = {
          allAccounts: binding.allAccounts,
          allowAddresses: body.allowAddresses ?? false,
          dataSync: body.dataSync ?? false,
        };
        const saved = await this.channels.insert(tx, {
          name: body.name,
          keyPrefix: key.prefix,
          keyHash: key.hash,
          createdBy: actor.id,
          ...settings,
        });
        await this.channels.replaceAccounts(tx, saved.id, binding.accountIds);
        await this.record(tx, actor, saved.id, 'create', null, {
          name: body.name,
          keyPrefix: key.prefix,
          ...settings,
          accounts: codes,
        });
        return saved.id;
      })
      .catch((error: unknown) => {
        // Two admins creating one name at once: the unique constraint decides.
        if ((error as { driverError?: { code?: string } }).driverError?.code === '23505') throw nameTaken();
        throw error;
      });
    return { ...(await this.get(id)), apiKey: key.key };
  }

  /**
   * Changes what a live channel's key may do. Setting allAccounts clears the
   * list unless one is sent; a list on an all-accounts channel needs
   * `allAccounts: false` with it, so nobody narrows or widens a key by accident.
   */
  async update(actor: AuthUser, id: string, body: UpdateChannelDto): Promise<Channel> {
    return this.dataSource.transaction(async (tx) => {
      const locked = await this.channels.lock(tx, id);
      if (!locked) throw notFound('Channel');
      if (locked.revokedAt) {
        throw conflict('This channel is revoked: its key no longer works, so there is nothing to change');
      }
      const current = await this.get(id, tx);
      const binding = checkedBinding({
        allAccounts: body.allAccounts ?? current.allAccounts,
        accountIds:
          body.accountIds ?? (body.allAccounts === true ? [] : current.accounts.map((account) => account.id)),
      });
      const after: AuditedSettings = {
        accounts: await this.accountCodes(tx, binding.accountIds),
        allAccounts: binding.allAccounts,
        allowAddresses: body.allowAddresses ?? current.allowAddresses,
        dataSync: body.dataSync ?? current.dataSync,
      };
      await this.channels.updateSettings(tx, id, {
        allAccounts: after.allAccounts,
        allowAddresses: after.allowAddresses,
        dataSync: after.dataSync,
      });
      await this.channels.replaceAccounts(tx, id, binding.accountIds);
      await this.record(tx, actor, id, 'update', auditedSettings(current), after);
      return this.get(id, tx);
    });
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

  /** The live channel this key belongs to, with its binding; 401 otherwise (a revoked key included). */
  async authenticate(key: string | undefined): Promise<LiveChannel> {
    const prefix = key ? apiKeyPrefix(key) : null;
    const channel = prefix ? await this.channels.findLiveByPrefix(prefix) : undefined;
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

  /** The codes of these accounts, sorted; 400 naming each id that is no account. */
  private async accountCodes(tx: EntityManager, ids: readonly string[]): Promise<string[]> {
    const known = await this.channels.accountsAmong(tx, ids);
    const unknown = ids.map((id, index) => ({ id, index })).filter(({ id }) => !known.has(id.toLowerCase()));
    if (unknown.length > 0) {
      throw badRequest(
        'Some of accountIds are not accounts',
        unknown.map(({ index }) => ({ field: `accountIds[${index}]`, message: 'is not an account' })),
      );
    }
    return [...known.values()].sort();
  }

  private async get(id: string, manager?: EntityManager): Promise<Channel> {
    const found = await this.channels.get(id, manager);
    if (!found) throw notFound('Channel');
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

/** The binding, ids lowercased (as Postgres prints them); 400 when it contradicts itself. */
function checkedBinding(binding: ChannelBinding): ChannelBinding {
  const normalised = { ...binding, accountIds: binding.accountIds.map((id) => id.toLowerCase()) };
  const problem = channelBindingProblem(normalised);
  if (problem) throw badRequest(problem, [{ field: 'accountIds', message: problem }]);
  return normalised;
}

function auditedSettings(channel: Channel): AuditedSettings {
  return {
    accounts: channel.accounts.map((account) => account.code).sort(),
    allAccounts: channel.allAccounts,
    allowAddresses: channel.allowAddresses,
    dataSync: channel.dataSync,
  };
}

function nameTaken(): ProblemException {
  return conflict('A channel with this name already exists', [
    { field: 'name', message: 'is already in use' },
  ]);
}
