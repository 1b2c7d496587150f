import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { CompanySettings } from '@tradecounter/contracts';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { notFound } from '../common/http/problem';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { checkLogo } from './company-logo';
import type { CompanySettingsDto } from './dto/company-settings.dto';

/** The letterhead as documents draw it, with the version their cache is keyed by. */
export interface CompanyLetterhead {
  name: string;
  address: string[];
  email: string | null;
  phone: string | null;
  registration: string | null;
  logo: Buffer | null;
  version: number;
}

export interface CompanyLogo {
  bytes: Buffer;
  contentType: string;
  version: number;
}

interface SettingsRow {
  name: string;
  address: string[];
  email: string | null;
  phone: string | null;
  registration: string | null;
  hasLogo: boolean;
  version: number;
}

const SELECT_SQL = `SELECT name, address, email, phone, registration, logo IS NOT NULL AS "hasLogo", version
  FROM company_settings WHERE id`;

/**
 * The company every document comes from. One row, made on first start from
 * SELLER_NAME / SELLER_ADDRESS; then an admin edits it and uploads a logo.
 * Every change bumps `version` (in the same statement), which is how the
 * document cache knows a letterhead changed, on any API instance.
 */
@Injectable()
export class CompanySettingsService implements OnApplicationBootstrap {
  /** The letterhead with its logo bytes, reused while the version stays the same. */
  private cached: CompanyLetterhead | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { name, address } = this.config.seller;
    await this.dataSource.query(
      `INSERT INTO company_settings (id, name, address) VALUES (true, $1, $2) ON CONFLICT (id) DO NOTHING`,
      [name, address ? [address] : []],
    );
  }

  async get(): Promise<CompanySettings> {
    return toSettings(await this.row(this.dataSource.manager));
  }

  async update(actor: AuthUser, body: CompanySettingsDto): Promise<CompanySettings> {
    const settings = {
      name: body.name.trim(),
      address: body.address.map((line) => line.trim()).filter((line) => line.length > 0),
      email: blankToNull(body.email),
      phone: blankToNull(body.phone),
      registration: blankToNull(body.registration),
    };
    return this.change(actor, async (tx) => {
      await tx.query(
        `UPDATE company_settings SET name = $1, address = $2, email = $3, phone = $4, registration = $5,
                version = version + 1, updated_at = now() WHERE id`,
        [settings.name, settings.address, settings.email, settings.phone, settings.registration],
      );
    });
  }

  async putLogo(actor: AuthUser, bytes: Buffer, claimedType: string | undefined): Promise<CompanySettings> {
    const contentType = await checkLogo(bytes, claimedType);
    return this.change(actor, async (tx) => {
      await tx.query(
        `UPDATE company_settings SET logo = $1, logo_content_type = $2, version = version + 1, updated_at = now()
          WHERE id`,
        [bytes, contentType],
      );
    });
  }

  async removeLogo(actor: AuthUser): Promise<CompanySettings> {
    if (!(await this.get()).hasLogo) throw notFound('Logo');
    return this.change(actor, async (tx) => {
      await tx.query(
        `UPDATE company_settings SET logo = NULL, logo_content_type = NULL, version = version + 1, updated_at = now()
          WHERE id AND logo IS NOT NULL`,
      );
    });
  }

  async logo(): Promise<CompanyLogo> {
    const [row] = (await this.dataSource.query(
      `SELECT logo, logo_content_type AS "contentType", version FROM company_settings WHERE id AND logo IS NOT NULL`,
    )) as { logo: Buffer; contentType: string; version: number }[];
    if (!row) throw notFound('Logo');
    return { bytes: row.logo, contentType: row.contentType, version: row.version };
  }

  /**
   * What documents draw. One small query for the version on each call; the
   * logo's bytes are read again only when the version moved.
   */
  async letterhead(): Promise<CompanyLetterhead> {
    const row = await this.row(this.dataSource.manager);
    if (this.cached?.version === row.version) return this.cached;
    const logo = row.hasLogo ? await this.logo().catch(() => null) : null;
    const letterhead: CompanyLetterhead = {
      name: row.name,
      address: row.address,
      email: row.email,
      phone: row.phone,
      registration: row.registration,
      // Only the logo of this very version: an edit between the two reads shows next time.
      logo: logo && logo.version === row.version ? logo.bytes : null,
      version: row.version,
    };
    if (!row.hasLogo || letterhead.logo) this.cached = letterhead;
    return letterhead;
  }

  /** A change in one transaction with its audit entry (the logo as its size and type, never its bytes). */
  private async change(
    actor: AuthUser,
    write: (tx: EntityManager) => Promise<void>,
  ): Promise<CompanySettings> {
    return this.dataSource.transaction(async (tx) => {
      await tx.query('SELECT 1 FROM company_settings WHERE id FOR UPDATE');
      const before = await this.auditable(tx);
      await write(tx);
      const after = await this.auditable(tx);
      await this.audit.record(tx, {
        actorId: actor.id,
        entity: 'company_settings',
        entityId: 'company',
        accountId: null,
        action: 'update',
        before,
        after,
      });
      return toSettings(await this.row(tx));
    });
  }

  private async auditable(tx: EntityManager): Promise<Record<string, unknown>> {
    const [row] = (await tx.query(
      `SELECT name, address, email, phone, registration, logo_content_type AS "logoContentType",
              octet_length(logo) AS "logoBytes", version FROM company_settings WHERE id`,
    )) as Record<string, unknown>[];
    return row ?? {};
  }

  private async row(manager: EntityManager): Promise<SettingsRow> {
    const [row] = (await manager.query(SELECT_SQL)) as SettingsRow[];
    if (row) return row;
    // Before the first start has made the row (a fresh database read by a script): the configured seller.
    const { name, address } = this.config.seller;
    return {
      name,
      address: address ? [address] : [],
      email: null,
      phone: null,
      registration: null,
      hasLogo: false,
      version: 0,
    };
  }
}

function toSettings(row: SettingsRow): CompanySettings {
  return {
    name: row.name,
    address: row.address,
    email: row.email,
    phone: row.phone,
    registration: row.registration,
    hasLogo: row.hasLogo,
    version: row.version,
  };
}

function blankToNull(value: string | null): string | null {
  const text = value?.trim() ?? '';
  return text.length > 0 ? text : null;
}
