import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { FieldError, ImportKindInfo } from '@tradecounter/contracts';
import { normaliseMoney } from '@tradecounter/domain';
import { AuditService, type AuditRecord } from '../audit/audit.service';
import { ChangeNotices } from '../common/change-notices';
import { validateAs } from '../common/http/validate-as';
import {
  ExportRecord,
  ImportContext,
  ImportHandler,
  ImportKindHandler,
  ImportRow,
  RowPlan,
} from '../imports/import-kind';
import { InvitationsService } from '../users/invitations.service';
import { NO_PASSWORD } from '../users/password.service';
import { CreateAccountUserDto, UpdateAccountUserDto } from './dto/account-user.dto';

/** A user as the file has it (export columns). */
const COLUMNS = ['email', 'name', 'accountCode', 'role', 'orderLimit', 'active'] as const;
type Column = (typeof COLUMNS)[number];

const INFO: ImportKindInfo = {
  kind: 'account-users',
  label: 'Account users',
  keyDescription: 'email',
  childSet: null,
  columns: [
    {
      name: 'email',
      required: true,
      key: true,
      description: 'Sign-in e-mail, unique across all users',
      example: 'pat@acme.example',
    },
    { name: 'name', required: true, key: false, description: 'Full name', example: 'Pat Buyer' },
    {
      name: 'accountCode',
      required: true,
      key: false,
      description: "The account's code; a user never moves to another account",
      example: 'ACME',
    },
    { name: 'role', required: true, key: false, description: 'buyer or approver', example: 'buyer' },
    {
      name: 'orderLimit',
      required: false,
      key: false,
      description: 'Orders above it wait for an approver; empty for no limit',
      example: '5000.00',
    },
    {
      name: 'active',
      required: false,
      key: false,
      description: 'true or false (false retires the user); new users are active unless it says false',
      example: 'true',
    },
  ],
};

const REQUIRED: readonly Column[] = ['email', 'name', 'accountCode', 'role'];

interface ExistingUser {
  id: string;
  email: string;
  name: string;
  role: string;
  accountId: string | null;
  accountCode: string | null;
  orderLimit: string | null;
  active: boolean;
}

const EXPORT_PAGE = 500;

/**
 * The `account-users` kind: an account's buyers and approvers, keyed by
 * e-mail. A file never carries a password: users it creates are invited by
 * e-mail to set their own, once the import's transaction has committed.
 */
@Injectable()
@ImportHandler()
export class AccountUserImport implements ImportKindHandler {
  readonly info = INFO;

  constructor(
    private readonly invitations: InvitationsService,
    private readonly audit: AuditService,
    private readonly changes: ChangeNotices,
  ) {}

  async plan(rows: ImportRow[], context: ImportContext): Promise<RowPlan[]> {
    const emails = rows.map((row) => normaliseEmail(row.values['email'] ?? ''));
    const codes = rows.map((row) => normaliseCode(row.values['accountCode'] ?? ''));
    const [users, accounts] = await Promise.all([
      usersByEmail(context.manager, emails),
      accountIdsByCode(context.manager, codes),
    ]);
    const seen = new Set<string>();
    const plans: RowPlan[] = [];
    for (const row of rows) {
      const email = normaliseEmail(row.values['email'] ?? '');
      const duplicate = email !== '' && seen.has(email);
      seen.add(email);
      plans.push(await planRow(row, users.get(email) ?? null, accounts, duplicate));
    }
    return plans;
  }

  async apply(plans: RowPlan[], context: ImportContext): Promise<void> {
    const { manager, actor, importId } = context;
    const creates = plans.filter((plan) => plan.action === 'create' && plan.after);
    const updates = plans.filter((plan) => plan.action === 'update' && plan.after);
    const records: AuditRecord[] = [];
    if (creates.length > 0) {
      const afters = creates.map((plan) => plan.after as ExportRecord);
      const accounts = await accountIdsByCode(
        manager,
        afters.map((after) => after['accountCode'] ?? ''),
      );
      const created: { id: string; email: string; account_id: string; active: boolean }[] =
        await manager.query(
          `INSERT INTO users (email, name, role, account_id, password_hash, order_limit, active)
         SELECT v.email, v.name, v.role, v.account_id, $7, v.order_limit, v.active
           FROM unnest($1::text[], $2::text[], $3::text[], $4::uuid[], $5::numeric[], $6::boolean[])
             AS v(email, name, role, account_id, order_limit, active)
         RETURNING id, email, account_id, active`,
          [
            afters.map((after) => after['email']),
            afters.map((after) => after['name']),
            afters.map((after) => after['role']),
            afters.map((after) => accounts.get(after['accountCode'] ?? '')),
            afters.map((after) => after['orderLimit'] || null),
            afters.map((after) => after['active'] !== 'false'),
            NO_PASSWORD,
          ],
        );
      const byEmail = new Map(afters.map((after) => [after['email'], after]));
      for (const user of created) {
        records.push({
          actorId: actor.id,
          entity: 'user',
          entityId: user.id,
          accountId: user.account_id,
          action: 'create',
          before: null,
          after: { ...auditable(byEmail.get(user.email) as ExportRecord, user.account_id), invited: true },
          changeSetId: importId,
        });
      }
      // Only active users are mailed; an inactive one is invited when reactivated and sent a new link.
      await this.invitations.invite(
        manager,
        created.filter((user) => user.active).map((user) => user.id),
        actor.id,
      );
    }
    if (updates.length > 0) {
      const afters = updates.map((plan) => plan.after as ExportRecord);
      const updated: { id: string; email: string; account_id: string }[] = (
        await manager.query(
          `UPDATE users u
              SET name = v.name, role = v.role, order_limit = v.order_limit, active = v.active,
                  token_version = u.token_version + CASE WHEN u.active AND NOT v.active THEN 1 ELSE 0 END,
                  updated_at = now()
             FROM unnest($1::text[], $2::text[], $3::text[], $4::numeric[], $5::boolean[])
               AS v(email, name, role, order_limit, active)
            WHERE u.email = v.email AND u.account_id IS NOT NULL
           RETURNING u.id, u.email, u.account_id`,
          [
            afters.map((after) => after['email']),
            afters.map((after) => after['name']),
            afters.map((after) => after['role']),
            afters.map((after) => after['orderLimit'] || null),
            afters.map((after) => after['active'] === 'true'),
          ],
        )
      )[0];
      // A deactivated user's tokens stop working in every API process once the import commits.
      await this.changes.changed(
        manager,
        'user',
        updated.map((user) => user.id),
      );
      const byEmail = new Map(updates.map((plan) => [plan.after?.['email'], plan]));
      for (const user of updated) {
        const plan = byEmail.get(user.email) as RowPlan;
        records.push({
          actorId: actor.id,
          entity: 'user',
          entityId: user.id,
          accountId: user.account_id,
          action: 'update',
          before: auditable(plan.before as ExportRecord, user.account_id),
          after: auditable(plan.after as ExportRecord, user.account_id),
          changeSetId: importId,
        });
      }
    }
    await this.audit.recordMany(manager, records);
  }

  /** Customer users only, by e-mail; never a password hash or an invitation token. */
  async *exportRecords(manager: EntityManager): AsyncIterable<ExportRecord> {
    let after = '';
    for (;;) {
      const rows: ExistingUser[] = await manager.query(
        `${SELECT_USERS} WHERE u.account_id IS NOT NULL AND u.email > $1 ORDER BY u.email LIMIT ${EXPORT_PAGE}`,
        [after],
      );
      for (const row of rows) yield exportOf(row);
      if (rows.length < EXPORT_PAGE) return;
      after = (rows[rows.length - 1] as ExistingUser).email;
    }
  }
}

const SELECT_USERS = `SELECT u.id, u.email, u.name, u.role, u.account_id AS "accountId", a.code AS "accountCode",
       u.order_limit AS "orderLimit", u.active
  FROM users u LEFT JOIN accounts a ON a.id = u.account_id`;

async function usersByEmail(manager: EntityManager, emails: string[]): Promise<Map<string, ExistingUser>> {
  const wanted = [...new Set(emails.filter(Boolean))];
  if (wanted.length === 0) return new Map();
  const rows: ExistingUser[] = await manager.query(`${SELECT_USERS} WHERE u.email = ANY($1::text[])`, [
    wanted,
  ]);
  return new Map(rows.map((row) => [row.email, row]));
}

async function accountIdsByCode(manager: EntityManager, codes: string[]): Promise<Map<string, string>> {
  const wanted = [...new Set(codes.filter(Boolean))];
  if (wanted.length === 0) return new Map();
  const rows: { id: string; code: string }[] = await manager.query(
    `SELECT id, code FROM accounts WHERE code = ANY($1::text[])`,
    [wanted],
  );
  return new Map(rows.map((row) => [row.code, row.id]));
}

async function planRow(
  row: ImportRow,
  existing: ExistingUser | null,
  accounts: Map<string, string>,
  duplicate: boolean,
): Promise<RowPlan> {
  const values = row.values;
  const email = normaliseEmail(values['email'] ?? '');
  const errors: FieldError[] = [];
  const has = (column: Column) => column in values;
  const before = existing && existing.accountId ? exportOf(existing) : null;
  const fail = (): RowPlan => ({ row: row.row, key: email, action: 'error', errors, before, after: null });

  for (const column of REQUIRED) {
    if ((!existing && !has(column)) || (has(column) && (values[column] ?? '').trim() === '')) {
      errors.push({ field: column, message: 'is required' });
    }
  }
  if (has('active') && !['true', 'false'].includes((values['active'] ?? '').trim().toLowerCase())) {
    errors.push({ field: 'active', message: 'must be true or false' });
  }
  if (duplicate) errors.push({ field: 'email', message: 'appears more than once in the file' });
  if (errors.length > 0) return fail();

  if (existing && !existing.accountId) {
    errors.push({ field: 'email', message: 'belongs to a staff user' });
    return fail();
  }
  const accountCode = has('accountCode')
    ? normaliseCode(values['accountCode'] ?? '')
    : (existing?.accountCode ?? '');
  if (!accounts.has(accountCode) && has('accountCode')) {
    errors.push({ field: 'accountCode', message: `no account has the code ${accountCode}` });
  } else if (existing && accountCode !== existing.accountCode) {
    errors.push({
      field: 'accountCode',
      message: `cannot change: the user belongs to account ${existing.accountCode}`,
    });
  }

  // The API's own checks: the body of POST /accounts/:id/users, or of PATCH …/users/:userId.
  const body: Record<string, unknown> = {};
  for (const column of ['name', 'role'] as const) if (has(column)) body[column] = values[column];
  if (has('orderLimit')) body['orderLimit'] = values['orderLimit'] === '' ? null : values['orderLimit'];
  if (existing) {
    if (has('active')) body['active'] = (values['active'] ?? '').trim().toLowerCase() === 'true';
    errors.push(...(await validateAs(UpdateAccountUserDto, body)).errors);
  } else {
    errors.push(...(await validateAs(CreateAccountUserDto, { ...body, email })).errors);
  }
  if (errors.length > 0) return fail();

  const after: ExportRecord = {
    email,
    name: has('name') ? (values['name'] ?? '').trim() : (before?.['name'] ?? ''),
    accountCode,
    role: has('role') ? (values['role'] ?? '') : (before?.['role'] ?? ''),
    orderLimit: has('orderLimit')
      ? values['orderLimit']
        ? normaliseMoney(values['orderLimit'])
        : ''
      : (before?.['orderLimit'] ?? ''),
    active: has('active') ? (values['active'] ?? '').trim().toLowerCase() : (before?.['active'] ?? 'true'),
  };
  const action = !before
    ? 'create'
    : COLUMNS.every((column) => before[column] === after[column])
      ? 'unchanged'
      : 'update';
  return { row: row.row, key: email, action, errors: [], before, after };
}

function exportOf(user: ExistingUser): ExportRecord {
  return {
    email: user.email,
    name: user.name,
    accountCode: user.accountCode ?? '',
    role: user.role,
    orderLimit: user.orderLimit ?? '',
    active: String(user.active),
  };
}

/** What the audit trail keeps of a user, as UsersService records it (auditableUser). */
function auditable(record: ExportRecord, accountId: string): Record<string, unknown> {
  return {
    email: record['email'],
    name: record['name'],
    role: record['role'],
    accountId,
    active: record['active'] === 'true',
    orderLimit: record['orderLimit'] || null,
  };
}

const normaliseEmail = (value: string) => value.trim().toLowerCase();
const normaliseCode = (value: string) => value.trim().toUpperCase();
