import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { FieldError, Page, Wave, WaveStatus, WaveSummary } from '@tradecounter/contracts';
import { waveWalk } from '@tradecounter/domain';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { pageOf, PageRequest } from '../common/http/pagination.dto';
import { badRequest, conflict, notFound } from '../common/http/problem';
import { OrderLifecycleService } from '../orders/order-lifecycle.service';
import type { CreateWaveDto } from './dto/wave.dto';
import { WaveCandidate, WavesRepository } from './waves.repository';

/**
 * Waves: one pick list across several orders of a warehouse. An order joins
 * a wave only when it is at that warehouse, confirmed, and in no other open
 * wave; creating the wave starts picking its orders (the lifecycle's
 * `picking` step, with its event and audit), all in one transaction.
 */
@Injectable()
export class WavesService {
  constructor(
    private readonly waves: WavesRepository,
    private readonly lifecycle: OrderLifecycleService,
    private readonly audit: AuditService,
    private readonly dataSource: DataSource,
  ) {}

  async create(actor: AuthUser, body: CreateWaveDto): Promise<Wave> {
    const orderIds = body.orderIds.map((id) => id.toLowerCase());
    const id = await this.dataSource
      .transaction(async (tx) => {
        if (!(await warehouseExists(tx, body.warehouseCode))) throw unknownWarehouse();
        const candidates = await this.waves.lockCandidates(tx, orderIds);
        refuseCandidates(orderIds, candidates, body.warehouseCode);
        const wave = await this.waves.insert(tx, body.warehouseCode, actor.id, orderIds);
        // Locked above in id order; each step re-locks the same rows, so the order holds.
        for (const order of [...candidates].sort((a, b) => (a.id < b.id ? -1 : 1))) {
          await this.lifecycle.transitionIn(tx, actor, order.id, (locked) => {
            if (locked.status !== 'confirmed') {
              throw conflict(`Order ${locked.number} is ${locked.status}; only confirmed orders join a wave`);
            }
            return {
              to: 'picking',
              kind: 'picking',
              reason: `Picked in wave ${wave.number}`,
              data: { waveId: wave.id, waveNumber: wave.number },
            };
          });
        }
        await this.audit.record(tx, {
          actorId: actor.id,
          entity: 'wave',
          entityId: wave.id,
          accountId: null,
          action: 'create',
          before: null,
          after: { number: wave.number, warehouseCode: body.warehouseCode, orderIds },
        });
        return wave.id;
      })
      .catch(openWaveRace);
    return this.get(id);
  }

  async list(
    filter: { warehouseCode?: string; status?: WaveStatus },
    page: PageRequest,
  ): Promise<Page<WaveSummary>> {
    const [items, total] = await this.waves.summaries(filter, page);
    return pageOf(items, total, page);
  }

  /** The wave with its orders and its walk: lines in natural bin order, each with the orders its units go to. */
  async get(id: string): Promise<Wave> {
    const header = await this.waves.header(id);
    if (!header) throw notFound('Wave');
    const [orders, units] = await Promise.all([this.waves.orders(id), this.waves.units(id)]);
    return {
      ...header,
      createdAt: header.createdAt.toISOString(),
      closedAt: header.closedAt?.toISOString() ?? null,
      orders,
      lines: waveWalk(units),
    };
  }

  /** Closes the wave by hand (it also closes by itself once each order is packed, shipped or cancelled). */
  async close(actor: AuthUser, id: string): Promise<Wave> {
    await this.dataSource.transaction(async (tx) => {
      const wave = await this.waves.lock(tx, id);
      if (!wave) throw notFound('Wave');
      if (wave.status !== 'open') throw conflict(`Wave ${wave.number} is already closed`);
      await this.waves.close(tx, id);
      await this.audit.record(tx, {
        actorId: actor.id,
        entity: 'wave',
        entityId: id,
        accountId: null,
        action: 'update',
        before: { status: 'open' },
        after: { status: 'closed' },
      });
    });
    return this.get(id);
  }
}

/** 409 naming every order that may not join, and why; 404 when an id is no order at all. */
function refuseCandidates(orderIds: string[], candidates: WaveCandidate[], warehouseCode: string): void {
  const found = new Map(candidates.map((order) => [order.id, order]));
  const missing = orderIds.findIndex((id) => !found.has(id));
  if (missing >= 0) throw notFound(`Order ${orderIds[missing]}`);
  const errors: FieldError[] = [];
  orderIds.forEach((id, index) => {
    const order = found.get(id) as WaveCandidate;
    const why =
      order.warehouseCode !== warehouseCode
        ? `ships from ${order.warehouseCode}, not ${warehouseCode}`
        : order.openWave
          ? `is already in open wave ${order.openWave}`
          : order.status !== 'confirmed'
            ? `is ${order.status}, not confirmed`
            : null;
    if (why) errors.push({ field: `orderIds[${index}]`, message: `${order.number} ${why}` });
  });
  if (errors.length > 0) {
    throw conflict(
      `These orders cannot join a wave: ${errors.map((error) => error.message).join('; ')}`,
      errors,
    );
  }
}

/** Two waves racing for one order: the partial unique index lets one in, the other gets a 409. */
function openWaveRace(error: unknown): never {
  const driverError = (error as { driverError?: { code?: string; constraint?: string } }).driverError;
  if (driverError?.code === '23505' && driverError.constraint === 'wave_orders_open_order_key') {
    throw conflict(
      'An order named is already in another open wave (it was added a moment ago); reload and try again',
    );
  }
  throw error;
}

async function warehouseExists(
  tx: { query: (sql: string, params: unknown[]) => Promise<unknown> },
  code: string,
) {
  const rows = (await tx.query('SELECT 1 FROM warehouses WHERE code = $1', [code])) as unknown[];
  return rows.length > 0;
}

function unknownWarehouse() {
  return badRequest('No warehouse has this code', [
    { field: 'warehouseCode', message: 'is not a known warehouse' },
  ]);
}
