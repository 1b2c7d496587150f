import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager, QueryRunner } from 'typeorm';
import type { EntitySubscriberInterface, TransactionCommitEvent, TransactionRollbackEvent } from 'typeorm';
import { describeError } from '../common/worker-loop';

type Work = () => Promise<void>;

const pending = new WeakMap<QueryRunner, Work[]>();

/**
 * Runs `work` once the transaction `manager` belongs to has committed (never
 * when it rolls back), or at once when `manager` is in no transaction. For
 * side effects that must not escape a transaction that may still fail: an
 * e-mail for a row an import might yet roll back. The work runs in the
 * background; it logs its own failure and leaves its durable record (e.g. a
 * pending invitation) to be retried. Work queued inside a savepoint that is
 * rolled back still runs when the outer transaction commits, so it must act
 * on what was committed (the invitation mailer sends only the pending rows
 * it finds), never on what it was told.
 */
export function afterCommit(manager: EntityManager, work: Work): void {
  const runner = manager.queryRunner;
  if (!runner?.isTransactionActive) {
    void run(work);
    return;
  }
  const queue = pending.get(runner) ?? [];
  queue.push(work);
  pending.set(runner, queue);
}

const logger = new Logger('AfterCommit');

async function run(work: Work): Promise<void> {
  try {
    await work();
  } catch (error) {
    logger.warn(`Work after a commit failed: ${describeError(error)}`);
  }
}

/**
 * Hears every transaction of the data source end. A savepoint's release or
 * rollback also broadcasts, with the outer transaction still active: only
 * the outermost end counts.
 */
@Injectable()
export class AfterCommitSubscriber implements EntitySubscriberInterface {
  constructor(dataSource: DataSource) {
    dataSource.subscribers.push(this);
  }

  afterTransactionCommit(event: TransactionCommitEvent): void {
    const runner = event.queryRunner;
    if (runner.isTransactionActive) return;
    const queue = pending.get(runner);
    pending.delete(runner);
    for (const work of queue ?? []) void run(work);
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    if (!event.queryRunner.isTransactionActive) pending.delete(event.queryRunner);
  }
}
