import { Navigate, Route, Routes } from 'react-router';
import { AppLayout } from './layout/app-layout';
import { BomDetailRoute } from './routes/bom-detail';
import { BomsRoute } from './routes/boms';
import { DeadLetterDetailRoute } from './routes/dead-letter-detail';
import { DeadLettersRoute } from './routes/dead-letters';
import { InboundOrderDetailRoute } from './routes/inbound-order-detail';
import { InboundOrdersRoute } from './routes/inbound-orders';
import { InventoryRoute } from './routes/inventory';
import { LotTraceRoute } from './routes/lot-trace';
import { MaterialPickingRoute } from './routes/material-picking';
import { MerchantsRoute } from './routes/merchants';
import { NotFoundRoute } from './routes/not-found';
import { PickingListDetailRoute } from './routes/picking-list-detail';
import { PickingListsRoute } from './routes/picking-lists';
import { ProductsRoute } from './routes/products';
import { SagaDetailRoute } from './routes/saga-detail';
import { SagasRoute } from './routes/sagas';
import { WarehousesRoute } from './routes/warehouses';
import { WorkOrderDetailRoute } from './routes/work-order-detail';
import { WorkOrderEditRoute } from './routes/work-order-edit';
import { WorkOrderNewRoute } from './routes/work-order-new';
import { WorkOrdersRoute } from './routes/work-orders';

/** One route per page; each page composes features (src/features/*). */
export function AppRoutes() {
  return (
    <Routes>
      <Route element={<AppLayout />}>
        <Route index element={<Navigate to="/work-orders" replace />} />
        <Route path="work-orders" element={<WorkOrdersRoute />} />
        <Route path="work-orders/new" element={<WorkOrderNewRoute />} />
        <Route path="work-orders/:id" element={<WorkOrderDetailRoute />} />
        <Route path="work-orders/:id/edit" element={<WorkOrderEditRoute />} />
        <Route path="boms" element={<BomsRoute />} />
        <Route path="boms/new" element={<BomDetailRoute />} />
        <Route path="boms/:id" element={<BomDetailRoute />} />
        <Route path="material-picking" element={<MaterialPickingRoute />} />
        <Route path="picking-lists" element={<PickingListsRoute />} />
        <Route path="picking-lists/:id" element={<PickingListDetailRoute />} />
        <Route path="inbound-orders" element={<InboundOrdersRoute />} />
        <Route path="inbound-orders/:id" element={<InboundOrderDetailRoute />} />
        <Route path="inventory" element={<InventoryRoute />} />
        <Route path="lot-trace" element={<LotTraceRoute />} />
        <Route path="products" element={<ProductsRoute />} />
        <Route path="merchants" element={<MerchantsRoute />} />
        <Route path="warehouses" element={<WarehousesRoute />} />
        <Route path="sagas" element={<SagasRoute />} />
        <Route path="sagas/:id" element={<SagaDetailRoute />} />
        <Route path="dead-letters" element={<DeadLettersRoute />} />
        <Route path="dead-letters/:id" element={<DeadLetterDetailRoute />} />
        <Route path="*" element={<NotFoundRoute />} />
      </Route>
    </Routes>
  );
}
