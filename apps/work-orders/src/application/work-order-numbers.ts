import { Injectable } from '@nestjs/common';
import { WorkOrdersDatabase, type WorkOrdersTransaction } from '../persistence/work-orders-database';

/** Work-order numbers per warehouse: `WO-<warehouse code>-<00001>`, never handing out a used one. */
@Injectable()
export class WorkOrderNumbers {
  constructor(private readonly db: WorkOrdersDatabase) {}

  /** The next unused number, without taking it (the form shows it as a suggestion). */
  async suggest(warehouse: { id: string; code: string }): Promise<string> {
    const sequence = await this.db.numberSequence.findUnique({ where: { warehouseId: warehouse.id } });
    let value = sequence?.nextValue ?? 1;
    while (await this.isTaken(this.db, warehouse.id, format(warehouse.code, value))) value += 1;
    return format(warehouse.code, value);
  }

  /** Takes the next unused number inside the caller's transaction (the sequence row serialises takers). */
  async take(tx: WorkOrdersTransaction, warehouse: { id: string; code: string }): Promise<string> {
    // ON CONFLICT DO NOTHING, unlike an upsert, is safe when two first orders of a warehouse race.
    await tx.$executeRawUnsafe('INSERT INTO number_sequence (warehouse_id) VALUES ($1) ON CONFLICT (warehouse_id) DO NOTHING', warehouse.id);
    const [row] = await tx.$queryRawUnsafe<{ next_value: number }[]>('SELECT next_value FROM number_sequence WHERE warehouse_id = $1 FOR UPDATE', warehouse.id);
    let value = row!.next_value;
    while (await this.isTaken(tx, warehouse.id, format(warehouse.code, value))) value += 1;
    await tx.numberSequence.update({ where: { warehouseId: warehouse.id }, data: { nextValue: value + 1 } });
    return format(warehouse.code, value);
  }

  isTaken(client: WorkOrdersTransaction, warehouseId: string, number: string): Promise<boolean> {
    return client.workOrder.findUnique({ where: { warehouseId_number: { warehouseId, number } }, select: { id: true } }).then(Boolean);
  }
}

function format(warehouseCode: string, value: number): string {
  return `WO-${warehouseCode}-${String(value).padStart(5, '0')}`;
}
