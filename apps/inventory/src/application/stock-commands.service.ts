import { Injectable } from '@nestjs/common';
import type { Envelope, EnvelopeOf, OutgoingMessage } from '@wo/contracts/envelope';
import type { ConsumeReservation, PutAwayStock, ReleaseStock, ReserveStock } from '@wo/contracts/inventory';
import { appendToOutbox, claimInbox } from '@wo/messaging';
import { InventoryDatabase } from '../persistence/inventory-database';
import { PutawayService } from './putaway.service';
import { ReservationService } from './reservation.service';

export type StockCommand =
  | EnvelopeOf<typeof ReserveStock>
  | EnvelopeOf<typeof ReleaseStock>
  | EnvelopeOf<typeof ConsumeReservation>
  | EnvelopeOf<typeof PutAwayStock>;

/**
 * Applies a run of stock commands from one partition (one warehouse's SKUs) in ONE transaction,
 * in partition order: each is claimed in the inbox (a duplicate is skipped), applied, and its reply
 * joins one multi-row outbox insert. The partition that owns a SKU thus takes a whole batch of
 * reservations for it at the cost of one commit, which row locking per order cannot do.
 */
@Injectable()
export class StockCommands {
  constructor(
    private readonly db: InventoryDatabase,
    private readonly reservations: ReservationService,
    private readonly putaways: PutawayService,
  ) {}

  apply(commands: readonly StockCommand[]): Promise<{ applied: number; duplicates: number }> {
    return this.db.$transaction(async (tx) => {
      const replies: OutgoingMessage[] = [];
      let duplicates = 0;
      for (const command of commands) {
        if (!(await claimInbox(tx, command as Envelope))) {
          duplicates += 1;
          continue;
        }
        switch (command.type) {
          case 'inventory.ReserveStock':
            replies.push(await this.reservations.reserve(tx, command));
            break;
          case 'inventory.ReleaseStock':
            replies.push(await this.reservations.release(tx, command));
            break;
          case 'inventory.ConsumeReservation':
            replies.push(await this.reservations.consume(tx, command));
            break;
          case 'inventory.PutAwayStock':
            await this.putaways.putAway(tx, command);
            break;
          default: {
            const unknownCommand: never = command;
            throw new Error(`unknown stock command ${JSON.stringify(unknownCommand)}`);
          }
        }
      }
      await appendToOutbox(tx, replies);
      return { applied: commands.length - duplicates, duplicates };
    });
  }
}
