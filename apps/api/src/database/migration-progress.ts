import type { PinoLogger } from 'nestjs-pino';
import type { Logger } from 'typeorm';

/**
 * TypeORM's messages while the API migrates at start-up, as progress lines:
 * how many migrations are pending, then each one as it completes with its
 * time, so a long migration is not a silent pause. Written straight to pino
 * (not through Nest's Logger, which holds every line until start-up is over).
 * Queries are not logged.
 */
export class MigrationProgress implements Logger {
  private started = Date.now();
  private done = 0;
  private pending = 0;

  constructor(private readonly logger: PinoLogger) {}

  logSchemaBuild(message: string): void {
    const pending = /^(\d+) migrations are new migrations/.exec(message);
    if (pending) {
      this.pending = Number(pending[1]);
      this.started = Date.now();
      this.logger.info(`${this.pending} migrations to run`);
      return;
    }
    const executed = /^Migration (\S+) has been executed successfully/.exec(message);
    if (executed) {
      this.done += 1;
      const seconds = ((Date.now() - this.started) / 1000).toFixed(1);
      this.logger.info(
        `migration ${this.done}/${this.pending} done: ${executed[1]} (${seconds} s since the first)`,
      );
    }
  }

  logMigration(message: string): void {
    this.logger.error(message);
  }

  logQuery(): void {
    // Not logged: one line per statement is for debugging with TypeORM's own logger.
  }

  logQueryError(): void {
    // Errors reach the caller, who decides.
  }

  logQuerySlow(): void {
    // Slow queries are found with pg_stat_statements, not here.
  }

  log(): void {
    // TypeORM's other notes are not for operators.
  }
}
