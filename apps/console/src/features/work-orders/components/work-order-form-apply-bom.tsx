import { Anchor, Button, Group, Modal, NumberInput, Select, Stack, Text } from '@mantine/core';
import type { Bom } from '@wo/contracts/rest';
import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorState } from '../../../components/ui/states';
import { useMay } from '../../auth/permissions';
import { useBoms } from '../../boms/api/get-boms';

interface ApplyBomModalProps {
  readonly opened: boolean;
  readonly onClose: () => void;
  readonly merchantId: string;
  readonly onApply: (bom: Bom, sets: number) => void;
}

/** "Apply BOM": choose one of the merchant's recipes and how many sets; the form fills its lines. */
export function ApplyBomModal({ opened, onClose, merchantId, onApply }: ApplyBomModalProps) {
  const boms = useBoms(merchantId, opened);
  const mayCreateBom = useMay()('boms.change');
  const [bomId, setBomId] = useState<string | null>(null);
  const [sets, setSets] = useState<number | ''>(1);
  const [tried, setTried] = useState(false);
  const chosen = boms.data?.find((bom) => bom.id === bomId);
  const setsValid = typeof sets === 'number' && Number.isInteger(sets) && sets >= 1;

  const apply = () => {
    setTried(true);
    if (!chosen || !setsValid) return;
    onApply(chosen, sets);
    onClose();
  };

  return (
    <Modal opened={opened} onClose={onClose} title="Apply BOM" centered>
      <Stack gap="sm">
        {boms.isError ? <ErrorState error={boms.error} onRetry={() => void boms.refetch()} title="The BOMs could not be loaded" /> : null}
        {boms.data && boms.data.length === 0 ? (
          <Text size="sm">
            This merchant has no BOM yet.
            {mayCreateBom ? (
              <>
                {' '}
                <Anchor component={Link} to="/boms/new">
                  Create a BOM
                </Anchor>{' '}
                for combinations you assemble often.
              </>
            ) : null}
          </Text>
        ) : null}
        <Select
          label="BOM"
          placeholder={boms.isLoading ? 'Loading…' : 'Choose a recipe'}
          data={(boms.data ?? []).map((bom) => ({ value: bom.id, label: bom.name }))}
          value={bomId}
          onChange={setBomId}
          searchable
          nothingFoundMessage="No BOM matches"
          error={tried && !chosen ? 'Choose a BOM' : undefined}
          comboboxProps={{ withinPortal: false }}
        />
        <NumberInput
          label="Sets"
          description="How many times the recipe is made"
          min={1}
          max={100_000}
          allowDecimal={false}
          allowNegative={false}
          value={sets}
          onChange={(value) => setSets(typeof value === 'number' ? value : '')}
          error={tried && !setsValid ? 'Enter a whole number of at least 1' : undefined}
        />
        {chosen ? (
          <Text size="xs" c="dimmed">
            One set produces {chosen.outputs.map((line) => `${line.quantity} × ${line.sku}`).join(', ')} from{' '}
            {chosen.materials.map((line) => `${line.quantity} × ${line.sku}`).join(', ')}.
          </Text>
        ) : null}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            Close
          </Button>
          <Button onClick={apply}>Apply</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
