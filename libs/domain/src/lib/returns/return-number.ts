/** `RMA-000001` from the sequence value (more digits once past 999999). */
export function formatReturnNumber(n: number | bigint): string {
  return `RMA-${n.toString().padStart(6, '0')}`;
}

/** `CN-000001` from the sequence value. */
export function formatCreditNoteNumber(n: number | bigint): string {
  return `CN-${n.toString().padStart(6, '0')}`;
}
