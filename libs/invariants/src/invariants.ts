import { Client } from 'pg';
import { databaseUrl, type SystemOptions } from '@wo/dev-system';

/** What the invariant check found: each violation in words, and the figures an operator wants. */
export interface InvariantReport {
  readonly violations: string[];
  readonly figures: {
    workOrders: Record<string, number>;
    sagas: Record<string, number>;
    /** Allocation sagas that released reserved lines before ending Out of Stock. */
    compensatedSagas: number;
    pendingActions: number;
    outboxBacklog: Record<string, number>;
    oversoldUnits: number;
    bins: number;
    ledgerRows: number;
  };
}

type Row = Record<string, unknown>;

/**
 * Checks DESIGN.md's invariants against the live databases of every service:
 * stock never negative and reserved within onHand per bin; onHand equal to the ledger and reserved
 * equal to what RESERVED reservations hold, per bin and lot; no reservation on a lot expired when
 * it was made; reservations held only by Allocated and Processing
 * orders and matching their materials, each line reserved once at most; a Completed order's
 * materials consumed exactly once and exactly one inbound order for it; what inbound counts as put
 * away shelved by inventory, no more, no less; no saga left mid-step and no
 * order with an action in flight; no Out of Stock order with auto-retry first in line for stock
 * that would cover it.
 */
export async function checkInvariants(options: SystemOptions, { settled = true } = {}): Promise<InvariantReport> {
  const connect = async (service: 'inventory' | 'work-orders' | 'picking' | 'inbound') => {
    const client = new Client({ connectionString: databaseUrl(options, service) });
    await client.connect();
    return client;
  };
  const [inventory, workOrders, inbound] = [await connect('inventory'), await connect('work-orders'), await connect('inbound')];
  const picking = await connect('picking');
  const violations: string[] = [];
  const rows = async (client: Client, sql: string) => (await client.query(sql)).rows as Row[];
  const count = async (client: Client, sql: string) => Number((await rows(client, sql))[0]!['n']);

  try {
    // Stock per bin.
    const badBins = await rows(
      inventory,
      `SELECT warehouse_id, sku, location_code, on_hand, reserved FROM stock_level WHERE on_hand < 0 OR reserved < 0 OR reserved > on_hand`,
    );
    for (const bin of badBins) violations.push(`bin ${bin['sku']}@${bin['location_code']}: onHand ${bin['on_hand']}, reserved ${bin['reserved']}`);
    const oversoldUnits = await count(inventory, `SELECT coalesce(sum(greatest(reserved - on_hand, 0) + greatest(-on_hand, 0)), 0) AS n FROM stock_level`);

    // Per bin and lot: a lot-tracked SKU's movements name the lot they moved; an untracked SKU is
    // held without lots, though its finished-goods putaways record the lot they were given.
    const ledgerMismatch = await rows(
      inventory,
      `SELECT coalesce(s.sku, m.sku) AS sku, coalesce(s.location_code, m.location_code) AS location_code, coalesce(s.lot_code, m.lot_code) AS lot_code,
              coalesce(s.on_hand, 0) AS on_hand, coalesce(m.total, 0) AS ledger
         FROM stock_level s
         FULL JOIN (SELECT m.warehouse_id, m.merchant_id, m.sku, m.location_code,
                           CASE WHEN p.lot_tracked THEN coalesce(m.lot_code, '') ELSE '' END AS lot_code, sum(m.quantity) AS total
                      FROM stock_movement m LEFT JOIN product p ON p.merchant_id = m.merchant_id AND p.sku = m.sku GROUP BY 1, 2, 3, 4, 5) m
           ON m.warehouse_id = s.warehouse_id AND m.merchant_id = s.merchant_id AND m.sku = s.sku AND m.location_code = s.location_code
              AND m.lot_code = s.lot_code
        WHERE coalesce(s.on_hand, 0) <> coalesce(m.total, 0)`,
    );
    for (const bin of ledgerMismatch) violations.push(`bin ${binName(bin)}: onHand ${bin['on_hand']} but the ledger sums to ${bin['ledger']}`);

    const reservedMismatch = await rows(
      inventory,
      `SELECT s.sku, s.location_code, s.lot_code, s.reserved, coalesce(h.held, 0) AS held
         FROM stock_level s
         LEFT JOIN (SELECT r.warehouse_id, r.merchant_id, r.sku, a.location_code, a.lot_code, sum(a.quantity) AS held
                      FROM reservation r JOIN reservation_allocation a ON a.reservation_id = r.id
                     WHERE r.status = 'RESERVED' GROUP BY 1, 2, 3, 4, 5) h
           ON h.warehouse_id = s.warehouse_id AND h.merchant_id = s.merchant_id AND h.sku = s.sku AND h.location_code = s.location_code
              AND h.lot_code = s.lot_code
        WHERE s.reserved <> coalesce(h.held, 0)`,
    );
    for (const bin of reservedMismatch) violations.push(`bin ${binName(bin)}: reserved ${bin['reserved']} but reservations hold ${bin['held']}`);

    // FEFO never takes an expired lot: no reservation holds (or held) a lot that had expired the day it was made (UTC).
    const expiredHeld = await rows(
      inventory,
      `SELECT r.id, r.sku, a.location_code, a.lot_code, l.expires_on::text AS expires_on, (r.created_at AT TIME ZONE 'UTC')::date::text AS reserved_on
         FROM reservation r JOIN reservation_allocation a ON a.reservation_id = r.id
         JOIN lot l ON l.merchant_id = r.merchant_id AND l.sku = r.sku AND l.code = a.lot_code
        WHERE l.expires_on < (r.created_at AT TIME ZONE 'UTC')::date`,
    );
    for (const held of expiredHeld)
      violations.push(
        `reservation ${held['id']}: holds lot ${held['lot_code']} of ${held['sku']}, expired on ${held['expires_on']}, reserved on ${held['reserved_on']}`,
      );

    // Work orders against what inventory holds and consumed, and against inbound.
    const orders = await rows(workOrders, `SELECT id, number, status, pending_action FROM work_order`);
    const materials = groupBy(await rows(workOrders, `SELECT work_order_id, sku, quantity FROM work_order_line WHERE kind = 'MATERIAL'`), 'work_order_id');
    const held = groupBy(
      await rows(inventory, `SELECT work_order_id, sku, sum(quantity)::int AS quantity FROM reservation WHERE status = 'RESERVED' GROUP BY 1, 2`),
      'work_order_id',
    );
    const consumed = groupBy(
      await rows(
        inventory,
        `SELECT reference AS work_order_id, sku, (-sum(quantity))::int AS quantity FROM stock_movement WHERE kind = 'CONSUMPTION' GROUP BY 1, 2`,
      ),
      'work_order_id',
    );
    const inboundCounts = new Map(
      (await rows(inbound, `SELECT source_id, count(*)::int AS n FROM inbound_order WHERE source = 'WORK_ORDER' GROUP BY 1`)).map((row) => [
        row['source_id'] as string,
        row['n'] as number,
      ]),
    );
    const byStatus: Record<string, number> = {};
    for (const order of orders) {
      const id = order['id'] as string;
      const status = order['status'] as string;
      byStatus[status] = (byStatus[status] ?? 0) + 1;
      const label = `work order ${order['number']} (${status}${order['pending_action'] ? `, ${order['pending_action']}` : ''})`;
      if (settled && order['pending_action']) violations.push(`${label}: still has an action in flight`);
      if (order['pending_action']) continue; // mid-saga: holdings are in motion
      const wanted = lines(materials.get(id));
      const holds = lines(held.get(id));
      const consumes = lines(consumed.get(id));
      const holding = status === 'ALLOCATED' || status === 'PROCESSING';
      if (holding && holds !== wanted) violations.push(`${label}: holds ${holds || 'nothing'}, needs ${wanted}`);
      if (!holding && holds) violations.push(`${label}: still holds ${holds}`);
      if (status === 'COMPLETED') {
        if (consumes !== wanted) violations.push(`${label}: consumed ${consumes || 'nothing'}, materials are ${wanted}`);
        if (inboundCounts.get(id) !== 1) violations.push(`${label}: has ${inboundCounts.get(id) ?? 0} inbound orders, not exactly one`);
      } else {
        if (consumes) violations.push(`${label}: consumed ${consumes} without being completed`);
        if (inboundCounts.has(id)) violations.push(`${label}: has an inbound order without being completed`);
      }
    }

    // No order allocated twice: one held reservation per material line at most, on both sides.
    const doubleHeld = [
      ...(await rows(inventory, `SELECT work_order_id, line_id FROM reservation WHERE status = 'RESERVED' GROUP BY 1, 2 HAVING count(*) > 1`)),
      ...(await rows(workOrders, `SELECT work_order_id, line_id FROM work_order_reservation WHERE status = 'HELD' GROUP BY 1, 2 HAVING count(*) > 1`)),
    ];
    for (const line of doubleHeld) violations.push(`work order ${line['work_order_id']}: line ${line['line_id']} is reserved more than once`);

    // No waiting order skipped: once everything settled, the first in line of each re-allocation
    // queue (Out of Stock, auto-retry, short of the SKU; turn as domain/reallocation-queue.ts byTurn)
    // needs more of the SKU than is available, or the queue would have retried it.
    if (settled) {
      const firstInLine = await rows(
        workOrders,
        `SELECT DISTINCT ON (o.warehouse_id, o.merchant_id, s.sku) o.number, o.warehouse_id, o.merchant_id, s.sku,
                (SELECT sum(l.quantity)::int FROM work_order_line l WHERE l.work_order_id = o.id AND l.kind = 'MATERIAL' AND l.sku = s.sku) AS needed
           FROM work_order o CROSS JOIN LATERAL (SELECT DISTINCT e->>'sku' AS sku FROM jsonb_array_elements(o.shortages) e) s
          WHERE o.status = 'OUT_OF_STOCK' AND o.auto_retry AND o.pending_action IS NULL
          ORDER BY o.warehouse_id, o.merchant_id, s.sku, o.priority DESC, o.scheduled_at ASC NULLS LAST, o.created_at, o.id`,
      );
      const available = new Map(
        // Expired lots are on hand but never available.
        (
          await rows(
            inventory,
            // bigint: each bin fits an int, a SKU's sum over bins may not.
            `SELECT s.warehouse_id, s.merchant_id, s.sku, sum(s.on_hand - s.reserved)::bigint AS available
               FROM stock_level s LEFT JOIN lot l ON l.merchant_id = s.merchant_id AND l.sku = s.sku AND l.code = s.lot_code
              WHERE l.expires_on IS NULL OR l.expires_on >= (now() AT TIME ZONE 'UTC')::date GROUP BY 1, 2, 3`,
          )
        ).map((row) => [`${row['warehouse_id']}|${row['merchant_id']}|${row['sku']}`, Number(row['available'])]),
      );
      for (const first of firstInLine) {
        const free = available.get(`${first['warehouse_id']}|${first['merchant_id']}|${first['sku']}`) ?? 0;
        if (free >= Number(first['needed']))
          violations.push(`work order ${first['number']}: first in line for ${first['sku']} (needs ${first['needed']}) while ${free} are available`);
      }
    }

    // No putaway lost or doubled: what inbound counts as put away (its putaways inventory did not
    // refuse) is what inventory shelved, per inbound order and SKU, once every reply has arrived.
    if (settled) {
      const shelvedBy = async (client: Client, sql: string) =>
        new Map((await rows(client, sql)).map((row) => [`${row['inbound_order_id']}|${row['sku']}`, Number(row['quantity'])]));
      const counted = await shelvedBy(
        inbound,
        `SELECT inbound_order_id, sku, sum(quantity)::bigint AS quantity FROM inbound_putaway WHERE refused_at IS NULL GROUP BY 1, 2`,
      );
      const shelved = await shelvedBy(inventory, `SELECT inbound_order_id, sku, sum(quantity)::bigint AS quantity FROM putaway GROUP BY 1, 2`);
      for (const key of new Set([...counted.keys(), ...shelved.keys()])) {
        if (counted.get(key) !== shelved.get(key)) {
          violations.push(
            `inbound order ${key.replace('|', ', SKU ')}: inbound counts ${counted.get(key) ?? 0} put away, inventory shelved ${shelved.get(key) ?? 0}`,
          );
        }
      }
    }

    const sagas = Object.fromEntries(
      (await rows(workOrders, `SELECT state, count(*)::int AS n FROM saga_instance GROUP BY 1`)).map((row) => [row['state'], row['n']]),
    ) as Record<string, number>;
    if (settled && (sagas['RUNNING'] ?? 0) > 0) violations.push(`${sagas['RUNNING']} saga(s) still mid-step`);
    if ((sagas['STUCK'] ?? 0) > 0) violations.push(`${sagas['STUCK']} saga(s) stuck`);

    const outboxBacklog: Record<string, number> = {};
    for (const [name, client] of [
      ['inventory', inventory],
      ['work-orders', workOrders],
      ['picking', picking],
      ['inbound', inbound],
    ] as const) {
      outboxBacklog[name] = await count(client, `SELECT count(*)::int AS n FROM outbox_message`);
      if (settled && outboxBacklog[name]! > 0) violations.push(`${name}: ${outboxBacklog[name]} message(s) not yet published`);
    }

    return {
      violations,
      figures: {
        workOrders: byStatus,
        sagas,
        compensatedSagas: await count(
          workOrders,
          `SELECT count(*)::int AS n FROM saga_instance WHERE type = 'allocation' AND phase = 'outOfStock' AND data::text LIKE '%"state": "released"%'`,
        ),
        pendingActions: orders.filter((order) => order['pending_action']).length,
        outboxBacklog,
        oversoldUnits,
        bins: await count(inventory, `SELECT count(*)::int AS n FROM stock_level`),
        ledgerRows: await count(inventory, `SELECT count(*)::int AS n FROM stock_movement`),
      },
    };
  } finally {
    await Promise.all([inventory, workOrders, inbound, picking].map((client) => client.end()));
  }
}

function groupBy(rows: Row[], key: string): Map<string, Row[]> {
  const groups = new Map<string, Row[]>();
  for (const row of rows) groups.set(row[key] as string, [...(groups.get(row[key] as string) ?? []), row]);
  return groups;
}

/** A canonical text of SKU quantities, so two holdings compare as strings. */
function lines(rows: Row[] | undefined): string {
  const totals = new Map<string, number>();
  for (const row of rows ?? []) totals.set(row['sku'] as string, (totals.get(row['sku'] as string) ?? 0) + Number(row['quantity']));
  return [...totals]
    .filter(([, quantity]) => quantity !== 0)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([sku, quantity]) => `${sku}x${quantity}`)
    .join(' ');
}

/** A bin of a SKU, with its lot when it has one. */
function binName(bin: Row): string {
  return `${bin['sku']}@${bin['location_code']}${bin['lot_code'] ? ` lot ${bin['lot_code']}` : ''}`;
}
