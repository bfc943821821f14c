import { ActionIcon, Button, NumberInput, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import type { LinesErrors } from './line-errors';
import { newLine, type EditableLine } from './lines';
import { SkuPicker } from './sku-picker';

type LineKind = 'output' | 'material';

const words: Record<LineKind, { sku: string; add: string; none: string }> = {
  output: { sku: 'Output SKU', add: 'Add output', none: 'No outputs yet: add what this produces.' },
  material: { sku: 'Material SKU', add: 'Add material', none: 'No materials yet: add what this consumes.' },
};

interface LinesEditorProps {
  readonly kind: LineKind;
  /** Whose products the SKU pickers search; null disables them. */
  readonly merchantId: string | null;
  readonly lines: readonly EditableLine[];
  readonly onChange: (lines: EditableLine[]) => void;
  readonly errors?: LinesErrors;
  /** What the editor says while it has no rows (e.g. that a BOM can fill it). */
  readonly emptyHint?: string;
}

/**
 * Rows of SKU and quantity, for the outputs or the materials of a work order or a BOM. Names
 * carry the row number ("Quantity of material 2") so a person, a screen reader and a test can
 * tell the rows apart.
 */
export function LinesEditor({ kind, merchantId, lines, onChange, errors, emptyHint }: LinesEditorProps) {
  const text = words[kind];
  const update = (index: number, change: Partial<Omit<EditableLine, 'key'>>) =>
    onChange(lines.map((line, at) => (at === index ? { ...line, ...change } : line)));
  return (
    <Stack gap="xs">
      {lines.length > 0 ? (
        <Table.ScrollContainer minWidth={420}>
          <Table verticalSpacing={6} withRowBorders={false}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={40}>#</Table.Th>
                <Table.Th>SKU</Table.Th>
                <Table.Th w={160}>Quantity</Table.Th>
                <Table.Th w={48}>
                  <VisuallyHidden>Remove</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {lines.map((line, index) => {
                const number = index + 1;
                const rowErrors = errors?.rows[index];
                return (
                  <Table.Tr key={line.key} style={{ verticalAlign: 'top' }}>
                    <Table.Td pt={12}>
                      <Text size="sm" c="dimmed">
                        {number}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <SkuPicker
                        label={`${text.sku} ${number}`}
                        merchantId={merchantId}
                        value={line.sku}
                        onChange={(sku) => update(index, { sku })}
                        error={rowErrors?.sku}
                      />
                    </Table.Td>
                    <Table.Td>
                      <NumberInput
                        aria-label={`Quantity of ${kind} ${number}`}
                        value={line.quantity}
                        onChange={(value) => update(index, { quantity: typeof value === 'number' ? value : '' })}
                        min={1}
                        max={1_000_000}
                        allowDecimal={false}
                        allowNegative={false}
                        thousandSeparator=","
                        error={rowErrors?.quantity}
                      />
                    </Table.Td>
                    <Table.Td>
                      <ActionIcon
                        variant="subtle"
                        color="gray"
                        size="lg"
                        mt={2}
                        aria-label={`Remove ${kind} ${number}`}
                        onClick={() => onChange(lines.filter((_, at) => at !== index))}
                      >
                        <IconTrash size={18} />
                      </ActionIcon>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : (
        <Text size="sm" c="dimmed">
          {emptyHint ?? text.none}
        </Text>
      )}
      {errors?.section ? (
        <Text size="sm" c="red" role="alert">
          {errors.section}
        </Text>
      ) : null}
      <div>
        <Button variant="light" size="xs" leftSection={<IconPlus size={14} />} onClick={() => onChange([...lines, newLine()])}>
          {text.add}
        </Button>
      </div>
    </Stack>
  );
}
