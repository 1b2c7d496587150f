import type { AuditEntry, Channel, CreatedChannel, Order, Page } from '@tradecounter/contracts';
import { bearer, createProduct } from '../test-support/fixtures';
import { createOrderingWorld, orderCounts, OrderingWorld, setStock } from '../test-support/order-fixtures';
import { startTestApp, TestApp } from '../test-support/test-app';

/** Issue 13 part 3: a channel's key orders only for the accounts it is bound to. */
describe('channels bound to accounts', () => {
  let t: TestApp;
  let w: OrderingWorld;
  let product: Awaited<ReturnType<typeof createProduct>>;
  let seq = 0;
  beforeAll(async () => {
    t = await startTestApp();
    w = await createOrderingWorld(t);
    product = await createProduct(t, { listPrice: '10.00' });
    await setStock(t, product.id, w.warehouseCode, 1000);
  });
  afterAll(() => t.close());

  const newChannel = async (settings: Record<string, unknown> = {}): Promise<CreatedChannel> =>
    (
      await t.http
        .post('/api/channels')
        .set(bearer(w.admin))
        .send({ name: `bind-${Date.now().toString(36)}-${(seq += 1)}`, ...settings })
        .expect(201)
    ).body as CreatedChannel;
  const send = (key: string, body: Record<string, unknown>) =>
    t.http.post('/api/channel-orders').set('X-Api-Key', key).send(body);
  const orderFor = (account: 'mine' | 'theirs', extra: Record<string, unknown> = {}) => ({
    accountCode: w[account].code,
    externalRef: `REF-${Date.now()}-${(seq += 1)}`,
    shippingAddressId: account === 'mine' ? w.mineAddress : w.theirsAddress,
    lines: [{ sku: product.sku, quantity: 2 }],
    ...extra,
  });
  const withoutInstance = (body: Record<string, unknown>) => {
    const { instance: _instance, ...rest } = body;
    return rest;
  };
  const patch = (id: string, body: unknown) =>
    t.http
      .patch(`/api/channels/${id}`)
      .set(bearer(w.admin))
      .send(body as object);
  const addressLike = {
    label: 'Dock 4',
    line1: '4 Quay St',
    city: 'Hull',
    postcode: 'HU1 1AA',
    country: 'GB',
  };

  describe('ordering', () => {
    it('answers a key bound to one account exactly as for an unknown code when it orders for another', async () => {
      const acmeOnly = await newChannel({ accountIds: [w.mine.id] });
      const before = await orderCounts(t, w.theirs.id);
      const foreign = await send(acmeOnly.apiKey, orderFor('theirs')).expect(404);
      const unknown = await send(acmeOnly.apiKey, orderFor('theirs', { accountCode: 'NO-SUCH-CODE' })).expect(
        404,
      );
      expect(foreign.headers['content-type']).toContain('application/problem+json');
      expect(unknown.headers['content-type']).toBe(foreign.headers['content-type']);
      expect(withoutInstance(foreign.body)).toEqual(withoutInstance(unknown.body));
      expect(foreign.body).toMatchObject({ status: 404, errors: [{ field: 'accountCode' }] });
      expect(JSON.stringify(foreign.body)).not.toContain(w.theirs.code);
      expect(await orderCounts(t, w.theirs.id)).toEqual(before);

      const own = (await send(acmeOnly.apiKey, orderFor('mine')).expect(201)).body as Order;
      expect(own).toMatchObject({ accountId: w.mine.id, channel: acmeOnly.name, subtotal: '20.00' });
    });

    it('lets a channel created with only a name order for no account at all', async () => {
      const bare = await newChannel();
      expect(bare).toMatchObject({ accounts: [], allAccounts: false, allowAddresses: false });
      const refused = await send(bare.apiKey, orderFor('mine')).expect(404);
      const unknown = await send(bare.apiKey, orderFor('mine', { accountCode: 'NO-SUCH-CODE' })).expect(404);
      expect(withoutInstance(refused.body)).toEqual(withoutInstance(unknown.body));
    });

    it('lets an all-accounts channel order for any account', async () => {
      const everyone = await newChannel({ allAccounts: true });
      expect(everyone).toMatchObject({ accounts: [], allAccounts: true });
      await send(everyone.apiKey, orderFor('mine')).expect(201);
      const theirs = (await send(everyone.apiKey, orderFor('theirs')).expect(201)).body as Order;
      expect(theirs.accountId).toBe(w.theirs.id);
    });

    it('takes a ship-to address only from a channel that allows addresses', async () => {
      const strict = await newChannel({ accountIds: [w.mine.id] });
      const before = await orderCounts(t, w.mine.id);
      const refused = await send(
        strict.apiKey,
        orderFor('mine', { shippingAddressId: undefined, address: addressLike }),
      ).expect(400);
      expect(refused.headers['content-type']).toContain('application/problem+json');
      expect(refused.body.errors).toEqual([
        { field: 'address', message: 'is not allowed for this channel; send shippingAddressId instead' },
      ]);
      expect(await orderCounts(t, w.mine.id)).toEqual(before);

      const open = await newChannel({ accountIds: [w.mine.id], allowAddresses: true });
      const placed = await send(
        open.apiKey,
        orderFor('mine', { shippingAddressId: undefined, address: addressLike }),
      ).expect(201);
      expect(placed.body.shippingAddress).toMatchObject({ id: null, label: 'Dock 4', city: 'Hull' });
    });

    it("refuses another account's address, even from a channel bound to both", async () => {
      const both = await newChannel({ accountIds: [w.mine.id, w.theirs.id] });
      const refused = await send(
        both.apiKey,
        orderFor('mine', { shippingAddressId: w.theirsAddress }),
      ).expect(400);
      expect(refused.body.errors).toEqual([
        { field: 'shippingAddressId', message: 'is not one of the account’s shipping addresses' },
      ]);
      await send(
        both.apiKey,
        orderFor('mine', { shippingAddressId: '00000000-0000-4000-8000-000000000000' }),
      ).expect(400);
    });

    it('does not hand back an order of an account the channel no longer serves', async () => {
      const channel = await newChannel({ accountIds: [w.mine.id, w.theirs.id] });
      const body = orderFor('mine');
      const placed = (await send(channel.apiKey, body).expect(201)).body as Order;
      await send(channel.apiKey, body).expect(200);
      await patch(channel.id, { accountIds: [w.theirs.id] }).expect(200);
      // The same reference, under an account still in reach: the old order stays out of reach.
      const replay = await send(channel.apiKey, { ...body, accountCode: w.theirs.code }).expect(404);
      expect(JSON.stringify(replay.body)).not.toContain(placed.id);
      await send(channel.apiKey, body).expect(404);
    });

    it('keeps shipment deliveries by key to the accounts of the binding', async () => {
      const everyone = await newChannel({ allAccounts: true });
      const placed = (await send(everyone.apiKey, orderFor('mine')).expect(201)).body as Order;
      const shipped = (
        await t.http
          .post(`/api/orders/${placed.id}/shipments`)
          .set(bearer(w.warehouse))
          .send({
            carrier: 'UPS',
            trackingNumber: '1Z999AA10123456785',
            lines: [{ orderLineId: placed.lines[0]?.id, quantity: 2 }],
          })
          .expect(201)
      ).body as Order;
      const deliver = (key: string, shipmentId: string | undefined) =>
        t.http
          .post(`/api/shipments/${shipmentId}/deliver`)
          .set('X-Api-Key', key)
          .send({ deliveredAt: new Date().toISOString() });
      const elsewhere = await newChannel({ accountIds: [w.theirs.id] });
      const refused = await deliver(elsewhere.apiKey, shipped.shipments[0]?.id).expect(404);
      const missing = await deliver(elsewhere.apiKey, '00000000-0000-4000-8000-000000000000').expect(404);
      expect(withoutInstance(refused.body)).toEqual(withoutInstance(missing.body));
      const read = await t.http.get(`/api/orders/${placed.id}`).set(bearer(w.buyer)).expect(200);
      expect((read.body as Order).shipments[0]?.deliveredAt).toBeNull();
      await deliver(everyone.apiKey, shipped.shipments[0]?.id).expect(200);
    });
  });

  describe('editing the binding', () => {
    it('changes what the key may do at once, and audits every change with before and after', async () => {
      const channel = await newChannel({ accountIds: [w.mine.id] });
      await send(channel.apiKey, orderFor('theirs')).expect(404);

      const widened = (
        await patch(channel.id, { accountIds: [w.mine.id, w.theirs.id], allowAddresses: true }).expect(200)
      ).body as Channel;
      expect(widened.accounts.map((account) => account.id).sort()).toEqual([w.mine.id, w.theirs.id].sort());
      expect(widened).toMatchObject({ allAccounts: false, allowAddresses: true, name: channel.name });
      await send(
        channel.apiKey,
        orderFor('theirs', { shippingAddressId: undefined, address: addressLike }),
      ).expect(201);

      const all = (await patch(channel.id, { allAccounts: true }).expect(200)).body as Channel;
      expect(all).toMatchObject({ accounts: [], allAccounts: true, allowAddresses: true });
      const narrowed = (
        await patch(channel.id, { allAccounts: false, accountIds: [w.theirs.id] }).expect(200)
      ).body as Channel;
      expect(narrowed.accounts).toEqual([{ id: w.theirs.id, code: w.theirs.code, name: w.theirs.name }]);
      await send(channel.apiKey, orderFor('mine')).expect(404);
      const listed = (await t.http.get('/api/channels').set(bearer(w.admin)).expect(200)).body as Channel[];
      expect(listed.find((item) => item.id === channel.id)).toEqual(narrowed);

      // Nothing changed: no entry.
      await patch(channel.id, { allowAddresses: true }).expect(200);
      const trail = (
        await t.http.get(`/api/audit?entity=channel&entityId=${channel.id}`).set(bearer(w.admin)).expect(200)
      ).body as Page<AuditEntry>;
      const entries = [...trail.items].sort(
        (a, b) => a.at.localeCompare(b.at) || Number(a.id) - Number(b.id),
      );
      expect(entries.map((entry) => [entry.action, entry.before, entry.after])).toEqual([
        [
          'create',
          null,
          {
            name: channel.name,
            keyPrefix: channel.keyPrefix,
            accounts: [w.mine.code],
            allAccounts: false,
            allowAddresses: false,
            dataSync: false,
          },
        ],
        [
          'update',
          { accounts: [w.mine.code], allowAddresses: false },
          { accounts: [w.mine.code, w.theirs.code].sort(), allowAddresses: true },
        ],
        [
          'update',
          { accounts: [w.mine.code, w.theirs.code].sort(), allAccounts: false },
          { accounts: [], allAccounts: true },
        ],
        ['update', { accounts: [], allAccounts: true }, { accounts: [w.theirs.code], allAccounts: false }],
      ]);
      expect(entries.every((entry) => entry.actorId === w.admin.id)).toBe(true);
    });

    it('answers 401, 403, 404, 409 and 400 as it should, changing nothing', async () => {
      const channel = await newChannel({ accountIds: [w.mine.id] });
      await t.http.patch(`/api/channels/${channel.id}`).send({ allowAddresses: true }).expect(401);
      for (const user of [w.manager, w.am, w.buyer, w.approver, w.warehouse]) {
        await t.http
          .patch(`/api/channels/${channel.id}`)
          .set(bearer(user))
          .send({ allAccounts: true })
          .expect(403);
      }
      await patch('00000000-0000-4000-8000-000000000000', { allowAddresses: true }).expect(404);
      const malformed = await patch('not-an-id', { allowAddresses: true }).expect(404);
      expect(malformed.headers['content-type']).toContain('application/problem+json');

      const bad: [unknown, string][] = [
        [{ name: 'renamed' }, 'name'],
        [{ accountIds: null }, 'accountIds'],
        [{ allAccounts: null }, 'allAccounts'],
        [{ allowAddresses: 'yes' }, 'allowAddresses'],
        [{ accountIds: w.mine.id }, 'accountIds'],
        [{ accountIds: ['not-a-uuid'] }, 'accountIds'],
        [{ accountIds: [w.mine.id, w.mine.id] }, 'accountIds'],
        [{ accountIds: [w.mine.id, '00000000-0000-4000-8000-000000000000'] }, 'accountIds[1]'],
        [{ allAccounts: true, accountIds: [w.mine.id] }, 'accountIds'],
      ];
      for (const [body, field] of bad) {
        const response = await patch(channel.id, body).expect(400);
        expect(response.headers['content-type']).toContain('application/problem+json');
        const fields = ((response.body.errors ?? []) as { field: string }[]).map((error) => error.field);
        expect({ body, ok: fields.some((name) => name.startsWith(field)) }).toEqual({ body, ok: true });
      }
      const after = (await t.http.get('/api/channels').set(bearer(w.admin)).expect(200)).body as Channel[];
      expect(after.find((item) => item.id === channel.id)).toMatchObject({
        name: channel.name,
        accounts: [{ id: w.mine.id }],
        allAccounts: false,
        allowAddresses: false,
      });

      // A list for an all-accounts channel needs `allAccounts: false` with it: no narrowing by accident.
      const everyone = await newChannel({ allAccounts: true });
      await patch(everyone.id, { accountIds: [w.mine.id] }).expect(400);

      await t.http.post(`/api/channels/${channel.id}/revoke`).set(bearer(w.admin)).expect(200);
      const revoked = await patch(channel.id, { allAccounts: true }).expect(409);
      expect(revoked.headers['content-type']).toContain('application/problem+json');
    });

    it('refuses a new channel naming an unknown account, or both all accounts and a list, creating nothing', async () => {
      const name = `bad-bind-${Date.now().toString(36)}`;
      const cases: [Record<string, unknown>, string][] = [
        [{ accountIds: ['00000000-0000-4000-8000-000000000000'] }, 'accountIds[0]'],
        [{ accountIds: ['nope'] }, 'accountIds'],
        [{ accountIds: null }, 'accountIds'],
        [{ allAccounts: true, accountIds: [w.mine.id] }, 'accountIds'],
        [{ allowAddresses: 1 }, 'allowAddresses'],
      ];
      for (const [settings, field] of cases) {
        const response = await t.http
          .post('/api/channels')
          .set(bearer(w.admin))
          .send({ name, ...settings })
          .expect(400);
        const fields = ((response.body.errors ?? []) as { field: string }[]).map((error) => error.field);
        expect({ settings, ok: fields.some((item) => item.startsWith(field)) }).toEqual({
          settings,
          ok: true,
        });
      }
      const [row] = (await t.dataSource.query('SELECT count(*)::int AS n FROM channels WHERE name = $1', [
        name,
      ])) as { n: number }[];
      expect(row?.n).toBe(0);
    });
  });
});
