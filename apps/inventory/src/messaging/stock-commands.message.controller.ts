import { Controller } from '@nestjs/common';
import { ConsumeReservation, PutAwayStock, ReleaseStock, ReserveStock } from '@wo/contracts/inventory';
import { OnMessages } from '@wo/messaging';
import { StockCommands, type StockCommand } from '../application/stock-commands.service';

/** Kafka entry for stock commands: the runs of them one fetch delivered go to the use case together. */
@Controller()
export class StockCommandsMessageController {
  constructor(private readonly commands: StockCommands) {}

  @OnMessages('stock-commands', [ReserveStock, ReleaseStock, ConsumeReservation, PutAwayStock])
  apply(commands: StockCommand[]) {
    return this.commands.apply(commands);
  }
}
