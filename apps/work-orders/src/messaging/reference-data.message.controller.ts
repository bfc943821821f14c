import { Controller } from '@nestjs/common';
import type { EnvelopeOf } from '@wo/contracts/envelope';
import { MerchantRegistered, ProductRegistered, WarehouseRegistered } from '@wo/contracts/inventory';
import { OnMessage } from '@wo/messaging';
import { ReferenceDataReplica } from '../application/reference-data-replica.service';

/** Kafka entry for inventory's reference data: keeps the local replica current. */
@Controller()
export class ReferenceDataMessageController {
  constructor(private readonly replica: ReferenceDataReplica) {}

  @OnMessage(MerchantRegistered)
  merchant(event: EnvelopeOf<typeof MerchantRegistered>) {
    return this.replica.merchantRegistered(event);
  }

  @OnMessage(WarehouseRegistered)
  warehouse(event: EnvelopeOf<typeof WarehouseRegistered>) {
    return this.replica.warehouseRegistered(event);
  }

  @OnMessage(ProductRegistered)
  product(event: EnvelopeOf<typeof ProductRegistered>) {
    return this.replica.productRegistered(event);
  }
}
