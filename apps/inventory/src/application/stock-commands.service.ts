import { Injectable } from '@nestjs/common';
import { SqlDatabase } from '@wo/database';
import type { EnvelopeOf, OutgoingMessage } from '@wo/contracts/envelope';
import type { ConsumeReservation, PutAwayStock, ReleaseStock, ReserveStock } from '@wo/contracts/inventory';
import { appendToOutbox, claimInboxMany } from '@wo/messaging';
import { newReservationTally, reservationMetrics, type ReservationTally } from '@wo/observability';
import { InventoryDatabase } from '../persistence/inventory-database';
import { PutawayService } from './putaway.service';
import { ReservationService } from './reservation.service';

export type StockCommand =
  EnvelopeOf<typeof ReserveStock> | EnvelopeOf<typeof ReleaseStock> | EnvelopeOf<typeof ConsumeReservation> | EnvelopeOf<typeof PutAwayStock>;

/**
 * Applies a run of stock commands (those the partitions of one fetch delivered, each partition's in
 * its order) in ONE transaction: all are claimed in the inbox at once (duplicates are skipped),
 * consecutive reservations are decided together (see ReservationService.reserveMany), the others
 * are applied one by one, and the replies join one multi-row outbox insert. The partition that
 * owns a SKU thus takes a whole batch of reservations for it at the cost of one commit, which row
 * locking per order cannot do.
 */
@Injectable()
export class StockCommands {
  constructor(
    private readonly db: InventoryDatabase,
    private readonly sql: SqlDatabase,
    private readonly reservations: ReservationService,
    private readonly putaways: PutawayService,
  ) {}

  async apply(commands: readonly StockCommand[]): Promise<{ applied: number; duplicates: number }> {
    // Reservation outcomes, counted once the transaction committed.
    const tally = newReservationTally();
    const applied = await this.applyCounting(commands, tally);
    reservationMetrics.record(tally);
    return applied;
  }

  private applyCounting(commands: readonly StockCommand[], tally: ReservationTally): Promise<{ applied: number; duplicates: number }> {
    if (commands.every((command) => command.type === 'inventory.ReserveStock')) return this.reserve(commands as EnvelopeOf<typeof ReserveStock>[], tally);
    return this.db.$transaction(async (tx) => {
      const fresh = await claimInboxMany(tx, commands);
      const replies: OutgoingMessage[] = [];
      for (const run of runsOfOneType(fresh)) {
        if (run[0]!.type === 'inventory.ReserveStock') {
          const reservations = run as EnvelopeOf<typeof ReserveStock>[];
          replies.push(...(await this.reservations.reserveMany(tx, reservations, await this.reservations.readForReservations(tx, reservations), tally)));
          continue;
        }
        for (const command of run) {
          switch (command.type) {
            case 'inventory.ReleaseStock':
              replies.push(await this.reservations.release(tx, command));
              break;
            case 'inventory.ConsumeReservation':
              replies.push(await this.reservations.consume(tx, command));
              break;
            case 'inventory.PutAwayStock':
              replies.push(...(await this.putaways.putAway(tx, command)));
              break;
            case 'inventory.ReserveStock':
              throw new Error('unreachable: reservations go in runs');
            default: {
              const unknownCommand: never = command;
              throw new Error(`unknown stock command ${JSON.stringify(unknownCommand)}`);
            }
          }
        }
      }
      await appendToOutbox(tx, replies);
      return { applied: fresh.length, duplicates: commands.length - fresh.length };
    });
  }

  /** The hot path, a run of reservations only: all in SQL, in a plain pg transaction (no Prisma). */
  private reserve(commands: readonly EnvelopeOf<typeof ReserveStock>[], tally: ReservationTally): Promise<{ applied: number; duplicates: number }> {
    return this.sql.$transaction(async (tx) => {
      // The inbox claim and the reads go out together: one round trip before the decisions.
      const [fresh, reads] = await Promise.all([claimInboxMany(tx, commands), this.reservations.readForReservations(tx, commands)]);
      await appendToOutbox(tx, await this.reservations.reserveMany(tx, fresh, reads, tally));
      return { applied: fresh.length, duplicates: commands.length - fresh.length };
    });
  }
}

/** Consecutive commands of one type, in order: reservations in a run are applied together. */
function runsOfOneType(commands: readonly StockCommand[]): StockCommand[][] {
  const runs: StockCommand[][] = [];
  for (const command of commands) {
    const last = runs.at(-1);
    if (last && last[0]!.type === command.type) last.push(command);
    else runs.push([command]);
  }
  return runs;
}
