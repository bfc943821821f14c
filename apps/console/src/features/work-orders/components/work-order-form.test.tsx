import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../../testing/render';
import { WorkOrderForm } from './work-order-form';

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json' } });
const at = '2026-12-01T00:00:00.000Z';
const merchant = { id: 'm1', name: 'Acme Gifts', createdAt: at };
const warehouse = { id: 'wh1', code: 'WH1', name: 'Main warehouse', createdAt: at, locations: [] };
const bom = {
  id: 'bom-1',
  merchantId: 'm1',
  name: 'Holiday gift set',
  outputs: [{ sku: 'GIFT-SET-HOLIDAY', quantity: 1 }],
  materials: [
    { sku: 'GIFT-BOX', quantity: 1 },
    { sku: 'CHOC-BAR', quantity: 2 },
  ],
  createdAt: at,
  updatedAt: at,
};

let posted: unknown[] = [];
let createAnswer: () => Response;

beforeEach(() => {
  posted = [];
  createAnswer = () => json({ id: 'wo-1' }, 201);
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string, init?: RequestInit) => {
      const url = new URL(input, 'http://console.test');
      if (init?.method === 'POST' && url.pathname === '/work-orders') {
        posted.push(JSON.parse(String(init.body)));
        return createAnswer();
      }
      if (url.pathname === '/merchants') return json([merchant]);
      if (url.pathname === '/warehouses') return json([warehouse]);
      if (url.pathname === '/boms') return json([bom]);
      if (url.pathname === '/products') return json([]);
      if (url.pathname === '/work-orders/number-suggestion') return json({ number: 'WO-WH1-00010' });
      return json({ type: 'about:blank', title: 'Not Found', status: 404 }, 404);
    }),
  );
});
afterEach(() => vi.unstubAllGlobals());

async function applyHolidaySet(user: ReturnType<typeof userEvent.setup>, sets: string) {
  await user.click(await screen.findByRole('button', { name: 'Apply BOM' }));
  // Chosen from the keyboard: jsdom leaves Mantine's dropdown in its closed transition state.
  const recipe = await screen.findByRole('combobox', { name: 'BOM' });
  await user.click(recipe);
  await waitFor(() => expect(screen.getAllByRole('option', { hidden: true })).not.toHaveLength(0));
  await user.type(recipe, 'Holiday{ArrowDown}{Enter}');
  expect(recipe).toHaveValue('Holiday gift set');
  const setsInput = screen.getByRole('textbox', { name: 'Sets' });
  await user.clear(setsInput);
  await user.type(setsInput, sets);
  await user.click(screen.getByRole('button', { name: 'Apply' }));
}

// Mantine's inputs are slow to type into under jsdom on a busy machine.
describe('WorkOrderForm', { timeout: 60_000 }, () => {
  it('fills both sections from a BOM times the sets and sends the recipe while untouched', async () => {
    const user = userEvent.setup();
    renderWithProviders(<WorkOrderForm />, { warehouseId: 'wh1' });
    expect(await screen.findByText('Will be executed in WH1 · Main warehouse')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Merchant' })).toHaveValue('Acme Gifts'));
    await user.click(screen.getByRole('textbox', { name: 'Name' }));
    await user.paste('Holiday sets');
    await user.click(screen.getByRole('button', { name: 'Suggest number' }));
    await waitFor(() => expect(screen.getByRole('textbox', { name: /Work Order Number/ })).toHaveValue('WO-WH1-00010'));

    await applyHolidaySet(user, '10');

    expect(screen.getByRole('heading', { name: 'Produce Output' })).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Output SKU 1' })).toHaveValue('GIFT-SET-HOLIDAY');
    expect(screen.getByRole('textbox', { name: 'Quantity of output 1' })).toHaveValue('10');
    expect(screen.getByRole('combobox', { name: 'Material SKU 2' })).toHaveValue('CHOC-BAR');
    expect(screen.getByRole('textbox', { name: 'Quantity of material 2' })).toHaveValue('20');

    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(posted).toHaveLength(1));
    expect(posted[0]).toEqual({ merchantId: 'm1', warehouseId: 'wh1', name: 'Holiday sets', number: 'WO-WH1-00010', bom: { bomId: 'bom-1', sets: 10 } });
  });

  it('sends the lines once they were edited after Apply BOM, and shows the API messages on their rows', async () => {
    createAnswer = () =>
      json(
        {
          type: 'invalid-input',
          title: 'Invalid input',
          status: 400,
          detail: 'The request is not valid.',
          errors: [
            { field: 'materials[1].quantity', message: 'only 15 CHOC-BAR can be used' },
            { field: 'scheduledAt', message: 'must be between 2000-01-01 and 2100-12-31' },
          ],
        },
        400,
      );
    const user = userEvent.setup();
    renderWithProviders(<WorkOrderForm />, { warehouseId: 'wh1' });
    await user.click(await screen.findByRole('textbox', { name: 'Name' }));
    await user.paste('Holiday sets');
    await applyHolidaySet(user, '10');
    const chocolate = screen.getByRole('textbox', { name: 'Quantity of material 2' });
    await user.clear(chocolate);
    await user.type(chocolate, '25');

    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(posted).toHaveLength(1));
    expect(posted[0]).toMatchObject({
      outputs: [{ sku: 'GIFT-SET-HOLIDAY', quantity: 10 }],
      materials: [
        { sku: 'GIFT-BOX', quantity: 10 },
        { sku: 'CHOC-BAR', quantity: 25 },
      ],
    });
    expect(posted[0]).not.toHaveProperty('bom');
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Quantity of material 2' })).toHaveAccessibleDescription('only 15 CHOC-BAR can be used'));
    expect(screen.getByRole('textbox', { name: 'Quantity of material 1' })).not.toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText('must be between 2000-01-01 and 2100-12-31')).toBeInTheDocument();
  });

  it('checks the obvious before sending anything', async () => {
    const user = userEvent.setup();
    renderWithProviders(<WorkOrderForm />, { warehouseId: 'wh1' });
    await user.click(await screen.findByRole('button', { name: 'Save' }));
    expect(screen.getByText('Enter a name')).toBeInTheDocument();
    expect(screen.getByText('Add at least one output')).toBeInTheDocument();
    expect(screen.getByText('Add at least one material')).toBeInTheDocument();
    expect(posted).toHaveLength(0);
  });

  it('sends the chosen Priority and Auto-retry (Normal and on unless changed)', async () => {
    const user = userEvent.setup();
    renderWithProviders(<WorkOrderForm />, { warehouseId: 'wh1' });
    const priority = await screen.findByRole('combobox', { name: 'Priority' });
    expect(priority).toHaveValue('Normal');
    const autoRetry = screen.getByRole('checkbox', { name: 'Auto-retry' });
    expect(autoRetry).toBeChecked();
    await user.click(screen.getByRole('textbox', { name: 'Name' }));
    await user.paste('Rush order');
    await user.click(priority);
    // jsdom leaves Mantine's dropdown in its closed transition state: the option is there, hidden.
    fireEvent.click(await screen.findByRole('option', { name: 'Urgent', hidden: true }));
    await waitFor(() => expect(priority).toHaveValue('Urgent'));
    await user.click(autoRetry);
    await applyHolidaySet(user, '1');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(posted).toHaveLength(1));
    expect(posted[0]).toMatchObject({ name: 'Rush order', priority: 'URGENT', autoRetry: false });
  });
});
