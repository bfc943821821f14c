import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';

const STORAGE_KEY = 'work-orders.console.warehouseId';

interface CurrentWarehouse {
  /** The warehouse the operator works in: new work orders are created in it, lists show it. */
  readonly warehouseId: string | null;
  readonly setWarehouseId: (id: string | null) => void;
}

const CurrentWarehouseContext = createContext<CurrentWarehouse | null>(null);

/** Holds the current warehouse, remembered across reloads in localStorage. */
export function CurrentWarehouseProvider({ children, initial }: { children: ReactNode; initial?: string | null }) {
  const [warehouseId, setState] = useState<string | null>(() => initial ?? readStored());
  const setWarehouseId = useCallback((id: string | null) => {
    setState(id);
    try {
      if (id) localStorage.setItem(STORAGE_KEY, id);
      else localStorage.removeItem(STORAGE_KEY);
    } catch {
      // Private browsing may refuse storage: the choice then lasts until the reload.
    }
  }, []);
  const value = useMemo(() => ({ warehouseId, setWarehouseId }), [warehouseId, setWarehouseId]);
  return <CurrentWarehouseContext.Provider value={value}>{children}</CurrentWarehouseContext.Provider>;
}

export function useCurrentWarehouse(): CurrentWarehouse {
  const value = useContext(CurrentWarehouseContext);
  if (!value) throw new Error('useCurrentWarehouse needs a CurrentWarehouseProvider');
  return value;
}

function readStored(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}
