import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { AccountScope } from '@tradecounter/domain';
import type { PageRequest } from '../common/http/pagination.dto';
import { nextCreditNoteNumber } from './returns.repository';

export interface CreditNoteRow {
  id: string;
  number: string;
  accountId: string;
  accountCode: string;
  accountName: string;
  accountManagerId: string | null;
  returnId: string;
  returnNumber: string;
  orderId: string;
  orderNumber: string;
  issuedAt: Date;
  subtotal: string;
  fee: string;
  total: string;
}

export interface CreditNoteLineRow {
  creditNoteId: string;
  returnLineId: string;
  orderLineId: string;
  productId: string;
  sku: string;
  name: string;
  quantity: number;
  unitPrice: string;
  gross: string;
  feePercent: string;
  fee: string;
  total: string;
}

export interface NewCreditNote {
  returnId: string;
  accountId: string;
  orderId: string;
  createdBy: string;
  subtotal: string;
  fee: string;
  total: string;
  lines: Omit<CreditNoteLineRow, 'creditNoteId' | 'orderLineId' | 'productId' | 'sku' | 'name'>[];
}

export interface CreditNoteFilter {
  scope: AccountScope;
  accountId?: string;
  returnId?: string;
}

const NOTE_SELECT = `
SELECT c.id, c.number, c.account_id AS "accountId", a.code AS "accountCode", a.name AS "accountName",
       a.account_manager_id AS "accountManagerId", c.return_id AS "returnId", r.number AS "returnNumber",
       c.order_id AS "orderId", o.number AS "orderNumber", c.issued_at AS "issuedAt",
       c.subtotal::text AS subtotal, c.fee::text AS fee, c.total::text AS total
  FROM credit_notes c
  JOIN accounts a ON a.id = c.account_id
  JOIN returns r ON r.id = c.return_id
  JOIN orders o ON o.id = c.order_id`;

/** Credit notes and their lines. */
@Injectable()
export class CreditNotesRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(tx: EntityManager, note: NewCreditNote): Promise<{ id: string; number: string }> {
    const number = await nextCreditNoteNumber(tx);
    const [row] = (await tx.query(
      `INSERT INTO credit_notes (number, return_id, account_id, order_id, subtotal, fee, total, created_by)
       VALUES ($1, $2, $3, $4, $5::numeric, $6::numeric, $7::numeric, $8) RETURNING id`,
      [
        number,
        note.returnId,
        note.accountId,
        note.orderId,
        note.subtotal,
        note.fee,
        note.total,
        note.createdBy,
      ],
    )) as { id: string }[];
    const id = row?.id ?? '';
    await tx.query(
      `INSERT INTO credit_note_lines (credit_note_id, account_id, return_line_id, quantity, unit_price, gross,
                                      fee_percent, fee, total)
       SELECT n.id, n.account_id, v.return_line_id, v.quantity, v.unit_price, v.gross, v.fee_percent, v.fee, v.total
         FROM credit_notes n,
              jsonb_to_recordset($2::jsonb) AS v(return_line_id uuid, quantity int, unit_price numeric,
              gross numeric, fee_percent numeric, fee numeric, total numeric)
        WHERE n.id = $1`,
      [
        id,
        JSON.stringify(
          note.lines.map((line) => ({
            return_line_id: line.returnLineId,
            quantity: line.quantity,
            unit_price: line.unitPrice,
            gross: line.gross,
            fee_percent: line.feePercent,
            fee: line.fee,
            total: line.total,
          })),
        ),
      ],
    );
    return { id, number };
  }

  async find(id: string): Promise<CreditNoteRow | undefined> {
    const rows = (await this.dataSource.query(`${NOTE_SELECT} WHERE c.id = $1`, [id])) as CreditNoteRow[];
    return rows[0];
  }

  linesOf(id: string): Promise<CreditNoteLineRow[]> {
    return this.dataSource.query(
      `SELECT cl.credit_note_id AS "creditNoteId", cl.return_line_id AS "returnLineId",
              rl.order_line_id AS "orderLineId", rl.product_id AS "productId", ol.sku, ol.name, cl.quantity,
              cl.unit_price::text AS "unitPrice", cl.gross::text AS gross, cl.fee_percent::text AS "feePercent",
              cl.fee::text AS fee, cl.total::text AS total
         FROM credit_note_lines cl
         JOIN return_lines rl ON rl.id = cl.return_line_id
         JOIN order_lines ol ON ol.id = rl.order_line_id
        WHERE cl.credit_note_id = $1
        ORDER BY rl.line_no`,
      [id],
    ) as Promise<CreditNoteLineRow[]>;
  }

  async list(filter: CreditNoteFilter, page: PageRequest): Promise<[CreditNoteRow[], number]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    if (filter.scope.kind === 'account') where.push(`c.account_id = ${param(filter.scope.accountId)}`);
    if (filter.scope.kind === 'managedBy')
      where.push(`a.account_manager_id = ${param(filter.scope.accountManagerId)}`);
    if (filter.accountId) where.push(`c.account_id = ${param(filter.accountId)}`);
    if (filter.returnId) where.push(`c.return_id = ${param(filter.returnId)}`);
    const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const rows = (await this.dataSource.query(
      `${NOTE_SELECT.replace('SELECT c.id,', 'SELECT count(*) OVER () AS total_count, c.id,')} ${clause}
        ORDER BY c.issued_at DESC, c.number DESC LIMIT ${param(page.pageSize)} OFFSET ${param(page.offset)}`,
      params,
    )) as (CreditNoteRow & { total_count: string })[];
    if (rows.length === 0 && page.offset > 0) {
      const [, total] = await this.list(filter, { page: 1, pageSize: 1, offset: 0 });
      return [[], total];
    }
    return [
      rows.map(({ total_count: _count, ...row }) => row),
      rows.length === 0 ? 0 : Number(rows[0]?.total_count),
    ];
  }
}
