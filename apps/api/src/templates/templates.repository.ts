import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { OrderTemplateLine, SortDirection, TemplateSortField } from '@tradecounter/contracts';
import { escapeLikePattern, searchTerms } from '@tradecounter/domain';
import type { PageRequest } from '../common/http/pagination.dto';
import { orderByClause, sortOrder, type SortSpec } from '../common/http/sort';

export interface TemplateFilter {
  search?: string;
  sort?: TemplateSortField;
  dir?: SortDirection;
}

const TEMPLATE_SORT: SortSpec<TemplateSortField> = {
  columns: { name: 'lower(t.name)', updatedAt: 't.updated_at' },
  tieBreaker: 't.id',
  defaultField: 'name',
  defaultDirection: 'asc',
};

export interface TemplateSummaryRow {
  id: string;
  name: string;
  lineCount: number;
  createdById: string | null;
  createdByName: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface TemplateRow extends TemplateSummaryRow {
  lines: OrderTemplateLine[];
}

export interface TemplateLineInput {
  productId: string;
  quantity: number;
}

const SUMMARY_COLUMNS = `
t.id, t.name, t.created_at AS "createdAt", t.updated_at AS "updatedAt",
u.id AS "createdById", u.name AS "createdByName",
(SELECT count(*)::int FROM order_template_lines l WHERE l.template_id = t.id) AS "lineCount"`;

/** The template's lines in order, with their products' SKU, name and whether they are still sold. */
const LINES_COLUMN = `
coalesce((SELECT json_agg(json_build_object('productId', l.product_id, 'sku', p.sku, 'name', p.name,
                                            'quantity', l.quantity, 'active', p.active) ORDER BY l.line_no)
            FROM order_template_lines l JOIN products p ON p.id = l.product_id
           WHERE l.template_id = t.id), '[]'::json) AS lines`;

/** The unique index that keeps template names unique per account, whatever their case. */
export const TEMPLATE_NAME_INDEX = 'order_templates_account_name_idx';

/** Order templates and their lines: every read and write is scoped to one account. */
@Injectable()
export class TemplatesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** A page of the account's templates (by name unless sorted), and the total, in one query. */
  async list(
    accountId: string,
    filter: TemplateFilter,
    page: PageRequest,
  ): Promise<[TemplateSummaryRow[], number]> {
    const { search } = filter;
    const params: unknown[] = [accountId];
    const param = (value: unknown) => `$${params.push(value)}`;
    const where = ['t.account_id = $1'];
    for (const term of searchTerms(search)) {
      where.push(`lower(t.name) LIKE ${param(`%${escapeLikePattern(term)}%`)}`);
    }
    const rows = (await this.dataSource.query(
      `SELECT ${SUMMARY_COLUMNS}, count(*) OVER () AS total
         FROM order_templates t LEFT JOIN users u ON u.id = t.created_by
        WHERE ${where.join(' AND ')}
        ${orderByClause(sortOrder(TEMPLATE_SORT, filter))}
        LIMIT ${param(page.pageSize)} OFFSET ${param(page.offset)}`,
      params,
    )) as (TemplateSummaryRow & { total: string })[];
    if (rows.length === 0 && page.offset > 0) {
      const [, total] = await this.list(accountId, filter, { page: 1, pageSize: 1, offset: 0 });
      return [[], total];
    }
    return [rows.map(({ total: _total, ...row }) => row), rows.length === 0 ? 0 : Number(rows[0]?.total)];
  }

  /** One template of the account with its lines; undefined for another account's, as for a missing one. */
  async find(accountId: string, id: string): Promise<TemplateRow | undefined> {
    const rows = (await this.dataSource.query(
      `SELECT ${SUMMARY_COLUMNS}, ${LINES_COLUMN}
         FROM order_templates t LEFT JOIN users u ON u.id = t.created_by
        WHERE t.id = $1 AND t.account_id = $2`,
      [id, accountId],
    )) as TemplateRow[];
    return rows[0];
  }

  /** Locks the account's template until the transaction ends; false when there is none. */
  async lock(tx: EntityManager, accountId: string, id: string): Promise<boolean> {
    const rows = (await tx.query(
      'SELECT 1 FROM order_templates WHERE id = $1 AND account_id = $2 FOR UPDATE',
      [id, accountId],
    )) as unknown[];
    return rows.length > 0;
  }

  async nameTaken(accountId: string, name: string, exceptId?: string): Promise<boolean> {
    const rows = (await this.dataSource.query(
      `SELECT 1 FROM order_templates
        WHERE account_id = $1 AND lower(name) = lower($2) AND ($3::uuid IS NULL OR id <> $3::uuid)`,
      [accountId, name, exceptId ?? null],
    )) as unknown[];
    return rows.length > 0;
  }

  async insert(tx: EntityManager, accountId: string, createdBy: string, name: string): Promise<string> {
    const rows = (await tx.query(
      'INSERT INTO order_templates (account_id, created_by, name) VALUES ($1, $2, $3) RETURNING id',
      [accountId, createdBy, name],
    )) as { id: string }[];
    return (rows[0] as { id: string }).id;
  }

  /** Renames (when a name is given) and marks the template changed. */
  async touch(tx: EntityManager, id: string, name?: string): Promise<void> {
    await tx.query('UPDATE order_templates SET name = coalesce($2, name), updated_at = now() WHERE id = $1', [
      id,
      name ?? null,
    ]);
  }

  /** Replaces every line, numbered in the order given. */
  async replaceLines(tx: EntityManager, id: string, lines: TemplateLineInput[]): Promise<void> {
    await tx.query('DELETE FROM order_template_lines WHERE template_id = $1', [id]);
    await tx.query(
      `INSERT INTO order_template_lines (template_id, account_id, line_no, product_id, quantity)
       SELECT t.id, t.account_id, v.line_no, v.product_id, v.quantity
         FROM order_templates t, unnest($2::int[], $3::uuid[], $4::int[]) AS v(line_no, product_id, quantity)
        WHERE t.id = $1`,
      [
        id,
        lines.map((_, index) => index + 1),
        lines.map((line) => line.productId),
        lines.map((line) => line.quantity),
      ],
    );
  }

  async delete(accountId: string, id: string): Promise<boolean> {
    const [, deleted] = (await this.dataSource.query(
      'DELETE FROM order_templates WHERE id = $1 AND account_id = $2',
      [id, accountId],
    )) as [unknown, number];
    return deleted > 0;
  }
}
