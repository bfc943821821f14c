import { readPayload, type Envelope } from '@wo/contracts/envelope';
import { ReleaseStock, ReserveStock } from '@wo/contracts/inventory';
import { createDatabasePool, freshMigratedDatabase, prismaOptionsFor, SqlDatabase } from '@wo/database';
import { newReservationTally } from '@wo/observability';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { Pool } from 'pg';
import { InventoryDatabase } from '../persistence/inventory-database';
import { PutawayService } from './putaway.service';
import { ReservationService } from './reservation.service';
import { StockCommands, type StockCommand } from './stock-commands.service';

const postgres = process.env['POSTGRES_URL'] ?? 'postgresql://postgres@127.0.0.1:5432';
const databaseName = `${process.env['DATABASE_PREFIX'] ?? 'wo_'}inventory_reservation_check`;

type Line = { readonly sku: string; readonly quantity: number; readonly reservationId?: string };

/**
 * ReserveStock v2 on a real Postgres, through the use case the Kafka controller calls: each
 * command is a work order taken all or nothing within a run of them, answered with one reply,
 * idempotent per reservation id, and a release that got there first leaves a tombstone.
 */
describe('reservations per work order, all or nothing (a real Postgres)', () => {
  let pool: Pool;
  let db: InventoryDatabase;
  let reservations: ReservationService;
  let commands: StockCommands;
  const warehouseId = 'wh-orders';
  const merchantId = 'm-orders';

  beforeAll(async () => {
    const url = await freshMigratedDatabase(postgres, databaseName, join(__dirname, '../../prisma/migrations'));
    pool = createDatabasePool(url, { max: 3 });
    db = new InventoryDatabase(prismaOptionsFor(pool));
    reservations = new ReservationService();
    commands = new StockCommands(db, new SqlDatabase(pool), reservations, new PutawayService());
    await pool.query(`INSERT INTO merchant (id, name) VALUES ($1, 'Orders Inc')`, [merchantId]);
    await pool.query(`INSERT INTO warehouse (id, code, name) VALUES ($1, 'WHO', 'Orders warehouse')`, [warehouseId]);
    await pool.query(`INSERT INTO location (warehouse_id, code) VALUES ($1, 'A-01'), ($1, 'A-02')`, [warehouseId]);
    await pool.query(
      `INSERT INTO product (id, merchant_id, sku, name) VALUES ('p1', $1, 'BOX', 'Box'), ('p2', $1, 'SOAP', 'Soap'), ('p3', $1, 'TAPE', 'Tape')`,
      [merchantId],
    );
    await pool.query(
      `INSERT INTO stock_level (warehouse_id, merchant_id, sku, location_code, on_hand, reserved)
       VALUES ($1, $2, 'BOX', 'A-01', 5, 0), ($1, $2, 'SOAP', 'A-01', 6, 0), ($1, $2, 'SOAP', 'A-02', 4, 0), ($1, $2, 'TAPE', 'A-01', 100, 0)`,
      [warehouseId, merchantId],
    );
  });

  afterAll(async () => {
    await db.$disconnect();
    await pool.end();
  });

  /** A work order's command, each line with its own reservation id. */
  const order = (workOrderId: string, lines: readonly Line[]) =>
    ReserveStock.create(
      {
        workOrderId,
        warehouseId,
        merchantId,
        lines: lines.map(({ sku, quantity, reservationId }, index) => ({
          reservationId: reservationId ?? `${workOrderId}:l${index + 1}`,
          lineId: `l${index + 1}`,
          sku,
          quantity,
        })),
      },
      { correlationId: `saga-${workOrderId}`, key: workOrderId },
    );

  /** Applies a run as the Kafka controller does, and returns the replies it put in the outbox. */
  async function apply(...batch: Envelope[]): Promise<Envelope[]> {
    const before = Number((await pool.query(`SELECT coalesce(max(id), 0) AS id FROM outbox_message`)).rows[0].id);
    await commands.apply(batch as StockCommand[]);
    const rows = await pool.query(`SELECT envelope FROM outbox_message WHERE id > $1 AND topic = 'inventory.stock-replies' ORDER BY id`, [before]);
    return rows.rows.map((row) => row.envelope as Envelope);
  }

  const reserved = async (sku: string) =>
    (await pool.query(`SELECT location_code, reserved FROM stock_level WHERE merchant_id = $1 AND sku = $2 ORDER BY location_code`, [merchantId, sku])).rows;
  const statuses = async (workOrderId: string) =>
    (await pool.query(`SELECT line_id, status FROM reservation WHERE work_order_id = $1 ORDER BY line_id`, [workOrderId])).rows.map(
      (row) => `${row.line_id}:${row.status}`,
    );

  it('takes two orders contending for the last units in one run: the first gets every line, the second nothing, its takes undone for the next', async () => {
    const tally = newReservationTally();
    const run = [
      order('wo-a', [
        { sku: 'BOX', quantity: 3 },
        { sku: 'SOAP', quantity: 4 },
      ]),
      // BOX is short for b (2 left); its SOAP line alone could have been had, and is not taken.
      order('wo-b', [
        { sku: 'SOAP', quantity: 5 },
        { sku: 'BOX', quantity: 3 },
      ]),
      // c sees SOAP as a left it, not as b would have: 6 available.
      order('wo-c', [{ sku: 'SOAP', quantity: 6 }]),
    ];
    const replies = await new SqlDatabase(pool).$transaction(async (tx) =>
      reservations.reserveMany(tx, run, await reservations.readForReservations(tx, run), tally),
    );
    expect(replies.map(({ envelope }) => [envelope.type, envelope.version, envelope.correlationId, envelope.payload])).toEqual([
      [
        'inventory.StockReserved',
        2,
        'saga-wo-a',
        {
          lines: [
            { reservationId: 'wo-a:l1', lineId: 'l1', sku: 'BOX', quantity: 3, allocations: [{ locationCode: 'A-01', quantity: 3 }] },
            { reservationId: 'wo-a:l2', lineId: 'l2', sku: 'SOAP', quantity: 4, allocations: [{ locationCode: 'A-01', quantity: 4 }] },
          ],
        },
      ],
      [
        'inventory.StockReservationRejected',
        2,
        'saga-wo-b',
        {
          lines: [
            { reservationId: 'wo-b:l1', lineId: 'l1', sku: 'SOAP', requested: 5, available: 6 },
            { reservationId: 'wo-b:l2', lineId: 'l2', sku: 'BOX', requested: 3, available: 2 },
          ],
        },
      ],
      [
        'inventory.StockReserved',
        2,
        'saga-wo-c',
        {
          lines: [
            {
              reservationId: 'wo-c:l1',
              lineId: 'l1',
              sku: 'SOAP',
              quantity: 6,
              allocations: [
                { locationCode: 'A-01', quantity: 2 },
                { locationCode: 'A-02', quantity: 4 },
              ],
            },
          ],
        },
      ],
    ]);
    // Per line: three held, both of b's refused, one unit short.
    expect(tally).toEqual({ reserved: 3, rejected: 2, unitsShort: 1 });
    expect(await reserved('BOX')).toEqual([{ location_code: 'A-01', reserved: 3 }]);
    expect(await reserved('SOAP')).toEqual([
      { location_code: 'A-01', reserved: 6 },
      { location_code: 'A-02', reserved: 4 },
    ]);
    expect(await statuses('wo-b')).toEqual(['l1:REJECTED', 'l2:REJECTED']);
  });

  it('answers a duplicate (in the same run, re-sent later, or re-sent with a new message id) with the first answer, taking nothing more', async () => {
    const first = order('wo-d', [
      { sku: 'TAPE', quantity: 10 },
      { sku: 'TAPE', quantity: 20 },
    ]);
    const resent = { ...first, id: randomUUID() };
    const [answer, ...others] = await apply(first, first, resent);
    // The delivered twice is claimed once in the inbox; the re-send (new id) gets the stored answer.
    expect(others.map((reply) => reply.payload)).toEqual([answer!.payload]);
    expect(answer).toMatchObject({ type: 'inventory.StockReserved', payload: { lines: [{ quantity: 10 }, { quantity: 20 }] } });
    expect(await apply({ ...first, id: randomUUID() })).toMatchObject([{ type: 'inventory.StockReserved', payload: answer!.payload }]);
    expect(await reserved('TAPE')).toEqual([{ location_code: 'A-01', reserved: 30 }]);

    // A refused order re-sent is refused the same way, even once the stock is there.
    const refused = order('wo-e', [{ sku: 'BOX', quantity: 50 }]);
    const [no] = await apply(refused);
    await pool.query(`UPDATE stock_level SET on_hand = on_hand + 100 WHERE merchant_id = $1 AND sku = 'BOX'`, [merchantId]);
    expect(await apply({ ...refused, id: randomUUID() })).toEqual([
      expect.objectContaining({ type: 'inventory.StockReservationRejected', payload: no!.payload }),
    ]);
    expect(await reserved('BOX')).toEqual([{ location_code: 'A-01', reserved: 3 }]);
  });

  it('lets a release that overtook its reserve leave a tombstone: the late reserve takes nothing for the order and says so', async () => {
    const release = ReleaseStock.create({ reservationId: 'wo-f:l2', warehouseId, sku: 'TAPE' }, { correlationId: 'saga-wo-f', key: `${warehouseId}:TAPE` });
    expect(await apply(release)).toMatchObject([{ type: 'inventory.StockReleased', payload: { reservationId: 'wo-f:l2', quantity: 0 } }]);
    const late = order('wo-f', [
      { sku: 'BOX', quantity: 1 },
      { sku: 'TAPE', quantity: 1 },
    ]);
    // The release's line holds nothing and says so; the order's other line is not taken either.
    expect(await apply(late)).toMatchObject([{ type: 'inventory.StockReleased', payload: { reservationId: 'wo-f:l2', sku: 'TAPE', quantity: 0 } }]);
    expect(await reserved('BOX')).toEqual([{ location_code: 'A-01', reserved: 3 }]);
    expect(await reserved('TAPE')).toEqual([{ location_code: 'A-01', reserved: 30 }]);
    expect((await pool.query(`SELECT status, quantity FROM reservation WHERE id LIKE 'wo-f:%'`)).rows).toEqual([{ status: 'RELEASED', quantity: 0 }]);
    // The same in one run: a release first, then its reserve.
    const run = await apply(
      ReleaseStock.create({ reservationId: 'wo-g:l1', warehouseId, sku: 'TAPE' }, { correlationId: 'saga-wo-g', key: `${warehouseId}:TAPE` }),
      order('wo-g', [{ sku: 'TAPE', quantity: 5 }]),
    );
    expect(run.map((reply) => [reply.type, (reply.payload as { quantity?: number }).quantity])).toEqual([
      ['inventory.StockReleased', 0],
      ['inventory.StockReleased', 0],
    ]);
    expect(await reserved('TAPE')).toEqual([{ location_code: 'A-01', reserved: 30 }]);
  });

  it('answers a v1 command (a work-orders not upgraded yet) in v1, one reply per line', async () => {
    const v1 = { reservationId: 'wo-h:l1', workOrderId: 'wo-h', lineId: 'l1', warehouseId, merchantId, sku: 'TAPE', quantity: 2 };
    const read = readPayload(ReserveStock, 1, v1);
    if (!read.ok) throw new Error(read.detail);
    const command = { ...order('wo-h', [{ sku: 'TAPE', quantity: 2 }]), payload: read.payload };
    const [answer] = await apply(command as Envelope);
    expect(answer).toMatchObject({
      type: 'inventory.StockReserved',
      version: 1,
      payload: { reservationId: 'wo-h:l1', lineId: 'l1', sku: 'TAPE', quantity: 2, allocations: [{ locationCode: 'A-01', quantity: 2 }] },
    });
    expect(await statuses('wo-h')).toEqual(['l1:RESERVED']);
  });
});
