import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { CarrierTracking } from '@tradecounter/contracts';
import { trackingTemplateProblem } from '@tradecounter/domain';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { badRequest, notFound } from '../common/http/problem';
import { CarrierTrackingRepository, CarrierTrackingRow } from './carrier-tracking.repository';

/** A carrier's name as shipments carry it: 1–60 characters, no space at either end. */
export const CARRIER_NAME = /^\S(.{0,58}\S)?$/;

/**
 * The carriers' tracking pages, kept as settings: anyone inside sees them,
 * an admin sets or removes one (audited). Shipments link their tracking
 * number through them (order.mapper); a carrier without one stays plain text.
 */
@Injectable()
export class CarrierTrackingService {
  constructor(
    private readonly repository: CarrierTrackingRepository,
    private readonly audit: AuditService,
    private readonly dataSource: DataSource,
  ) {}

  async list(): Promise<CarrierTracking[]> {
    return (await this.repository.list()).map(toCarrierTracking);
  }

  set(actor: AuthUser, carrier: string, urlTemplate: string): Promise<CarrierTracking> {
    const problem = trackingTemplateProblem(urlTemplate);
    if (problem) {
      throw badRequest(`The tracking URL template ${problem}`, [{ field: 'urlTemplate', message: problem }]);
    }
    return this.dataSource.transaction(async (tx) => {
      const before = await this.repository.lock(tx, carrier);
      const saved = await this.repository.upsert(tx, before?.carrier ?? carrier, urlTemplate);
      await this.audit.record(tx, {
        actorId: actor.id,
        entity: 'carrier_tracking',
        entityId: saved.carrier,
        accountId: null,
        action: before ? 'update' : 'create',
        before: before ? { urlTemplate: before.urlTemplate } : null,
        after: { urlTemplate: saved.urlTemplate },
      });
      return toCarrierTracking(saved);
    });
  }

  async remove(actor: AuthUser, carrier: string): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      const before = await this.repository.lock(tx, carrier);
      if (!before) throw notFound('Carrier tracking page');
      await this.repository.remove(tx, before.carrier);
      await this.audit.record(tx, {
        actorId: actor.id,
        entity: 'carrier_tracking',
        entityId: before.carrier,
        accountId: null,
        action: 'delete',
        before: { urlTemplate: before.urlTemplate },
        after: null,
      });
    });
  }
}

function toCarrierTracking(row: CarrierTrackingRow): CarrierTracking {
  return {
    carrier: row.carrier,
    urlTemplate: row.urlTemplate,
    updatedAt: new Date(row.updatedAt).toISOString(),
  };
}
