import type { CreatedWebhookSubscription } from '@tradecounter/contracts';
import { openSecret } from '../common/crypto/sealed-secret';
import { SealedWebhookSecrets1765324800000 } from '../database/migrations/1765324800000-sealed-webhook-secrets';
import { bearer, createWorld, World } from '../test-support/fixtures';
import { createOwnDatabase, OwnDatabase } from '../test-support/own-database';
import { startTestApp, TestApp } from '../test-support/test-app';
import { WebhookSecretSealer } from './webhook-secret-sealer';

/**
 * Secrets stored in the clear before encryption at rest: migration
 * 1765324800000 marks them, the API seals them at start. Its own database,
 * as the migration is run down and up again here.
 */
describe('sealing webhook secrets stored in the clear', () => {
  let database: OwnDatabase;
  let t: TestApp;
  let w: World;
  const migration = new SealedWebhookSecrets1765324800000();
  beforeAll(async () => {
    database = await createOwnDatabase();
    t = await startTestApp({}, database.url);
    w = await createWorld(t);
  });
  afterAll(async () => {
    await t.close();
    await database.drop();
  });

  const storedSecret = async (id: string) => {
    const [row] = (await t.dataSource.query(`SELECT secret FROM webhook_subscriptions WHERE id = $1`, [
      id,
    ])) as {
      secret: string;
    }[];
    return row?.secret;
  };

  it('marks the old plaintext, which the API then seals; refuses to go down over sealed secrets', async () => {
    const runner = t.dataSource.createQueryRunner();
    try {
      await migration.down(runner);
      const [legacy] = (await t.dataSource.query(
        `INSERT INTO webhook_subscriptions (url, events, secret, active)
         VALUES ('https://erp.example.com/hooks', '{order.created}', 'whsec_from-before-encryption', false) RETURNING id`,
      )) as { id: string }[];
      const id = legacy?.id ?? '';
      await migration.up(runner);
      expect(await storedSecret(id)).toBe('plain:whsec_from-before-encryption');
      // Unmarked plaintext is refused by the check from now on.
      await expect(
        t.dataSource.query(`UPDATE webhook_subscriptions SET secret = 'whsec_in-the-clear' WHERE id = $1`, [
          id,
        ]),
      ).rejects.toThrow(/webhook_subscriptions_secret_sealed_check/);
      const listed = await t.http.get(`/api/webhooks/${id}`).set(bearer(w.admin)).expect(200);
      expect(listed.body).toMatchObject({ secretHint: '••••tion' });

      await t.app.get(WebhookSecretSealer).onApplicationBootstrap();
      const sealed = await storedSecret(id);
      expect(sealed).toMatch(/^v1:/);
      expect(sealed).not.toContain('from-before-encryption');
      expect(openSecret(sealed ?? '', t.config.dataKey)).toBe('whsec_from-before-encryption');

      await expect(migration.down(runner)).rejects.toThrow(/encrypted with DATA_KEY/);
    } finally {
      await runner.release();
    }
  });

  it('stores a new or changed secret sealed, never as given', async () => {
    const created = (
      await t.http
        .post('/api/webhooks')
        .set(bearer(w.admin))
        .send({
          url: 'https://erp.example.com/hooks',
          events: ['order.created'],
          secret: 'first-secret-0123456789',
        })
        .expect(201)
    ).body as CreatedWebhookSubscription;
    await t.http.delete(`/api/webhooks/${created.id}`).set(bearer(w.admin)).expect(204);
    const first = await storedSecret(created.id);
    expect(first).toMatch(/^v1:/);
    expect(openSecret(first ?? '', t.config.dataKey)).toBe('first-secret-0123456789');

    await t.http
      .patch(`/api/webhooks/${created.id}`)
      .set(bearer(w.admin))
      .send({ secret: 'second-secret-0123456789' })
      .expect(200);
    const second = await storedSecret(created.id);
    expect(second).toMatch(/^v1:/);
    expect(second).not.toContain('second-secret');
    expect(openSecret(second ?? '', t.config.dataKey)).toBe('second-secret-0123456789');
    const shown = await t.http.get(`/api/webhooks/${created.id}`).set(bearer(w.admin)).expect(200);
    expect(shown.body).toMatchObject({ secretHint: '••••6789' });
  });
});
