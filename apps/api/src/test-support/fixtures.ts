import argon2 from 'argon2';
import { randomBytes } from 'node:crypto';
import type { Role } from '@tradecounter/contracts';
import { AccountEntity } from '../accounts/account.entity';
import { AddressEntity } from '../accounts/address.entity';
import { WarehouseEntity } from '../availability/warehouse.entity';
import { ProductEntity } from '../catalog/product.entity';
import { UserEntity } from '../users/user.entity';
import type { TestApp } from './test-app';

export const PASSWORD = 'correct-horse-42';
let passwordHash: Promise<string> | undefined;

/** A short unique tag so every test file works in data of its own. */
export function uniqueTag(): string {
  return randomBytes(4).toString('hex').toUpperCase();
}

export interface TestUser {
  id: string;
  email: string;
  role: Role;
  accountId: string | null;
  token: string;
}

export async function createUser(
  t: TestApp,
  role: Role,
  accountId: string | null = null,
  fields: Partial<UserEntity> = {},
): Promise<TestUser> {
  passwordHash ??= argon2.hash(PASSWORD, {
    type: argon2.argon2id,
    memoryCost: 19_456,
    timeCost: 2,
    parallelism: 1,
  });
  const email = `${role}-${uniqueTag()}@test.example`.toLowerCase();
  const users = t.dataSource.getRepository(UserEntity);
  const user = await users.save(
    users.create({
      email,
      name: `${role} ${uniqueTag()}`,
      role,
      accountId,
      passwordHash: await passwordHash,
      ...fields,
    }),
  );
  return { id: user.id, email, role, accountId, token: await login(t, email) };
}

export async function login(t: TestApp, email: string, password = PASSWORD): Promise<string> {
  const response = await t.http.post('/api/auth/login').send({ email, password }).expect(200);
  return (response.body as { accessToken: string }).accessToken;
}

export async function createAccount(t: TestApp, fields: Partial<AccountEntity> = {}): Promise<AccountEntity> {
  const accounts = t.dataSource.getRepository(AccountEntity);
  const account = await accounts.save(
    accounts.create({
      code: `T${uniqueTag()}`,
      name: `Test account ${uniqueTag()}`,
      creditLimit: '1000.00',
      ...fields,
    }),
  );
  await t.dataSource.getRepository(AddressEntity).insert({
    accountId: account.id,
    label: 'Head office',
    line1: '1 Test Street',
    city: 'Testville',
    postcode: '12345',
    country: 'US',
  });
  return account;
}

export async function createProduct(t: TestApp, fields: Partial<ProductEntity> = {}): Promise<ProductEntity> {
  const products = t.dataSource.getRepository(ProductEntity);
  const tag = uniqueTag();
  return products.save(
    products.create({
      sku: `TST-${tag}`,
      name: `Test widget ${tag}`,
      category: `Test ${tag}`,
      unit: 'each',
      listPrice: '12.00',
      ...fields,
    }),
  );
}

/** A warehouse of its own for a test (never the default unless asked): cut-off 14:00, handling 1, transit 2. */
export async function createWarehouse(
  t: TestApp,
  fields: Partial<WarehouseEntity> = {},
): Promise<WarehouseEntity> {
  const warehouses = t.dataSource.getRepository(WarehouseEntity);
  return warehouses.save(
    warehouses.create({
      code: `W${uniqueTag()}`,
      name: `Test warehouse ${uniqueTag()}`,
      timeZone: 'America/Chicago',
      cutoffTime: '14:00',
      handlingDays: 1,
      transitDays: 2,
      isDefault: false,
      ...fields,
    }),
  );
}

/**
 * Two customer accounts looked after by two different account managers,
 * with a buyer and an approver each, and one user of every staff role.
 */
export async function createWorld(t: TestApp) {
  const am = await createUser(t, 'account_manager');
  const otherAm = await createUser(t, 'account_manager');
  const mine = await createAccount(t, { accountManagerId: am.id });
  const theirs = await createAccount(t, { accountManagerId: otherAm.id });
  return {
    am,
    otherAm,
    mine,
    theirs,
    buyer: await createUser(t, 'buyer', mine.id, { orderLimit: '500.00' }),
    approver: await createUser(t, 'approver', mine.id),
    otherBuyer: await createUser(t, 'buyer', theirs.id),
    otherApprover: await createUser(t, 'approver', theirs.id),
    admin: await createUser(t, 'admin'),
    manager: await createUser(t, 'manager'),
    warehouse: await createUser(t, 'warehouse'),
  };
}

export type World = Awaited<ReturnType<typeof createWorld>>;

export const bearer = (user: TestUser) => ({ Authorization: `Bearer ${user.token}` });
