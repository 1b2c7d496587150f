import { startTestApp, TestApp } from '../test-support/test-app';
import { eventually } from '../test-support/webhook-receiver';
import { afterCommit } from './after-commit';

/** Work after a commit: only the outermost commit runs it, a rollback drops it. */
describe('afterCommit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('runs once the outer transaction commits, not when a savepoint is released', async () => {
    const ran: string[] = [];
    await t.dataSource.transaction(async (tx) => {
      await tx.transaction(async (inner) => {
        afterCommit(inner, async () => void ran.push('inner'));
      });
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(ran).toEqual([]);
      afterCommit(tx, async () => void ran.push('outer'));
      await tx.query('SELECT 1');
      expect(ran).toEqual([]);
    });
    await eventually('the work after the commit', () => ran.length === 2);
    expect(ran).toEqual(['inner', 'outer']);
  });

  it('never runs the work of a rolled-back transaction, even when its savepoint was released', async () => {
    const ran: string[] = [];
    await expect(
      t.dataSource.transaction(async (tx) => {
        await tx.transaction(async (inner) => afterCommit(inner, async () => void ran.push('inner')));
        afterCommit(tx, async () => void ran.push('outer'));
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    // A later transaction's commit must not run it either.
    await t.dataSource.transaction(async (tx) => tx.query('SELECT 1'));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(ran).toEqual([]);
  });

  it('runs at once outside a transaction, and a failing work only logs', async () => {
    const ran: string[] = [];
    afterCommit(t.dataSource.manager, async () => {
      throw new Error('mail server down');
    });
    afterCommit(t.dataSource.manager, async () => void ran.push('plain'));
    await eventually('the work', () => ran.length === 1);
  });
});
