import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { FieldError, ImportKindInfo } from '@tradecounter/contracts';
import { AuditService } from '../audit/audit.service';
import { validateAs } from '../common/http/validate-as';
import { bodyOf, CellSpec, exportCell, sameRecord } from '../imports/import-cells';
import {
  ExportRecord,
  ImportContext,
  ImportHandler,
  ImportKindHandler,
  ImportRow,
  RowPlan,
} from '../imports/import-kind';
import { CreateSupplierDto, UpdateSupplierDto } from './dto/supplier.dto';
import { SupplierFields, SupplyImportRepository } from './supply-import.repository';

const FIELDS: Record<Exclude<keyof SupplierFields, 'code'>, CellSpec> = {
  name: { type: 'text' },
  email: { type: 'text' },
  leadTimeDays: { type: 'int' },
};

const INFO: ImportKindInfo = {
  kind: 'suppliers',
  label: 'Suppliers',
  keyDescription: 'code',
  childSet: null,
  columns: [
    { name: 'code', required: true, key: true, description: 'The supplier code', example: 'ACME' },
    { name: 'name', required: true, key: false, description: 'Name', example: 'Acme Supplies' },
    {
      name: 'email',
      required: true,
      key: false,
      description: 'Where purchase orders are sent',
      example: 'orders@acme.example',
    },
    {
      name: 'leadTimeDays',
      required: true,
      key: false,
      description: 'Business days from sending an order to its arrival (0–365)',
      example: '5',
    },
  ],
};

const PAGE = 500;

/**
 * `suppliers`: a row is `POST /api/suppliers` for a new code and
 * `PATCH /api/suppliers/:code` for a known one, checked by the same DTOs.
 * Suppliers have no retirement flag: a supplier left out of a file stays.
 */
@Injectable()
@ImportHandler()
export class SupplierImport implements ImportKindHandler {
  readonly info = INFO;

  constructor(
    private readonly repository: SupplyImportRepository,
    private readonly audit: AuditService,
  ) {}

  async plan(rows: ImportRow[], { manager }: ImportContext): Promise<RowPlan[]> {
    const codeOf = (row: ImportRow) => (row.values['code'] ?? '').trim();
    const existing = new Map(
      (await this.repository.suppliersByCode(manager, rows.map(codeOf))).map((s) => [s.code, s]),
    );
    return Promise.all(
      rows.map(async (row) => {
        const code = codeOf(row);
        const before = existing.get(code);
        const body = bodyOf(row.values, FIELDS);
        const checked = before
          ? await validateAs(UpdateSupplierDto, body)
          : await validateAs(CreateSupplierDto, { ...body, code });
        if (!checked.value) return errorPlan(row, code, checked.errors);
        const after: SupplierFields = { ...(before ?? { code }), ...(checked.value as SupplierFields) };
        const beforeRecord = before ? toRecord(before) : null;
        const afterRecord = toRecord(after);
        return {
          row: row.row,
          key: code,
          action: !before ? 'create' : sameRecord(beforeRecord, afterRecord) ? 'unchanged' : 'update',
          errors: [],
          before: beforeRecord,
          after: afterRecord,
        } satisfies RowPlan;
      }),
    );
  }

  async apply(plans: RowPlan[], context: ImportContext): Promise<void> {
    const { manager, actor, importId } = context;
    const creates = plans.filter((plan) => plan.action === 'create' && plan.after).map(fromPlan);
    const updates = plans.filter((plan) => plan.action === 'update' && plan.after);
    const before = new Map(
      (
        await this.repository.suppliersByCode(
          manager,
          updates.map((plan) => plan.key),
          true,
        )
      ).map((s) => [s.code, s]),
    );
    await this.repository.insertSuppliers(manager, creates);
    await this.repository.updateSuppliers(manager, updates.map(fromPlan));
    const audit = (code: string, action: 'create' | 'update', b: object | null, a: object) => ({
      actorId: actor.id,
      entity: 'supplier',
      entityId: code,
      accountId: null,
      action,
      before: b ? { ...b } : null,
      after: { ...a },
      changeSetId: importId,
    });
    await this.audit.recordMany(manager, [
      ...creates.map((supplier) => audit(supplier.code, 'create', null, supplier)),
      ...updates.map((plan) => {
        const { code, ...after } = fromPlan(plan);
        const old = before.get(code);
        const { name, email, leadTimeDays } = old ?? after;
        return audit(code, 'update', { name, email, leadTimeDays }, after);
      }),
    ]);
  }

  async *exportRecords(manager: EntityManager): AsyncIterable<ExportRecord> {
    let after: string | null = null;
    for (;;) {
      const page = await this.repository.supplierPage(manager, after, PAGE);
      for (const supplier of page) yield toRecord(supplier);
      if (page.length < PAGE) return;
      after = page[page.length - 1].code;
    }
  }
}

function toRecord(supplier: SupplierFields): ExportRecord {
  return {
    code: supplier.code,
    name: supplier.name,
    email: supplier.email,
    leadTimeDays: exportCell(supplier.leadTimeDays),
  };
}

function fromPlan(plan: RowPlan): SupplierFields {
  const after = plan.after as ExportRecord;
  return {
    code: after['code'],
    name: after['name'],
    email: after['email'],
    leadTimeDays: Number(after['leadTimeDays']),
  };
}

function errorPlan(row: ImportRow, key: string, errors: FieldError[]): RowPlan {
  return { row: row.row, key, action: 'error', errors, before: null, after: null };
}
