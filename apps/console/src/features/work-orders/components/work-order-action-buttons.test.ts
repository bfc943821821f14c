import { describe, expect, it } from 'vitest';
import { detailRefetchInterval, workOrderActionButtons } from './work-order-action-buttons';
import { workOrderDetailFixture } from './work-order-detail-fixture';

const shown = (order: Parameters<typeof workOrderActionButtons>[0], busy = false) =>
  workOrderActionButtons(order, busy).map((button) => [button.label, button.enabled]);

describe('workOrderActionButtons', () => {
  it('Draft: Edit, Confirm, Cancel Work Order', () => {
    expect(shown({ status: 'DRAFT', pendingAction: null, allowedActions: ['edit', 'confirm', 'cancel'] })).toEqual([
      ['Edit', true],
      ['Confirm', true],
      ['Cancel Work Order', true],
    ]);
  });

  it('Out of Stock: Edit, Retry Allocation, Cancel Work Order', () => {
    expect(shown({ status: 'OUT_OF_STOCK', pendingAction: null, allowedActions: ['edit', 'retryAllocation', 'cancel'] })).toEqual([
      ['Edit', true],
      ['Retry Allocation', true],
      ['Cancel Work Order', true],
    ]);
  });

  it('Allocated: Create Picking List, Cancel Work Order', () => {
    expect(shown({ status: 'ALLOCATED', pendingAction: null, allowedActions: ['createPickingList', 'cancel'] })).toEqual([
      ['Create Picking List', true],
      ['Cancel Work Order', true],
    ]);
  });

  it('Processing with picking open: Complete and Cancel Work Order shown disabled, each with the API reason', () => {
    const buttons = workOrderActionButtons({
      status: 'PROCESSING',
      pendingAction: null,
      allowedActions: [],
      blockedActions: [
        { action: 'complete', reason: 'Picking is not done yet' },
        { action: 'cancel', reason: 'A picking list is in progress' },
      ],
    });
    expect(buttons).toEqual([
      { action: 'complete', label: 'Complete', enabled: false, reason: 'Picking is not done yet' },
      { action: 'cancel', label: 'Cancel Work Order', enabled: false, reason: 'A picking list is in progress' },
    ]);
  });

  it('Processing with picking done: Complete enabled', () => {
    expect(
      shown({ status: 'PROCESSING', pendingAction: null, allowedActions: ['complete'], blockedActions: [{ action: 'cancel', reason: 'picking first' }] }),
    ).toEqual([
      ['Complete', true],
      ['Cancel Work Order', false],
    ]);
  });

  it('Processing without blockedActions from the API: its own reasons', () => {
    const [complete, cancel] = workOrderActionButtons({ status: 'PROCESSING', pendingAction: null, allowedActions: [] });
    expect(complete?.reason).toMatch(/picking list .* must be done/);
    expect(cancel?.reason).toMatch(/picking list must be handled first/);
  });

  it('Completed and Canceled: no buttons', () => {
    expect(workOrderActionButtons({ status: 'COMPLETED', pendingAction: null, allowedActions: [] })).toEqual([]);
    expect(workOrderActionButtons({ status: 'CANCELED', pendingAction: null, allowedActions: [] })).toEqual([]);
  });

  it('pending: the status’s buttons stay, all disabled, with no reason (the step in flight is the reason)', () => {
    const buttons = workOrderActionButtons({ status: 'DRAFT', pendingAction: 'allocating', allowedActions: [] });
    expect(buttons.map((button) => [button.label, button.enabled, button.reason])).toEqual([
      ['Edit', false, null],
      ['Confirm', false, null],
      ['Cancel Work Order', false, null],
    ]);
  });

  it('busy (an accepted action not visible yet): all disabled even if the API still allows them', () => {
    expect(shown({ status: 'ALLOCATED', pendingAction: null, allowedActions: ['createPickingList', 'cancel'] }, true)).toEqual([
      ['Create Picking List', false],
      ['Cancel Work Order', false],
    ]);
  });
});

describe('detailRefetchInterval', () => {
  it('polls every second while a step is in flight or an accepted action has not shown yet', () => {
    expect(detailRefetchInterval(workOrderDetailFixture({ pendingAction: 'allocating' }), false)).toBe(1_000);
    expect(detailRefetchInterval(workOrderDetailFixture({ status: 'ALLOCATED' }), true)).toBe(1_000);
  });

  it('polls every 3 s while Processing and Complete is not allowed yet', () => {
    expect(detailRefetchInterval(workOrderDetailFixture({ status: 'PROCESSING', allowedActions: [] }), false)).toBe(3_000);
    expect(detailRefetchInterval(workOrderDetailFixture({ status: 'PROCESSING', allowedActions: ['complete'] }), false)).toBe(false);
  });

  it('polls every 5 s after completion until the finished goods are put away', () => {
    const inbound = (status: 'RECEIVING' | 'PUT_AWAY') => ({ id: 'in-1', status, lines: [] });
    expect(detailRefetchInterval(workOrderDetailFixture({ status: 'COMPLETED', allowedActions: [], inboundOrder: inbound('RECEIVING') }), false)).toBe(5_000);
    expect(detailRefetchInterval(workOrderDetailFixture({ status: 'COMPLETED', allowedActions: [], inboundOrder: inbound('PUT_AWAY') }), false)).toBe(false);
  });

  it('does not poll a settled Draft, Allocated or Canceled order', () => {
    expect(detailRefetchInterval(workOrderDetailFixture(), false)).toBe(false);
    expect(detailRefetchInterval(workOrderDetailFixture({ status: 'ALLOCATED' }), false)).toBe(false);
    expect(detailRefetchInterval(workOrderDetailFixture({ status: 'CANCELED' }), false)).toBe(false);
    expect(detailRefetchInterval(undefined, false)).toBe(false);
  });
});
