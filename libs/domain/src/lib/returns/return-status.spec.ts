import fc from 'fast-check';
import type { Actor, ActorRole } from '../access';
import {
  initialReturnStatus,
  mayActOnReturn,
  mayReadReturn,
  RETURN_ACTIONS,
  RETURN_STATUSES,
  returnActionApplies,
  statusAfterReceipt,
} from './return-status';
import { formatCreditNoteNumber, formatReturnNumber } from './return-number';

const account = { id: 'acc-1', accountManagerId: 'am-1' };
const actor = (role: ActorRole, id = `${role}-x`, accountId: string | null = null): Actor => ({
  id,
  role,
  accountId,
});

describe('return status machine', () => {
  it('lets each role take only its steps', () => {
    const buyer = actor('buyer', 'b', 'acc-1');
    const otherBuyer = actor('buyer', 'b2', 'acc-2');
    const ownAm = actor('account_manager', 'am-1');
    const otherAm = actor('account_manager', 'am-2');
    const warehouse = actor('warehouse');
    const manager = actor('manager');
    const admin = actor('admin');
    expect(mayActOnReturn(buyer, account, 'request')).toBe(true);
    expect(mayActOnReturn(otherBuyer, account, 'request')).toBe(false);
    expect(mayActOnReturn(ownAm, account, 'request')).toBe(false);
    for (const a of [ownAm, warehouse, admin]) expect(mayActOnReturn(a, account, 'open')).toBe(true);
    for (const a of [otherAm, manager, buyer]) expect(mayActOnReturn(a, account, 'open')).toBe(false);
    for (const step of ['approve', 'reject'] as const) {
      expect(mayActOnReturn(ownAm, account, step)).toBe(true);
      expect(mayActOnReturn(admin, account, step)).toBe(true);
      for (const a of [otherAm, warehouse, manager, buyer])
        expect(mayActOnReturn(a, account, step)).toBe(false);
    }
    expect(mayActOnReturn(warehouse, account, 'receive')).toBe(true);
    expect(mayActOnReturn(admin, account, 'receive')).toBe(true);
    expect(mayActOnReturn(ownAm, account, 'receive')).toBe(false);
    for (const a of [ownAm, warehouse, admin]) expect(mayActOnReturn(a, account, 'close')).toBe(true);
    for (const a of [otherAm, manager, buyer]) expect(mayActOnReturn(a, account, 'close')).toBe(false);
  });

  it('customers never decide, receive or close (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<ActorRole>('buyer', 'approver'),
        fc.constantFrom('approve', 'reject', 'receive', 'close', 'open' as const),
        (role, step) => expect(mayActOnReturn(actor(role, 'u', account.id), account, step)).toBe(false),
      ),
    );
  });

  it('applies steps only from their statuses', () => {
    expect(returnActionApplies(null, 'request')).toBe(true);
    expect(returnActionApplies('requested', 'approve')).toBe(true);
    expect(returnActionApplies('approved', 'approve')).toBe(false);
    expect(returnActionApplies('requested', 'receive')).toBe(false);
    expect(returnActionApplies('approved', 'receive')).toBe(true);
    for (const status of ['rejected', 'received', 'credited'] as const)
      for (const step of RETURN_ACTIONS) expect(returnActionApplies(status, step)).toBe(false);
    expect(RETURN_STATUSES).toHaveLength(5);
    expect(initialReturnStatus('customer')).toBe('requested');
    expect(initialReturnStatus('staff')).toBe('approved');
  });

  it('is received once everything arrived or closed, credited when credit notes exist (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc
            .integer({ min: 1, max: 20 })
            .chain((quantity) =>
              fc.record({ quantity: fc.constant(quantity), received: fc.integer({ min: 0, max: quantity }) }),
            ),
          { minLength: 1, maxLength: 6 },
        ),
        fc.integer({ min: 0, max: 3 }),
        fc.boolean(),
        (lines, notes, closed) => {
          const status = statusAfterReceipt(lines, notes, closed);
          const allIn = lines.every((l) => l.received === l.quantity);
          if (!allIn && !closed) expect(status).toBe('approved');
          else expect(status).toBe(notes > 0 ? 'credited' : 'received');
        },
      ),
    );
  });

  it('reads like the account', () => {
    expect(mayReadReturn(actor('buyer', 'b', 'acc-2'), account)).toBe(false);
    expect(mayReadReturn(actor('approver', 'b', 'acc-1'), account)).toBe(true);
    expect(mayReadReturn(actor('account_manager', 'am-2'), account)).toBe(false);
    expect(mayReadReturn(actor('warehouse'), account)).toBe(true);
    expect(mayReadReturn(actor('manager'), account)).toBe(true);
  });

  it('numbers returns and credit notes', () => {
    expect(formatReturnNumber(1)).toBe('RMA-000001');
    expect(formatReturnNumber(1234567n)).toBe('RMA-1234567');
    expect(formatCreditNoteNumber(42)).toBe('CN-000042');
  });
});
