import { Injectable } from '@nestjs/common';
import type { FinishedLot, LotTrace, TracedLot, TracedWorkOrder } from '@wo/contracts/rest';
import { refuse, type Refusal } from '@wo/platform';
import { InventoryDatabase, type InventoryTransaction } from '../persistence/inventory-database';

export interface LotTraceInput {
  readonly merchantId: string;
  readonly sku: string;
  readonly lot: string;
  readonly direction: 'down' | 'up';
}

/** A work_order_genealogy row as the trace reads it. */
interface GenealogyRow {
  work_order_id: string;
  number: string;
  warehouse_id: string;
  inbound_order_id: string;
  picking_list_ids: string[];
  outputs: { sku: string; quantity: number; lot: string | null }[];
  consumed: { sku: string; locationCode: string; quantity: number; lot?: string; expiresOn?: string }[];
  completed_at: Date;
}

interface PutawayRow {
  inbound_order_id: string;
  sku: string;
  lot_code: string | null;
  location_code: string;
  quantity: number;
  expires_on: string | null;
}

type BinQuantity = { locationCode: string; quantity: number };

/**
 * The lot trace (docs/decisions/0007-lots.md), from what inventory holds: the genealogy of each
 * completed work order (its WorkOrderCompleted), the putaways (which lot was actually shelved for
 * an inbound order, and where) and the stock on hand now.
 * - `down`, from a finished lot: the work orders whose putaway (for their inbound order, SKU and
 *   lot) or whose outputs made it, with the component lots they consumed.
 * - `up`, from a component lot: the work orders that consumed it, with the finished lots they made.
 * A lot inventory never heard of answers 404.
 */
@Injectable()
export class LotTraceService {
  constructor(private readonly db: InventoryDatabase) {}

  /**
   * One snapshot (a repeatable-read, read-only transaction): a putaway committing meanwhile shows
   * in every part of the answer or in none, never on hand without its lot's expiry.
   */
  trace(input: LotTraceInput): Promise<LotTrace | Refusal> {
    return this.db.$transaction((tx) => this.traceIn(tx, input), { isolationLevel: 'RepeatableRead' });
  }

  private async traceIn(db: InventoryTransaction, input: LotTraceInput): Promise<LotTrace | Refusal> {
    const { merchantId, sku, lot, direction } = input;
    const [known] = await db.$queryRawUnsafe<{ known: boolean; expires_on: string | null }[]>(
      `SELECT (SELECT expires_on::text FROM lot WHERE merchant_id = $1 AND sku = $2 AND code = $3) AS expires_on,
              EXISTS (SELECT 1 FROM lot WHERE merchant_id = $1 AND sku = $2 AND code = $3)
              OR EXISTS (SELECT 1 FROM putaway WHERE merchant_id = $1 AND sku = $2 AND lot_code = $3)
              OR EXISTS (SELECT 1 FROM work_order_genealogy WHERE merchant_id = $1 AND (outputs @> $4::jsonb OR consumed @> $4::jsonb)) AS known`,
      merchantId,
      sku,
      lot,
      JSON.stringify([{ sku, lot }]),
    );
    if (!known?.known) return refuse.notFound('Lot', `${sku}/${lot}`);
    const genealogies = direction === 'down' ? await this.makersOf(db, input) : await this.consumersOf(db, input);
    return { merchantId, sku, lot, direction, expiresOn: known.expires_on, workOrders: await this.traced(db, merchantId, genealogies) };
  }

  /** The work orders that made the lot: shelved under it for their inbound order, or named it as an output. */
  private makersOf(db: InventoryTransaction, { merchantId, sku, lot }: LotTraceInput): Promise<GenealogyRow[]> {
    return db.$queryRawUnsafe<GenealogyRow[]>(
      `SELECT g.* FROM work_order_genealogy g
        WHERE g.merchant_id = $1
          AND (g.outputs @> $4::jsonb
               OR g.inbound_order_id IN (SELECT inbound_order_id FROM putaway WHERE merchant_id = $1 AND sku = $2 AND lot_code = $3))
        ORDER BY g.completed_at, g.work_order_id`,
      merchantId,
      sku,
      lot,
      JSON.stringify([{ sku, lot }]),
    );
  }

  /** The work orders that consumed the lot. */
  private consumersOf(db: InventoryTransaction, { merchantId, sku, lot }: LotTraceInput): Promise<GenealogyRow[]> {
    return db.$queryRawUnsafe<GenealogyRow[]>(
      `SELECT g.* FROM work_order_genealogy g WHERE g.merchant_id = $1 AND g.consumed @> $2::jsonb ORDER BY g.completed_at, g.work_order_id`,
      merchantId,
      JSON.stringify([{ sku, lot }]),
    );
  }

  /** Each work order with its component lots and its finished lots (where put away, where on hand now). */
  private async traced(db: InventoryTransaction, merchantId: string, genealogies: readonly GenealogyRow[]): Promise<TracedWorkOrder[]> {
    if (genealogies.length === 0) return [];
    const putaways = await db.$queryRawUnsafe<PutawayRow[]>(
      `SELECT inbound_order_id, sku, lot_code, location_code, sum(quantity)::int AS quantity, min(expires_on)::text AS expires_on
         FROM putaway WHERE merchant_id = $1 AND inbound_order_id = ANY($2::text[])
        GROUP BY inbound_order_id, sku, lot_code, location_code ORDER BY location_code`,
      merchantId,
      genealogies.map((genealogy) => genealogy.inbound_order_id),
    );
    const made = genealogies.map((genealogy) => finishedLotsOf(genealogy, putaways));
    const outputs = made.flat();
    const [lots, onHand] = await Promise.all([
      db.$queryRawUnsafe<{ sku: string; code: string; expires_on: string | null }[]>(
        `SELECT sku, code, expires_on::text AS expires_on FROM lot WHERE merchant_id = $1 AND (sku, code) IN (SELECT * FROM unnest($2::text[], $3::text[]))`,
        merchantId,
        outputs.map((output) => output.sku),
        outputs.map((output) => output.lot ?? ''),
      ),
      // Only a lot-tracked SKU holds its stock per lot: an untracked finished lot's whereabouts are unknown once shelved.
      db.$queryRawUnsafe<{ warehouse_id: string; sku: string; lot_code: string; location_code: string; on_hand: number }[]>(
        `SELECT warehouse_id, sku, lot_code, location_code, on_hand FROM stock_level
          WHERE merchant_id = $1 AND on_hand > 0 AND lot_code <> '' AND (sku, lot_code) IN (SELECT * FROM unnest($2::text[], $3::text[]))
          ORDER BY location_code`,
        merchantId,
        outputs.map((output) => output.sku),
        outputs.map((output) => output.lot ?? ''),
      ),
    ]);
    const expiry = new Map(lots.map((row) => [`${row.sku}\u0000${row.code}`, row.expires_on]));
    return genealogies.map((genealogy, index) => ({
      workOrderId: genealogy.work_order_id,
      number: genealogy.number,
      warehouseId: genealogy.warehouse_id,
      inboundOrderId: genealogy.inbound_order_id,
      pickingListIds: genealogy.picking_list_ids,
      completedAt: genealogy.completed_at.toISOString(),
      components: componentsOf(genealogy),
      outputs: made[index]!.map((output) => ({
        ...output,
        expiresOn: (output.lot !== null && expiry.get(`${output.sku}\u0000${output.lot}`)) || output.expiresOn,
        onHand: onHand
          .filter((bin) => bin.warehouse_id === genealogy.warehouse_id && bin.sku === output.sku && bin.lot_code === output.lot)
          .map((bin) => ({ locationCode: bin.location_code, quantity: bin.on_hand })),
      })),
    }));
  }
}

/** What a work order consumed, per SKU and lot (bins summed), with the bins they left. */
function componentsOf(genealogy: GenealogyRow): TracedWorkOrder['components'] {
  const components = new Map<string, TracedLot & { locations: BinQuantity[] }>();
  for (const taken of genealogy.consumed) {
    const key = `${taken.sku}\u0000${taken.lot ?? ''}`;
    const component = components.get(key) ?? { sku: taken.sku, lot: taken.lot ?? null, expiresOn: taken.expiresOn ?? null, quantity: 0, locations: [] };
    component.quantity += taken.quantity;
    addTo(component.locations, taken.locationCode, taken.quantity);
    components.set(key, component);
  }
  return [...components.values()];
}

/**
 * The finished lots a work order made: per output, the lot it was actually shelved under for the
 * order's inbound order (the receiver may have named another than completion gave), or the lot
 * completion gave when nothing is put away yet. `onHand` is filled in by the caller.
 */
function finishedLotsOf(genealogy: GenealogyRow, putaways: readonly PutawayRow[]): Omit<FinishedLot, 'onHand'>[] {
  return genealogy.outputs.flatMap((output) => {
    const shelved = putaways.filter((putaway) => putaway.inbound_order_id === genealogy.inbound_order_id && putaway.sku === output.sku);
    const lots = [...new Set(shelved.map((putaway) => putaway.lot_code ?? output.lot))];
    if (lots.length === 0) return [{ sku: output.sku, lot: output.lot, expiresOn: null, quantity: output.quantity, putAway: [] }];
    return lots.map((lot) => {
      const ofLot = shelved.filter((putaway) => (putaway.lot_code ?? output.lot) === lot);
      const putAway: BinQuantity[] = [];
      for (const putaway of ofLot) addTo(putAway, putaway.location_code, putaway.quantity);
      return {
        sku: output.sku,
        lot,
        expiresOn: ofLot.find((putaway) => putaway.expires_on !== null)?.expires_on ?? null,
        quantity: lots.length === 1 ? output.quantity : putAway.reduce((sum, bin) => sum + bin.quantity, 0),
        putAway,
      };
    });
  });
}

function addTo(bins: BinQuantity[], locationCode: string, quantity: number): void {
  const bin = bins.find((candidate) => candidate.locationCode === locationCode);
  if (bin) bin.quantity += quantity;
  else bins.push({ locationCode, quantity });
}
