import { Autocomplete, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useProducts } from '../../features/products/api/get-products';

interface SkuPickerProps {
  /** The accessible name, e.g. "Output SKU 1" (the table's SKU column header is the visible label). */
  readonly label: string;
  readonly merchantId: string | null;
  readonly value: string;
  readonly onChange: (sku: string) => void;
  readonly error?: string;
}

/**
 * A SKU of the merchant's products, searched on the server as the operator types (a SKU prefix or
 * part of a name); the list shows "SKU · name". A SKU typed in full is taken as it is: the API
 * says whether it exists.
 */
export function SkuPicker({ label, merchantId, value, onChange, error }: SkuPickerProps) {
  const [query] = useDebouncedValue(value.trim(), 200);
  const products = useProducts({ merchantId: merchantId ?? undefined, q: query || undefined, limit: 20 }, merchantId !== null);
  const found = products.data ?? [];
  const names = new Map(found.map((product) => [product.sku, product.name]));
  const chosen = names.get(value.trim());
  return (
    <div>
      <Autocomplete
        aria-label={label}
        value={value}
        onChange={onChange}
        data={[...names.keys()]}
        // The server already matched SKU prefixes and names; filtering here again would drop name matches.
        filter={({ options }) => options}
        renderOption={({ option }) => (
          <Text size="sm">
            {option.value} · {names.get(option.value)}
          </Text>
        )}
        placeholder={merchantId ? 'Type a SKU or a name' : 'Choose the merchant first'}
        disabled={merchantId === null}
        error={error}
        autoComplete="off"
        comboboxProps={{ withinPortal: true }}
      />
      {chosen && !error ? (
        <Text size="xs" c="dimmed" mt={2}>
          {chosen}
        </Text>
      ) : null}
    </div>
  );
}
