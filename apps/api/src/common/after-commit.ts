import type { EntityManager, EntitySubscriberInterface, QueryRunner, TransactionCommitEvent } from 'typeorm';

const pending = new WeakMap<QueryRunner, (() => void)[]>();

/** Runs the callbacks of a transaction once its outermost COMMIT is done; a rollback forgets them. */
class AfterCommitSubscriber implements EntitySubscriberInterface {
  afterTransactionCommit(event: TransactionCommitEvent): void {
    const runner = event.queryRunner;
    if (runner.isTransactionActive) return; // a savepoint released: the transaction goes on
    const callbacks = pending.get(runner) ?? [];
    pending.delete(runner);
    for (const callback of callbacks) callback();
  }

  afterTransactionRollback(event: TransactionCommitEvent): void {
    if (!event.queryRunner.isTransactionActive) pending.delete(event.queryRunner);
  }
}

/**
 * Drops a cache for a change made in `manager`'s transaction: at once (as the
 * API's own writes do, "or are about to, in a transaction") and again after
 * the commit, so a read made while a long transaction (an import's commit)
 * was still open cannot keep the old value. Outside a transaction: once, now.
 */
export function dropNowAndAfterCommit(manager: EntityManager, drop: () => void): void {
  drop();
  const runner = manager.queryRunner;
  if (!runner?.isTransactionActive) return;
  const subscribers = manager.connection.subscribers;
  if (!subscribers.some((subscriber) => subscriber instanceof AfterCommitSubscriber)) {
    subscribers.push(new AfterCommitSubscriber());
  }
  pending.set(runner, [...(pending.get(runner) ?? []), drop]);
}
