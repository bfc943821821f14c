import { readPayload, type Envelope } from '@wo/contracts/envelope';
import { ConsumeReservation, PutAwayStock, ReleaseStock, ReserveStock } from '@wo/contracts/inventory';
import { countSocketWrites, createDatabasePool, freshMigratedDatabase, prismaOptionsFor, SqlDatabase } from '@wo/database';
import { isRefusal, type Refusal } from '@wo/platform';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { Pool } from 'pg';
import { InventoryDatabase } from '../persistence/inventory-database';
import { PutawayService } from './putaway.service';
import { ReservationService } from './reservation.service';
import { StockCommands, type StockCommand } from './stock-commands.service';
import { StockService } from './stock.service';
import { todayUtc } from './today';
import { GenealogyService } from './genealogy.service';
import { LotTraceService } from './lot-trace.service';
import { WorkOrderCompleted } from '@wo/contracts/work-orders';

const postgres = process.env['POSTGRES_URL'] ?? 'postgresql://postgres@127.0.0.1:5432';
const databaseName = `${process.env['DATABASE_PREFIX'] ?? 'wo_'}inventory_lots_check`;

/** A day `offset` days from today (UTC), `YYYY-MM-DD`. */
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/**
 * Lots on a real Postgres, through the services the HTTP and Kafka controllers call: adjustments
 * naming lots, putaways, and reservations allocated first expiry first, released and consumed per
 * bin and lot, with the ledger agreeing with onHand per bin and lot.
 */
describe('lots in inventory (a real Postgres)', () => {
  let pool: Pool;
  let db: InventoryDatabase;
  let stock: StockService;
  let commands: StockCommands;
  let genealogy: GenealogyService;
  let traces: LotTraceService;
  let roundTrips = 0;
  const warehouseId = 'wh-lots';
  const merchantId = 'm-lots';

  beforeAll(async () => {
    const url = await freshMigratedDatabase(postgres, databaseName, join(__dirname, '../../prisma/migrations'));
    pool = createDatabasePool(url, { max: 3 });
    countSocketWrites(pool, () => roundTrips++);
    db = new InventoryDatabase(prismaOptionsFor(pool));
    stock = new StockService(db);
    commands = new StockCommands(db, new SqlDatabase(pool), new ReservationService(), new PutawayService());
    genealogy = new GenealogyService(new SqlDatabase(pool));
    traces = new LotTraceService(db);
    await pool.query(`INSERT INTO merchant (id, name) VALUES ($1, 'Lots Inc')`, [merchantId]);
    await pool.query(`INSERT INTO warehouse (id, code, name) VALUES ($1, 'WHL', 'Lots warehouse')`, [warehouseId]);
    await pool.query(`INSERT INTO location (warehouse_id, code) VALUES ($1, 'A-01'), ($1, 'A-02'), ($1, 'B-01')`, [warehouseId]);
    await pool.query(
      `INSERT INTO product (id, merchant_id, sku, name, lot_tracked) VALUES ('p1', $1, 'CREAM', 'Cream', true), ('p2', $1, 'BOX', 'Box', false),
              ('p3', $1, 'KIT', 'Kit', false), ('p4', $1, 'SERUM', 'Serum', true), ('p5', $1, 'GEL', 'Gel', true)`,
      [merchantId],
    );
  });

  afterAll(async () => {
    await db.$disconnect();
    await pool.end();
  });

  const adjust = (input: { sku: string; locationCode: string; quantity: number; lot?: { code: string; expiresOn?: string } }) =>
    stock.adjust({ warehouseId, merchantId, reason: 'test', ...input });

  async function adjusted(input: Parameters<typeof adjust>[0]) {
    const result = await adjust(input);
    if (isRefusal(result)) throw new Error(`refused: ${JSON.stringify(result)}`);
    return result;
  }

  /** Applies commands as the Kafka controller does and answers the replies they put in the outbox. */
  async function apply(...batch: Envelope[]): Promise<Envelope[]> {
    const before = Number((await pool.query(`SELECT coalesce(max(id), 0) AS id FROM outbox_message`)).rows[0].id);
    await commands.apply(batch as StockCommand[]);
    const rows = await pool.query(`SELECT envelope FROM outbox_message WHERE id > $1 AND topic = 'inventory.stock-replies' ORDER BY id`, [before]);
    return rows.rows.map((row) => row.envelope as Envelope);
  }

  const reserve = (sku: string, quantity: number, reservationId = randomUUID()) =>
    ReserveStock.create({ workOrderId: `wo-${reservationId}`, warehouseId, merchantId, lines: [{ reservationId, lineId: 'l1', sku, quantity }] }, context());
  const context = () => ({ correlationId: randomUUID(), key: `${warehouseId}:x` });

  async function bins(sku: string) {
    const rows = await pool.query(
      `SELECT location_code, lot_code, on_hand, reserved FROM stock_level WHERE merchant_id = $1 AND sku = $2 ORDER BY location_code, lot_code`,
      [merchantId, sku],
    );
    return rows.rows;
  }

  it('refuses an adjustment of a lot-tracked SKU without a lot, of an untracked SKU with one, and a known lot with another expiry, changing nothing', async () => {
    const fieldsOf = (result: unknown) => (result as Refusal & { errors: { field: string }[] }).errors.map((error) => error.field);
    expect(fieldsOf(await adjust({ sku: 'SERUM', locationCode: 'A-01', quantity: 5 }))).toEqual(['lot']);
    expect(fieldsOf(await adjust({ sku: 'BOX', locationCode: 'A-01', quantity: 5, lot: { code: 'L-1' } }))).toEqual(['lot']);
    await adjusted({ sku: 'SERUM', locationCode: 'A-01', quantity: 5, lot: { code: 'S-1', expiresOn: day(30) } });
    expect(fieldsOf(await adjust({ sku: 'SERUM', locationCode: 'A-01', quantity: 5, lot: { code: 'S-1', expiresOn: day(31) } }))).toEqual(['lot.expiresOn']);
    // Naming the known lot without its expiry is naming it: it keeps its own.
    expect(await adjusted({ sku: 'SERUM', locationCode: 'A-01', quantity: 1, lot: { code: 'S-1' } })).toMatchObject({
      lot: 'S-1',
      expiresOn: day(30),
      onHand: 6,
    });
    // A correction below what the lot has there is refused; a refused new lot is not created.
    expect(await adjust({ sku: 'SERUM', locationCode: 'A-01', quantity: -1, lot: { code: 'S-NEW', expiresOn: day(5) } })).toMatchObject({ kind: 'conflict' });
    expect((await pool.query(`SELECT code FROM lot WHERE sku = 'SERUM' ORDER BY code`)).rows).toEqual([{ code: 'S-1' }]);
    expect(await bins('SERUM')).toEqual([{ location_code: 'A-01', lot_code: 'S-1', on_hand: 6, reserved: 0 }]);
  });

  it('reserves the earliest expiry first, never an expired lot, and says what was available without it', async () => {
    await adjusted({ sku: 'CREAM', locationCode: 'A-01', quantity: 10, lot: { code: 'LATE', expiresOn: day(200) } });
    await adjusted({ sku: 'CREAM', locationCode: 'B-01', quantity: 3, lot: { code: 'SOON', expiresOn: day(10) } });
    await adjusted({ sku: 'CREAM', locationCode: 'A-02', quantity: 50, lot: { code: 'GONE', expiresOn: day(-1) } });
    await adjusted({ sku: 'CREAM', locationCode: 'A-02', quantity: 2, lot: { code: 'TODAY', expiresOn: day(0) } });

    const first = randomUUID();
    const [reserved] = await apply(reserve('CREAM', 6, first));
    expect(reserved).toMatchObject({
      type: 'inventory.StockReserved',
      payload: {
        lines: [
          {
            quantity: 6,
            allocations: [
              { locationCode: 'A-02', quantity: 2, lot: 'TODAY', expiresOn: day(0) },
              { locationCode: 'B-01', quantity: 3, lot: 'SOON', expiresOn: day(10) },
              { locationCode: 'A-01', quantity: 1, lot: 'LATE', expiresOn: day(200) },
            ],
          },
        ],
      },
    });
    const held = await pool.query(
      `SELECT location_code, lot_code, quantity FROM reservation_allocation WHERE reservation_id = $1 ORDER BY location_code, lot_code`,
      [first],
    );
    expect(held.rows).toEqual([
      { location_code: 'A-01', lot_code: 'LATE', quantity: 1 },
      { location_code: 'A-02', lot_code: 'TODAY', quantity: 2 },
      { location_code: 'B-01', lot_code: 'SOON', quantity: 3 },
    ]);
    // 9 of LATE are left; the 50 expired units are on hand but not available.
    const [rejected] = await apply(reserve('CREAM', 10));
    expect(rejected).toMatchObject({ type: 'inventory.StockReservationRejected', payload: { lines: [{ requested: 10, available: 9 }] } });
    expect((await bins('CREAM')).find((bin) => bin.lot_code === 'GONE')).toEqual({ location_code: 'A-02', lot_code: 'GONE', on_hand: 50, reserved: 0 });

    // A re-sent reserve answers what it answered, with the lots and their expiries.
    const [answered] = await apply(reserve('CREAM', 6, first));
    expect(answered!.payload).toEqual(reserved!.payload);
  });

  it('keeps a run of reservations of lot-tracked stock at two round trips, whatever its length', async () => {
    const cost = async (batch: Envelope[]) => {
      // The pool's connections are open already: only the transaction's writes are counted.
      await pool.query('SELECT 1');
      const before = roundTrips;
      await commands.apply(batch as StockCommand[]);
      return roundTrips - before;
    };
    await adjusted({ sku: 'GEL', locationCode: 'A-01', quantity: 5, lot: { code: 'G-1', expiresOn: day(40) } });
    await adjusted({ sku: 'GEL', locationCode: 'A-02', quantity: 5, lot: { code: 'G-2', expiresOn: day(20) } });
    const one = await cost([reserve('GEL', 1)]);
    // Several SKUs, a rejection among them, each deciding on what the ones before it took.
    const five = await cost([reserve('GEL', 2), reserve('GEL', 3), reserve('GEL', 50), reserve('GEL', 4), reserve('SERUM', 1)]);
    expect({ one, five }).toEqual({ one: 2, five: 2 });
    expect(await bins('GEL')).toEqual([
      { location_code: 'A-01', lot_code: 'G-1', on_hand: 5, reserved: 5 },
      { location_code: 'A-02', lot_code: 'G-2', on_hand: 5, reserved: 5 },
    ]);
  });

  it('releases per bin and lot, and consumes per bin and lot with a ledger row each naming the lot', async () => {
    const release = randomUUID();
    await apply(reserve('CREAM', 4, release));
    const reservedBefore = await bins('CREAM');
    await apply(ReleaseStock.create({ reservationId: release, warehouseId, sku: 'CREAM' }, context()));
    const afterRelease = await bins('CREAM');
    expect(afterRelease.map((bin) => bin.reserved).reduce((a, b) => a + b)).toBe(reservedBefore.map((bin) => bin.reserved).reduce((a, b) => a + b) - 4);

    const consume = randomUUID();
    const [reserved] = await apply(reserve('CREAM', 5, consume));
    expect((reserved!.payload as { lines: { allocations: unknown[] }[] }).lines[0]!.allocations).toEqual([
      { locationCode: 'A-01', quantity: 5, lot: 'LATE', expiresOn: day(200) },
    ]);
    const [consumed] = await apply(ConsumeReservation.create({ reservationId: consume, workOrderId: 'wo-consume', warehouseId, sku: 'CREAM' }, context()));
    expect(consumed).toMatchObject({
      type: 'inventory.ReservationConsumed',
      payload: { quantity: 5, consumed: [{ locationCode: 'A-01', quantity: 5, lot: 'LATE', expiresOn: day(200) }] },
    });
    const ledger = await pool.query(`SELECT location_code, lot_code, quantity FROM stock_movement WHERE kind = 'CONSUMPTION' AND reference = 'wo-consume'`);
    expect(ledger.rows).toEqual([{ location_code: 'A-01', lot_code: 'LATE', quantity: -5 }]);
    // A re-sent consume answers the same lots, and consumes nothing more.
    const [again] = await apply(ConsumeReservation.create({ reservationId: consume, workOrderId: 'wo-consume', warehouseId, sku: 'CREAM' }, context()));
    expect(again!.payload).toEqual(consumed!.payload);
    expect((await pool.query(`SELECT count(*)::int AS n FROM stock_movement WHERE reference = 'wo-consume'`)).rows[0].n).toBe(1);
  });

  it('puts away a lot-tracked SKU under its lot (the inbound order when none), keeping a known lot its first expiry; an untracked SKU without a lot but recorded', async () => {
    const putAway = (payload: Partial<{ sku: string; lot: string; expiresOn: string; quantity: number; locationCode: string }>) =>
      PutAwayStock.create(
        { putawayId: randomUUID(), inboundOrderId: 'in-1', warehouseId, merchantId, sku: 'CREAM', locationCode: 'B-01', quantity: 2, ...payload },
        context(),
      );
    // SOON is known with expiry day(10): a putaway naming it with another expiry is shelved, not dead-lettered.
    await apply(putAway({ lot: 'SOON', expiresOn: day(99) }), putAway({}), putAway({ sku: 'KIT', lot: 'WO-WHL-00001', locationCode: 'A-01', quantity: 3 }));
    expect((await pool.query(`SELECT expires_on::text AS e FROM lot WHERE sku = 'CREAM' AND code = 'SOON'`)).rows).toEqual([{ e: day(10) }]);
    expect((await bins('CREAM')).filter((bin) => bin.location_code === 'B-01')).toEqual([
      { location_code: 'B-01', lot_code: 'SOON', on_hand: 5, reserved: 3 },
      { location_code: 'B-01', lot_code: 'in-1', on_hand: 2, reserved: 0 },
    ]);
    expect(await bins('KIT')).toEqual([{ location_code: 'A-01', lot_code: '', on_hand: 3, reserved: 0 }]);
    const kit = await pool.query(
      `SELECT p.lot_code AS putaway_lot, m.lot_code AS ledger_lot FROM putaway p JOIN stock_movement m ON m.reference = p.inbound_order_id AND m.sku = p.sku WHERE p.sku = 'KIT'`,
    );
    expect(kit.rows).toEqual([{ putaway_lot: 'WO-WHL-00001', ledger_lot: 'WO-WHL-00001' }]);
  });

  it('shows stock per location and lot, earliest expiry first, expired lots flagged and not available', async () => {
    const { items } = await stock.query({ warehouseId, merchantId, sku: 'CREAM', page: 1, pageSize: 50 });
    const [row] = items;
    expect(row).toMatchObject({ sku: 'CREAM', lotTracked: true });
    const a02 = row!.locations.find((location) => location.locationCode === 'A-02')!;
    expect(a02.lots.map((lot) => [lot.lot, lot.expired, lot.available])).toEqual([
      ['GONE', true, 0],
      ['TODAY', false, 0],
    ]);
    expect(a02).toMatchObject({ onHand: 52, available: 0 });
    const onHand = row!.locations.flatMap((location) => location.lots).reduce((sum, lot) => sum + lot.onHand, 0);
    expect(row!.onHand).toBe(onHand);
    expect(row!.available).toBe(row!.locations.reduce((sum, location) => sum + location.available, 0));
    expect(row!.available).toBe(row!.onHand - row!.reserved - 50);
    const { items: kit } = await stock.query({ sku: 'KIT', page: 1, pageSize: 50 });
    expect(kit[0]).toMatchObject({ lotTracked: false, locations: [{ locationCode: 'A-01', lots: [] }] });
    expect(
      (await stock.movements({ sku: 'CREAM', lot: 'SOON', page: 1, pageSize: 50 })).items.map((movement) => [movement.kind, movement.lot, movement.quantity]),
    ).toEqual([
      ['ADJUSTMENT', 'SOON', 3],
      ['PUTAWAY', 'SOON', 2],
    ]);
  });

  it('keeps onHand equal to the ledger per bin and lot (an untracked SKU counts its putaways at no lot)', async () => {
    const mismatches = await pool.query(
      `SELECT coalesce(s.sku, m.sku) AS sku, coalesce(s.location_code, m.location_code) AS location_code, coalesce(s.lot_code, m.lot_code) AS lot_code,
              coalesce(s.on_hand, 0) AS on_hand, coalesce(m.total, 0)::int AS ledger
         FROM stock_level s
         FULL JOIN (SELECT m.warehouse_id, m.merchant_id, m.sku, m.location_code,
                           CASE WHEN p.lot_tracked THEN coalesce(m.lot_code, '') ELSE '' END AS lot_code, sum(m.quantity) AS total
                      FROM stock_movement m LEFT JOIN product p ON p.merchant_id = m.merchant_id AND p.sku = m.sku GROUP BY 1, 2, 3, 4, 5) m
           ON m.warehouse_id = s.warehouse_id AND m.merchant_id = s.merchant_id AND m.sku = s.sku AND m.location_code = s.location_code AND m.lot_code = s.lot_code
        WHERE coalesce(s.on_hand, 0) <> coalesce(m.total, 0)`,
    );
    expect(mismatches.rows).toEqual([]);
    expect(Number((await pool.query(`SELECT count(*) AS n FROM stock_level`)).rows[0].n)).toBeGreaterThan(5);
    expect(todayUtc(new Date('2026-12-01T23:59:59.999Z'))).toBe('2026-12-01');
  });

  const completed = (workOrderId: string, payload: Partial<Parameters<typeof WorkOrderCompleted.create>[0]>) =>
    WorkOrderCompleted.create(
      { workOrderId, number: `WO-${workOrderId}`, merchantId, warehouseId, inboundOrderId: 'in-1', outputs: [], consumed: [], pickingListIds: [], ...payload },
      { correlationId: randomUUID(), key: workOrderId },
    );

  it('records each completed work order once, however often its completion arrives', async () => {
    const event = completed('wo-a', {
      outputs: [{ sku: 'KIT', quantity: 3, lot: 'WO-WHL-00001' }],
      consumed: [
        { sku: 'CREAM', locationCode: 'A-01', quantity: 5, lot: 'LATE', expiresOn: day(200) },
        { sku: 'BOX', locationCode: 'A-01', quantity: 2 },
        { sku: 'BOX', locationCode: 'A-02', quantity: 1 },
      ],
      pickingListIds: ['pl-1'],
    });
    // Delivered twice, and published again under a new message id.
    await genealogy.record([event]);
    await genealogy.record([event, { ...event, id: randomUUID() }]);
    // A renamed finished lot: completion gave WO-WHL-00002, the receiver shelved RCV-7 for in-2.
    await genealogy.record([completed('wo-b', { inboundOrderId: 'in-2', outputs: [{ sku: 'SERUM', quantity: 4, lot: 'WO-WHL-00002' }], consumed: [] })]);
    await apply(
      PutAwayStock.create(
        {
          putawayId: randomUUID(),
          inboundOrderId: 'in-2',
          warehouseId,
          merchantId,
          sku: 'SERUM',
          locationCode: 'B-01',
          quantity: 4,
          lot: 'RCV-7',
          expiresOn: day(60),
        },
        context(),
      ),
    );
    const rows = await pool.query(`SELECT work_order_id, inbound_order_id, outputs, picking_list_ids FROM work_order_genealogy ORDER BY work_order_id`);
    expect(rows.rows).toEqual([
      { work_order_id: 'wo-a', inbound_order_id: 'in-1', outputs: [{ sku: 'KIT', quantity: 3, lot: 'WO-WHL-00001' }], picking_list_ids: ['pl-1'] },
      { work_order_id: 'wo-b', inbound_order_id: 'in-2', outputs: [{ sku: 'SERUM', quantity: 4, lot: 'WO-WHL-00002' }], picking_list_ids: [] },
    ]);
  });

  it('traces a component lot up to the work orders that used it and the finished lots they made', async () => {
    const trace = await traces.trace({ merchantId, sku: 'CREAM', lot: 'LATE', direction: 'up' });
    expect(trace).toMatchObject({ merchantId, sku: 'CREAM', lot: 'LATE', direction: 'up', expiresOn: day(200) });
    expect((trace as { workOrders: unknown[] }).workOrders).toEqual([
      {
        workOrderId: 'wo-a',
        number: 'WO-wo-a',
        warehouseId,
        inboundOrderId: 'in-1',
        pickingListIds: ['pl-1'],
        completedAt: expect.any(String),
        components: [
          { sku: 'CREAM', lot: 'LATE', expiresOn: day(200), quantity: 5, locations: [{ locationCode: 'A-01', quantity: 5 }] },
          {
            sku: 'BOX',
            lot: null,
            expiresOn: null,
            quantity: 3,
            locations: [
              { locationCode: 'A-01', quantity: 2 },
              { locationCode: 'A-02', quantity: 1 },
            ],
          },
        ],
        // KIT is not lot-tracked: shelved without a lot, so where it is now is not known by lot.
        outputs: [{ sku: 'KIT', lot: 'WO-WHL-00001', expiresOn: null, quantity: 3, putAway: [{ locationCode: 'A-01', quantity: 3 }], onHand: [] }],
      },
    ]);
  });

  it('traces a finished lot down to the work order that made it, also under the lot the receiver named', async () => {
    const kit = await traces.trace({ merchantId, sku: 'KIT', lot: 'WO-WHL-00001', direction: 'down' });
    expect(
      (kit as { workOrders: { workOrderId: string; components: { lot: string | null }[] }[] }).workOrders.map((order) => [
        order.workOrderId,
        order.components.map((c) => c.lot),
      ]),
    ).toEqual([['wo-a', ['LATE', null]]]);
    const renamed = await traces.trace({ merchantId, sku: 'SERUM', lot: 'RCV-7', direction: 'down' });
    expect(renamed).toMatchObject({
      expiresOn: day(60),
      workOrders: [
        {
          workOrderId: 'wo-b',
          inboundOrderId: 'in-2',
          outputs: [
            {
              sku: 'SERUM',
              lot: 'RCV-7',
              expiresOn: day(60),
              quantity: 4,
              putAway: [{ locationCode: 'B-01', quantity: 4 }],
              onHand: [{ locationCode: 'B-01', quantity: 4 }],
            },
          ],
        },
      ],
    });
    // A component lot traced down made nothing itself: known, with an empty trace.
    expect(await traces.trace({ merchantId, sku: 'CREAM', lot: 'LATE', direction: 'down' })).toMatchObject({ workOrders: [] });
  });

  it('records a completion published as v1 (upcast: outputs without lots, nothing consumed), traced down by what was shelved', async () => {
    const v1 = { workOrderId: 'wo-old', number: 'WO-OLD', merchantId, warehouseId, inboundOrderId: 'in-old', outputs: [{ sku: 'KIT', quantity: 2 }] };
    const read = readPayload(WorkOrderCompleted, 1, v1);
    if (!read.ok) throw new Error('v1 should upcast');
    await genealogy.record([{ ...completed('wo-old', {}), payload: read.payload as Parameters<typeof WorkOrderCompleted.create>[0] }]);
    // Before lots, the putaway named none; a receiver's code for this inbound order finds the order.
    await apply(
      PutAwayStock.create(
        { putawayId: randomUUID(), inboundOrderId: 'in-old', warehouseId, merchantId, sku: 'KIT', locationCode: 'B-01', quantity: 2, lot: 'OLD-7' },
        context(),
      ),
    );
    expect(await traces.trace({ merchantId, sku: 'KIT', lot: 'OLD-7', direction: 'down' })).toMatchObject({
      workOrders: [
        { workOrderId: 'wo-old', components: [], outputs: [{ sku: 'KIT', lot: 'OLD-7', quantity: 2, putAway: [{ locationCode: 'B-01', quantity: 2 }] }] },
      ],
    });
  });

  it('answers an unknown lot, or one of another merchant, as not found', async () => {
    expect(await traces.trace({ merchantId, sku: 'CREAM', lot: 'NEVER', direction: 'down' })).toMatchObject({ kind: 'notFound' });
    expect(await traces.trace({ merchantId: 'm-other', sku: 'CREAM', lot: 'LATE', direction: 'up' })).toMatchObject({ kind: 'notFound' });
  });
});
