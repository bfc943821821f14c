import { Counter } from 'prom-client';
import { metricsRegistry } from './registry';

const reservationsTotal = new Counter({
  name: 'reservations_total',
  help: 'Stock reservations decided, by outcome (reserved, rejected); a re-sent command is not counted again.',
  labelNames: ['outcome'] as const,
  registers: [metricsRegistry],
});
// Unlabelled, so it shows a 0 once registered: registered by inventory only (register()).
const unitsShortTotal = new Counter({
  name: 'reservation_units_short_total',
  help: 'Units requested by rejected reservations beyond what was available.',
  registers: [],
});

/** What a run of reservations decided, counted once its transaction committed. */
export interface ReservationTally {
  reserved: number;
  rejected: number;
  unitsShort: number;
}

export const newReservationTally = (): ReservationTally => ({ reserved: 0, rejected: 0, unitsShort: 0 });

export const reservationMetrics = {
  /** Shows both outcomes at zero from the start, so rates and alerts have a series. */
  register(): void {
    if (!metricsRegistry.getSingleMetric('reservation_units_short_total')) metricsRegistry.registerMetric(unitsShortTotal);
    reservationsTotal.labels('reserved').inc(0);
    reservationsTotal.labels('rejected').inc(0);
  },
  record(tally: ReservationTally): void {
    if (tally.reserved > 0) reservationsTotal.labels('reserved').inc(tally.reserved);
    if (tally.rejected > 0) reservationsTotal.labels('rejected').inc(tally.rejected);
    if (tally.unitsShort > 0) unitsShortTotal.inc(tally.unitsShort);
  },
};
