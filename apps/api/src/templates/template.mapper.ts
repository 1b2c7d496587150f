import type { OrderTemplate, OrderTemplateSummary } from '@tradecounter/contracts';
import type { TemplateRow, TemplateSummaryRow } from './templates.repository';

export function toTemplateSummary(row: TemplateSummaryRow): OrderTemplateSummary {
  return {
    id: row.id,
    name: row.name,
    lineCount: row.lineCount,
    createdBy: row.createdById && row.createdByName ? { id: row.createdById, name: row.createdByName } : null,
    createdAt: new Date(row.createdAt).toISOString(),
    updatedAt: new Date(row.updatedAt).toISOString(),
  };
}

export function toTemplate(row: TemplateRow): OrderTemplate {
  return {
    ...toTemplateSummary(row),
    lines: row.lines.map((line) => ({
      productId: line.productId,
      sku: line.sku,
      name: line.name,
      quantity: line.quantity,
      active: line.active,
    })),
  };
}
