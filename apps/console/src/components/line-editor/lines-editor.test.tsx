import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../testing/render';
import type { LinesErrors } from './line-errors';
import { LinesEditor } from './lines-editor';
import { newLine, type EditableLine } from './lines';

const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });

let latest: EditableLine[] = [];

function Harness({ initial, errors }: { initial: EditableLine[]; errors?: LinesErrors }) {
  const [lines, setLines] = useState(initial);
  return (
    <LinesEditor
      kind="material"
      merchantId="merchant-1"
      lines={lines}
      onChange={(next) => {
        latest = next;
        setLines(next);
      }}
      errors={errors}
    />
  );
}

// Mantine's inputs are slow to type into under jsdom on a busy machine.
describe('LinesEditor', { timeout: 30_000 }, () => {
  beforeEach(() => {
    latest = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        json([{ id: 'p1', merchantId: 'merchant-1', sku: 'CHOC-BAR', name: 'Dark chocolate bar 100 g', createdAt: '2026-12-01T00:00:00.000Z' }]),
      ),
    );
  });
  afterEach(() => vi.unstubAllGlobals());

  it('adds a row, takes its SKU and quantity, and removes the right row', async () => {
    const user = userEvent.setup();
    renderWithProviders(<Harness initial={[newLine('GIFT-BOX', 1)]} />);

    await user.click(screen.getByRole('button', { name: 'Add material' }));
    await user.click(screen.getByRole('combobox', { name: 'Material SKU 2' }));
    await user.paste('CHOC-BAR');
    const quantity = screen.getByRole('textbox', { name: 'Quantity of material 2' });
    await user.clear(quantity);
    await user.type(quantity, '20');
    expect(latest.map(({ sku, quantity: value }) => ({ sku, quantity: value }))).toEqual([
      { sku: 'GIFT-BOX', quantity: 1 },
      { sku: 'CHOC-BAR', quantity: 20 },
    ]);

    await user.click(screen.getByRole('button', { name: 'Remove material 1' }));
    expect(screen.getByRole('combobox', { name: 'Material SKU 1' })).toHaveValue('CHOC-BAR');
    expect(screen.queryByRole('combobox', { name: 'Material SKU 2' })).not.toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Quantity of material 1' })).toHaveValue('20');
  });

  it('shows each message on its own row and the section message under the rows', () => {
    renderWithProviders(
      <Harness
        initial={[newLine('GIFT-BOX', 1), newLine('NOPE', 0)]}
        errors={{ section: 'CHOC-BAR is missing', rows: { 1: { sku: 'unknown SKU NOPE', quantity: 'Too small' } } }}
      />,
    );
    const [, first, second] = screen.getAllByRole('row');
    expect(within(first!).queryByText('Too small')).not.toBeInTheDocument();
    expect(within(second!).getByText('unknown SKU NOPE')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Quantity of material 2' })).toHaveAccessibleDescription('Too small');
    expect(screen.getByRole('textbox', { name: 'Quantity of material 1' })).not.toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('alert')).toHaveTextContent('CHOC-BAR is missing');
  });

  it('says what to do while there are no rows', () => {
    renderWithProviders(<Harness initial={[]} />);
    expect(screen.getByText('No materials yet: add what this consumes.')).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });
});
