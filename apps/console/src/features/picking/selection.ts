/**
 * Which work orders are ticked on Material Picking. Kept as a sorted id list so it is plain data;
 * ids that vanished from the requests (listed elsewhere, canceled) are dropped by `visibleSelection`.
 */
export type Selection = readonly string[];

export function toggle(selection: Selection, id: string): Selection {
  return selection.includes(id) ? selection.filter((selected) => selected !== id) : [...selection, id].sort();
}

/** "Select all": ticks every order shown, or clears them when all are ticked already. */
export function toggleAll(selection: Selection, ids: readonly string[]): Selection {
  return allSelected(selection, ids) ? [] : [...ids].sort();
}

export function visibleSelection(selection: Selection, ids: readonly string[]): Selection {
  return selection.filter((id) => ids.includes(id));
}

export function allSelected(selection: Selection, ids: readonly string[]): boolean {
  return ids.length > 0 && ids.every((id) => selection.includes(id));
}

export function someSelected(selection: Selection, ids: readonly string[]): boolean {
  return ids.some((id) => selection.includes(id)) && !allSelected(selection, ids);
}
