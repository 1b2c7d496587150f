import { type Download, expect } from '@playwright/test';
import type { Account, Address, InternalUser, Order, Page as ListPage } from '@tradecounter/contracts';
import { ApiUser } from './api-support';
import type { Pick } from './ordering-support';

/** Decimal money to whole cents, exactly: "-12.5" → -1250n. */
export function toCents(amount: string): bigint {
  const text = amount.trim().replace(/[$,]/g, '');
  const negative = text.startsWith('-');
  const [units = '0', fraction = ''] = text.replace(/^-/, '').split('.');
  const cents = BigInt(units) * 100n + BigInt(`${fraction}00`.slice(0, 2));
  return negative ? -cents : cents;
}

/** A downloaded CSV as rows of fields (no quoted commas in the columns read here). */
export async function csvRows(download: Download): Promise<{ header: string[]; rows: string[][] }> {
  const chunks = await (await download.createReadStream()).toArray();
  const [header = '', ...lines] = Buffer.concat(chunks).toString('utf8').trim().split('\r\n');
  return { header: header.split(','), rows: lines.map((line) => line.split(',')) };
}

/** The sum in cents of one column of a CSV, found by its header. */
export function columnTotal(csv: { header: string[]; rows: string[][] }, column: string): bigint {
  const index = csv.header.indexOf(column);
  expect(index, `CSV column ${column} in ${csv.header.join(',')}`).toBeGreaterThanOrEqual(0);
  return csv.rows.reduce((sum, row) => sum + toCents(row[index] ?? '0'), 0n);
}

export async function accountManagerId(admin: ApiUser, email: string): Promise<string> {
  const users = await admin.get<ListPage<InternalUser>>('/api/users', { search: email, pageSize: 100 });
  const user = users.items.find((u) => u.email === email);
  expect(user, email).toBeTruthy();
  return user?.id ?? '';
}

/** A new account manager, signed up by the admin. */
export async function newAccountManager(admin: ApiUser, run: string): Promise<InternalUser> {
  return admin.send<InternalUser>('POST', '/api/users', {
    email: `am-dash-${run.toLowerCase()}@tradecounter.test`,
    name: `Dana Dashboard ${run}`,
    role: 'account_manager',
    // Set through the API, so it follows the rule for new passwords (the demo's is seeded).
    password: `dashboard manager ${run}`,
  });
}

/** A new account with a delivery address, managed by `managerId`. */
export async function newAccount(
  admin: ApiUser,
  code: string,
  managerId: string,
): Promise<{ account: Account; address: Address }> {
  const account = await admin.send<Account>('POST', '/api/accounts', {
    code,
    name: `Dashboard Test ${code}`,
    accountManagerId: managerId,
    creditLimit: '100000.00',
  });
  const address = await admin.send<Address>('POST', `/api/accounts/${account.id}/addresses`, {
    label: 'Yard',
    line1: '1 Test Street',
    city: 'Springfield',
    postcode: '12345',
    country: 'US',
  });
  return { account, address };
}

/** An order the buyer places today for their own account. */
export async function buyerOrder(buyer: ApiUser, accountId: string, pick: Pick): Promise<Order> {
  const [address] = await buyer.get<Address[]>(`/api/accounts/${accountId}/addresses`);
  return buyer.send<Order>(
    'POST',
    '/api/orders',
    {
      lines: [{ sku: pick.sku, quantity: pick.quantity }],
      shippingAddressId: address?.id,
      shipComplete: false,
      poNumber: `E2E-DASH-${Date.now()}`,
    },
    [201],
    { 'Idempotency-Key': `e2e-dash-buyer-${Date.now()}` },
  );
}

/** An order placed by staff for the account (channel phone). */
export async function staffOrder(
  staff: ApiUser,
  accountId: string,
  addressId: string,
  pick: Pick,
): Promise<Order> {
  return staff.send<Order>(
    'POST',
    '/api/orders',
    {
      accountId,
      lines: [{ sku: pick.sku, quantity: pick.quantity }],
      shippingAddressId: addressId,
      shipComplete: false,
      poNumber: `E2E-DASH-${Date.now()}`,
    },
    [201],
    { 'Idempotency-Key': `e2e-dash-${accountId}-${Date.now()}` },
  );
}
