import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Warehouse } from '@tradecounter/contracts';
import type { IsoDate, PromiseSettings } from '@tradecounter/domain';
import { ChangeNotices } from '../common/change-notices';

/** How long a loaded calendar is trusted should a change notice be missed (the 'calendar' notice evicts it). */
export const SETTINGS_TTL_MS = 5_000;

interface Calendar {
  warehouses: Map<string, Warehouse>;
  holidays: ReadonlySet<IsoDate>;
  loadedAt: number;
}

const CALENDAR_SQL = `
SELECT
  (SELECT coalesce(json_agg(json_build_object(
            'code', w.code, 'name', w.name, 'timeZone', w.time_zone, 'cutoffTime', w.cutoff_time,
            'handlingDays', w.handling_days, 'transitDays', w.transit_days, 'isDefault', w.is_default,
            'version', w.version) ORDER BY w.code), '[]')
     FROM warehouses w) AS warehouses,
  (SELECT coalesce(json_agg(h.date::text ORDER BY h.date), '[]') FROM holidays h) AS holidays`;

/**
 * Every warehouse's promise settings and the holiday calendar, read in one
 * query and kept for a few seconds: they change rarely, while every promise
 * and catalog page needs them. A change (the 'calendar' notice) drops it in
 * every API process; SETTINGS_TTL_MS bounds it should the notice be missed.
 */
@Injectable()
export class PromiseSettingsCache {
  private calendar: Calendar | undefined;
  private loading: Promise<Calendar> | undefined;
  private generation = 0;

  constructor(
    private readonly dataSource: DataSource,
    changes: ChangeNotices,
  ) {
    changes.on('calendar', () => this.invalidate());
  }

  /**
   * The warehouse with this code; an unknown code reloads once, so a
   * warehouse just made elsewhere is found. Callers inside a transaction pass
   * its manager: a reload then runs on their connection, never waiting for
   * another one while holding theirs.
   */
  async warehouse(code: string, manager?: EntityManager): Promise<Warehouse | undefined> {
    const found = (await this.current(manager)).warehouses.get(code);
    if (found) return found;
    this.invalidate();
    return (await this.current(manager)).warehouses.get(code);
  }

  /** The code of the default warehouse, if one is. */
  async defaultCode(manager?: EntityManager): Promise<string | undefined> {
    const calendar = await this.current(manager);
    return [...calendar.warehouses.values()].find((warehouse) => warehouse.isDefault)?.code;
  }

  async settings(
    code: string,
    manager?: EntityManager,
  ): Promise<{ warehouse: Warehouse; settings: PromiseSettings } | undefined> {
    const warehouse = await this.warehouse(code, manager);
    if (!warehouse) return undefined;
    return { warehouse, settings: toSettings(warehouse, (await this.current(manager)).holidays) };
  }

  /** The business calendar's holidays. */
  async holidays(): Promise<ReadonlySet<IsoDate>> {
    return (await this.current()).holidays;
  }

  private invalidate(): void {
    this.generation += 1;
    this.calendar = undefined;
    this.loading = undefined;
  }

  private current(manager?: EntityManager): Promise<Calendar> {
    if (this.calendar && Date.now() - this.calendar.loadedAt < SETTINGS_TTL_MS) {
      return Promise.resolve(this.calendar);
    }
    if (manager) return this.load(manager);
    if (!this.loading) {
      const loading = this.load(this.dataSource.manager).finally(() => {
        if (this.loading === loading) this.loading = undefined;
      });
      this.loading = loading;
    }
    return this.loading;
  }

  private async load(manager: EntityManager): Promise<Calendar> {
    const generation = this.generation;
    const [row] = (await manager.query(CALENDAR_SQL)) as {
      warehouses: Warehouse[];
      holidays: IsoDate[];
    }[];
    const calendar: Calendar = {
      warehouses: new Map((row?.warehouses ?? []).map((warehouse) => [warehouse.code, warehouse])),
      holidays: new Set(row?.holidays ?? []),
      loadedAt: Date.now(),
    };
    // A change committed while this load ran may not be in it: keep it only if nothing changed since.
    if (generation === this.generation) this.calendar = calendar;
    return calendar;
  }
}

export function toSettings(warehouse: Warehouse, holidays: ReadonlySet<IsoDate>): PromiseSettings {
  return {
    timeZone: warehouse.timeZone,
    cutoffTime: warehouse.cutoffTime,
    handlingDays: warehouse.handlingDays,
    transitDays: warehouse.transitDays,
    holidays,
  };
}
