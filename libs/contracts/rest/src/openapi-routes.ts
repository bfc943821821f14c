import { z } from 'zod';
import { bomBody, bomListSchema, bomQuery, bomSchema } from './boms';
import { NEXT_CURSOR_HEADER, problemDetailsSchema, TOTAL_COUNT_CAP, TOTAL_COUNT_CAPPED_HEADER, TOTAL_COUNT_HEADER } from './common';
import { deadLetterListQuery, deadLetterListSchema, deadLetterSchema } from './dead-letters';
import { inboundOrderListSchema, inboundOrderQuery, inboundOrderSchema, putawayBody, receiveBody } from './inbound';
import {
  createPickingListBody,
  pickingListListSchema,
  pickingListQuery,
  pickingListSchema,
  pickingRequestListSchema,
  pickingRequestsQuery,
  startPickingListBody,
} from './picking';
import {
  locationBody,
  locationSchema,
  merchantBody,
  merchantListSchema,
  merchantSchema,
  productBody,
  productListSchema,
  productQuery,
  productSchema,
  warehouseBody,
  warehouseListSchema,
  warehouseSchema,
} from './reference-data';
import { sagaListQuery, sagaListSchema, sagaSchema } from './sagas';
import { lotTraceQuery, lotTraceSchema } from './traceability';
import {
  adjustmentBody,
  movementQuery,
  reservationQuery,
  stockAdjustmentSchema,
  stockMovementListSchema,
  stockQuery,
  stockReservationListSchema,
  stockRowListSchema,
} from './stock';
import {
  createWorkOrderBody,
  numberSuggestionQuery,
  numberSuggestionSchema,
  updateWorkOrderBody,
  workOrderActionAcceptedSchema,
  workOrderDetailSchema,
  workOrderListQuery,
  workOrderListSchema,
  workOrderStatusCountsQuery,
  workOrderStatusCountsSchema,
} from './work-orders';

/** The service behind a path, as the gateway's prefix table (and the ingress) routes it. */
export type RestService = 'gateway' | 'work-orders' | 'inventory' | 'picking' | 'inbound';
export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** One answer of an endpoint: its schema (none for 204) and, where useful, an example. */
export interface RestResponse {
  readonly description: string;
  readonly schema?: z.ZodType;
  readonly problem?: true;
  /** Response headers that carry part of the answer (a list's total, its next cursor), by name. */
  readonly headers?: Readonly<Record<string, string>>;
}

/**
 * One endpoint of the REST API, described by the same zod schemas the service parses its input
 * with and the answers are checked against: the source of the OpenAPI document.
 */
export interface RestRoute {
  readonly method: HttpMethod;
  /** OpenAPI style: `/work-orders/{id}`. */
  readonly path: string;
  readonly service: RestService;
  readonly operationId: string;
  readonly summary: string;
  readonly query?: z.ZodObject;
  readonly body?: z.ZodType;
  /** A request body that parses: shown in the reference and checked by the contract test. */
  readonly bodyExample?: unknown;
  readonly responses: Readonly<Record<number, RestResponse>>;
}

/**
 * The schemas of the document's `components`, by name: request bodies and answers. Every schema a
 * route uses must be here (the generator refuses an unnamed one), so the document reads like the
 * contract's own vocabulary.
 */
export const restSchemas = {
  ProblemDetails: problemDetailsSchema,
  MerchantBody: merchantBody,
  Merchant: merchantSchema,
  MerchantList: merchantListSchema,
  WarehouseBody: warehouseBody,
  Warehouse: warehouseSchema,
  WarehouseList: warehouseListSchema,
  LocationBody: locationBody,
  Location: locationSchema,
  ProductBody: productBody,
  Product: productSchema,
  ProductList: productListSchema,
  AdjustmentBody: adjustmentBody,
  StockAdjustment: stockAdjustmentSchema,
  StockRowList: stockRowListSchema,
  StockMovementList: stockMovementListSchema,
  StockReservationList: stockReservationListSchema,
  LotTrace: lotTraceSchema,
  BomBody: bomBody,
  Bom: bomSchema,
  BomList: bomListSchema,
  CreateWorkOrderBody: createWorkOrderBody,
  UpdateWorkOrderBody: updateWorkOrderBody,
  WorkOrderDetail: workOrderDetailSchema,
  WorkOrderList: workOrderListSchema,
  WorkOrderStatusCounts: workOrderStatusCountsSchema,
  NumberSuggestion: numberSuggestionSchema,
  WorkOrderActionAccepted: workOrderActionAcceptedSchema,
  SagaList: sagaListSchema,
  Saga: sagaSchema,
  DeadLetterList: deadLetterListSchema,
  DeadLetter: deadLetterSchema,
  PickingRequestList: pickingRequestListSchema,
  CreatePickingListBody: createPickingListBody,
  StartPickingListBody: startPickingListBody,
  PickingList: pickingListSchema,
  PickingListList: pickingListListSchema,
  ReceiveBody: receiveBody,
  PutawayBody: putawayBody,
  InboundOrder: inboundOrderSchema,
  InboundOrderList: inboundOrderListSchema,
  HealthStatus: z.looseObject({ status: z.string(), checks: z.record(z.string(), z.string()).optional() }),
} as const satisfies Record<string, z.ZodType>;

const ok = (description: string, schema: z.ZodType): RestResponse => ({ description, schema });
const invalid: RestResponse = { description: 'Malformed or invalid input; `errors` names each field at fault', schema: problemDetailsSchema, problem: true };
const unknown: RestResponse = { description: 'No such id', schema: problemDetailsSchema, problem: true };
const refused: RestResponse = {
  description: 'The current status does not allow this; the problem says the status and what is allowed',
  schema: problemDetailsSchema,
  problem: true,
};

/** Reads: 200, and 400 for a bad query. */
const read = (schema: z.ZodType, query?: z.ZodObject): Record<number, RestResponse> =>
  query ? { 200: ok('OK', schema), 400: invalid } : { 200: ok('OK', schema) };
/**
 * A list whose body is the array of the page: the total (exact, or `capped` at TOTAL_COUNT_CAP)
 * and, for a `cursor` list, the next cursor are in headers.
 */
const readList = (schema: z.ZodType, query: z.ZodObject, { cursor, capped = cursor }: { cursor: boolean; capped?: boolean }): Record<number, RestResponse> => ({
  200: {
    ...ok('OK', schema),
    headers: {
      [TOTAL_COUNT_HEADER]: capped
        ? `How many rows match in all pages, counted up to ${TOTAL_COUNT_CAP}; past that it is ${TOTAL_COUNT_CAP} and ${TOTAL_COUNT_CAPPED_HEADER} is present`
        : 'How many rows match in all pages',
      ...(capped
        ? { [TOTAL_COUNT_CAPPED_HEADER]: `\`true\` when ${TOTAL_COUNT_HEADER} is the cap, not the exact count (at least that many match); absent otherwise` }
        : {}),
      ...(cursor ? { [NEXT_CURSOR_HEADER]: 'The `after` of the next page; absent on the last page' } : {}),
    },
  },
  400: invalid,
});
const readOne = (schema: z.ZodType) => ({ 200: ok('OK', schema), 404: unknown });
const accepted = { 202: ok('Accepted: read `links.self` until `pendingAction` is null', workOrderActionAcceptedSchema), 404: unknown, 409: refused };

const lines = {
  outputs: [{ sku: 'GIFT-SET', quantity: 5 }],
  materials: [
    { sku: 'BOX', quantity: 5 },
    { sku: 'SOAP', quantity: 10 },
  ],
};

/** Every endpoint behind the gateway, in the order of DESIGN.md's REST section. */
export const restRoutes: readonly RestRoute[] = [
  {
    method: 'get',
    path: '/health/live',
    service: 'gateway',
    operationId: 'getLive',
    summary: 'The gateway answers',
    responses: { 200: ok('Live', restSchemas.HealthStatus) },
  },
  {
    method: 'get',
    path: '/health/ready',
    service: 'gateway',
    operationId: 'getReady',
    summary: 'The gateway itself is ready (its readiness probe; a sick service behind it does not take it out of rotation)',
    responses: { 200: ok('Ready', restSchemas.HealthStatus) },
  },
  {
    method: 'get',
    path: '/health/upstreams',
    service: 'gateway',
    operationId: 'getUpstreams',
    summary: 'Every service behind the gateway is ready',
    responses: { 200: ok('Ready', restSchemas.HealthStatus), 503: { description: 'A service is not ready' } },
  },

  {
    method: 'post',
    path: '/merchants',
    service: 'inventory',
    operationId: 'registerMerchant',
    summary: 'Register a merchant',
    body: merchantBody,
    bodyExample: { name: 'Acme' },
    responses: { 201: ok('Registered', merchantSchema), 400: invalid },
  },
  {
    method: 'get',
    path: '/merchants',
    service: 'inventory',
    operationId: 'listMerchants',
    summary: 'Merchants, oldest first',
    responses: read(merchantListSchema),
  },
  {
    method: 'post',
    path: '/warehouses',
    service: 'inventory',
    operationId: 'registerWarehouse',
    summary: 'Register a warehouse with its locations (bins in walking order)',
    body: warehouseBody,
    bodyExample: { code: 'WH1', name: 'Main warehouse', locations: ['A-01', 'A-02'] },
    responses: { 201: ok('Registered', warehouseSchema), 400: invalid, 409: refused },
  },
  {
    method: 'get',
    path: '/warehouses',
    service: 'inventory',
    operationId: 'listWarehouses',
    summary: 'Warehouses, by code',
    responses: read(warehouseListSchema),
  },
  {
    method: 'post',
    path: '/warehouses/{id}/locations',
    service: 'inventory',
    operationId: 'addLocation',
    summary: 'Add a location to a warehouse',
    body: locationBody,
    bodyExample: { code: 'B-01' },
    responses: { 201: ok('Added', locationSchema), 400: invalid, 404: unknown, 409: refused },
  },
  {
    method: 'post',
    path: '/products',
    service: 'inventory',
    operationId: 'registerProduct',
    summary: "Register a product in a merchant's SKU master",
    body: productBody,
    bodyExample: { merchantId: 'b8c4bd38-1f57-4a57-8a4b-3b6d1d0f5c11', sku: 'BOX', name: 'Gift box' },
    responses: { 201: ok('Registered', productSchema), 400: invalid, 404: unknown, 409: refused },
  },
  {
    method: 'get',
    path: '/products',
    service: 'inventory',
    operationId: 'listProducts',
    summary: 'Products by SKU; `q` searches a SKU prefix or a name substring',
    query: productQuery,
    responses: readList(productListSchema, productQuery, { cursor: false, capped: true }),
  },
  {
    method: 'post',
    path: '/inventory/adjustments',
    service: 'inventory',
    operationId: 'adjustStock',
    summary: 'Change onHand at one location (never below what is reserved)',
    body: adjustmentBody,
    bodyExample: { warehouseId: 'a1d3', merchantId: 'b8c4', sku: 'BOX', locationCode: 'A-01', quantity: 20, reason: 'restock' },
    responses: { 201: ok('Adjusted', stockAdjustmentSchema), 400: invalid, 404: unknown, 409: refused },
  },
  {
    method: 'get',
    path: '/inventory',
    service: 'inventory',
    operationId: 'listStock',
    summary: 'Stock per warehouse, merchant and SKU, with the per-location breakdown',
    query: stockQuery,
    responses: readList(stockRowListSchema, stockQuery, { cursor: true }),
  },
  {
    method: 'get',
    path: '/inventory/movements',
    service: 'inventory',
    operationId: 'listMovements',
    summary: 'The movement ledger, oldest first',
    query: movementQuery,
    responses: readList(stockMovementListSchema, movementQuery, { cursor: true }),
  },
  {
    method: 'get',
    path: '/inventory/reservations',
    service: 'inventory',
    operationId: 'listReservations',
    summary: "Inventory's own view of what it holds for which work order",
    query: reservationQuery,
    responses: readList(stockReservationListSchema, reservationQuery, { cursor: false, capped: true }),
  },
  {
    method: 'get',
    path: '/traceability/lots',
    service: 'inventory',
    operationId: 'traceLot',
    summary:
      'The lot trace: down, the work orders that made a finished lot and their component lots; up, the work orders that used a component lot and what they made',
    query: lotTraceQuery,
    responses: {
      200: ok('OK', lotTraceSchema),
      400: invalid,
      404: { description: 'No such lot (or one of a merchant the caller does not serve)', schema: problemDetailsSchema, problem: true },
    },
  },

  {
    method: 'post',
    path: '/boms',
    service: 'work-orders',
    operationId: 'createBom',
    summary: 'Create a BOM recipe',
    body: bomBody,
    bodyExample: { name: 'Gift set', ...lines },
    responses: { 201: ok('Created', bomSchema), 400: invalid },
  },
  {
    method: 'get',
    path: '/boms',
    service: 'work-orders',
    operationId: 'listBoms',
    summary: 'BOM recipes, by name',
    query: bomQuery,
    responses: read(bomListSchema, bomQuery),
  },
  { method: 'get', path: '/boms/{id}', service: 'work-orders', operationId: 'getBom', summary: 'One BOM recipe', responses: readOne(bomSchema) },
  {
    method: 'put',
    path: '/boms/{id}',
    service: 'work-orders',
    operationId: 'replaceBom',
    summary: 'Replace a BOM recipe (orders made from it keep their copy)',
    body: bomBody,
    bodyExample: { name: 'Gift set, large', ...lines },
    responses: { 200: ok('Replaced', bomSchema), 400: invalid, 404: unknown },
  },
  {
    method: 'delete',
    path: '/boms/{id}',
    service: 'work-orders',
    operationId: 'deleteBom',
    summary: 'Delete a BOM recipe',
    responses: { 204: { description: 'Deleted' }, 404: unknown },
  },

  {
    method: 'get',
    path: '/work-orders/number-suggestion',
    service: 'work-orders',
    operationId: 'suggestWorkOrderNumber',
    summary: 'An unused work-order number for a warehouse',
    query: numberSuggestionQuery,
    responses: read(numberSuggestionSchema, numberSuggestionQuery),
  },
  {
    method: 'get',
    path: '/work-orders/status-counts',
    service: 'work-orders',
    operationId: 'countWorkOrdersByStatus',
    summary: "Every status counted under the list's filters",
    query: workOrderStatusCountsQuery,
    responses: read(workOrderStatusCountsSchema, workOrderStatusCountsQuery),
  },
  {
    method: 'post',
    path: '/work-orders',
    service: 'work-orders',
    operationId: 'createWorkOrder',
    summary: 'Create a work order (Draft) from lines, or from a BOM times `sets`',
    body: createWorkOrderBody,
    bodyExample: { warehouseId: 'a1d3', name: 'Gift sets for December', scheduledAt: '2026-12-20', ...lines },
    responses: { 201: ok('Created', workOrderDetailSchema), 400: invalid, 404: unknown, 409: refused },
  },
  {
    method: 'get',
    path: '/work-orders',
    service: 'work-orders',
    operationId: 'listWorkOrders',
    summary: 'Work orders, filtered (every filter repeatable) and paged',
    query: workOrderListQuery,
    responses: read(workOrderListSchema, workOrderListQuery),
  },
  {
    method: 'get',
    path: '/work-orders/{id}',
    service: 'work-orders',
    operationId: 'getWorkOrder',
    summary: 'A work order: status, pending action, lines, shortages, reservations, picking lists, inbound order, history',
    responses: readOne(workOrderDetailSchema),
  },
  {
    method: 'patch',
    path: '/work-orders/{id}',
    service: 'work-orders',
    operationId: 'updateWorkOrder',
    summary: 'Edit a Draft or Out of Stock order (only the fields given change)',
    body: updateWorkOrderBody,
    bodyExample: { name: 'Gift sets, second batch' },
    responses: { 200: ok('Updated', workOrderDetailSchema), 400: invalid, 404: unknown, 409: refused },
  },
  {
    method: 'post',
    path: '/work-orders/{id}/confirm',
    service: 'work-orders',
    operationId: 'confirmWorkOrder',
    summary: 'Confirm a Draft: reserve every material or nothing',
    responses: accepted,
  },
  {
    method: 'post',
    path: '/work-orders/{id}/retry-allocation',
    service: 'work-orders',
    operationId: 'retryWorkOrderAllocation',
    summary: 'Try to allocate an Out of Stock order again',
    responses: accepted,
  },
  {
    method: 'post',
    path: '/work-orders/{id}/picking-lists',
    service: 'work-orders',
    operationId: 'createWorkOrderPickingList',
    summary: 'Put an Allocated order on a picking list of its own',
    responses: accepted,
  },
  {
    method: 'post',
    path: '/work-orders/{id}/complete',
    service: 'work-orders',
    operationId: 'completeWorkOrder',
    summary: 'Complete a Processing order whose picking is done',
    responses: accepted,
  },
  {
    method: 'post',
    path: '/work-orders/{id}/cancel',
    service: 'work-orders',
    operationId: 'cancelWorkOrder',
    summary: 'Cancel (an Allocated order releases its reservations first)',
    responses: accepted,
  },

  {
    method: 'get',
    path: '/sagas',
    service: 'work-orders',
    operationId: 'listSagas',
    summary: 'Counts per state and the sagas, newest first',
    query: sagaListQuery,
    responses: read(sagaListSchema, sagaListQuery),
  },
  {
    method: 'get',
    path: '/sagas/{id}',
    service: 'work-orders',
    operationId: 'getSaga',
    summary: "A saga's data and step history",
    responses: readOne(sagaSchema),
  },
  {
    method: 'post',
    path: '/sagas/{id}/retry',
    service: 'work-orders',
    operationId: 'retrySaga',
    summary: "Re-send a saga's pending commands now, with a fresh deadline",
    responses: { 202: ok('Re-sent', sagaSchema), 404: unknown, 409: refused },
  },
  {
    method: 'get',
    path: '/dead-letters',
    service: 'work-orders',
    operationId: 'listDeadLetters',
    summary: 'Counts per topic and the dead letters of every topic, newest first',
    query: deadLetterListQuery,
    responses: read(deadLetterListSchema, deadLetterListQuery),
  },
  {
    method: 'get',
    path: '/dead-letters/{id}',
    service: 'work-orders',
    operationId: 'getDeadLetter',
    summary: 'A dead letter: why, where, and the original key, headers and message',
    responses: { 200: ok('OK', deadLetterSchema), 400: invalid, 404: unknown },
  },
  {
    method: 'post',
    path: '/dead-letters/{id}/replay',
    service: 'work-orders',
    operationId: 'replayDeadLetter',
    summary: "Send the original message back to its topic (once); its consumer's inbox drops it if it was in fact processed",
    responses: { 200: ok('Replayed', deadLetterSchema), 400: invalid, 404: unknown, 409: { ...refused, description: 'Already replayed' } },
  },

  {
    method: 'get',
    path: '/picking-requests',
    service: 'picking',
    operationId: 'listPickingRequests',
    summary: 'Materials of Allocated orders not on a list yet',
    query: pickingRequestsQuery,
    responses: readList(pickingRequestListSchema, pickingRequestsQuery, { cursor: false }),
  },
  {
    method: 'post',
    path: '/picking-lists',
    service: 'picking',
    operationId: 'createPickingList',
    summary: 'One picking list for several Allocated orders of a warehouse',
    body: createPickingListBody,
    bodyExample: { warehouseId: 'a1d3', workOrderIds: ['4af6', '5bc7'] },
    responses: { 201: ok('Created', pickingListSchema), 400: invalid, 404: unknown, 409: refused },
  },
  {
    method: 'get',
    path: '/picking-lists',
    service: 'picking',
    operationId: 'listPickingLists',
    summary: 'Picking lists, newest first',
    query: pickingListQuery,
    responses: readList(pickingListListSchema, pickingListQuery, { cursor: false, capped: true }),
  },
  {
    method: 'get',
    path: '/picking-lists/{id}',
    service: 'picking',
    operationId: 'getPickingList',
    summary: 'A picking list with its lines in walking order',
    responses: readOne(pickingListSchema),
  },
  {
    method: 'post',
    path: '/picking-lists/{id}/start',
    service: 'picking',
    operationId: 'startPickingList',
    summary: 'A picker starts the list',
    body: startPickingListBody,
    bodyExample: { picker: 'Sam' },
    responses: { 200: ok('Started', pickingListSchema), 400: invalid, 404: unknown, 409: refused },
  },
  {
    method: 'post',
    path: '/picking-lists/{id}/complete',
    service: 'picking',
    operationId: 'completePickingList',
    summary: 'Every line is picked',
    responses: { 200: ok('Completed', pickingListSchema), 404: unknown, 409: refused },
  },
  {
    method: 'post',
    path: '/picking-lists/{id}/cancel',
    service: 'picking',
    operationId: 'cancelPickingList',
    summary: 'Cancel the list; its orders go back to Allocated, reservations kept',
    responses: { 200: ok('Canceled', pickingListSchema), 404: unknown, 409: refused },
  },

  {
    method: 'get',
    path: '/inbound-orders',
    service: 'inbound',
    operationId: 'listInboundOrders',
    summary: 'Inbound orders, newest first',
    query: inboundOrderQuery,
    responses: readList(inboundOrderListSchema, inboundOrderQuery, { cursor: false, capped: true }),
  },
  {
    method: 'get',
    path: '/inbound-orders/{id}',
    service: 'inbound',
    operationId: 'getInboundOrder',
    summary: 'An inbound order with its lines and putaways',
    responses: readOne(inboundOrderSchema),
  },
  {
    method: 'post',
    path: '/inbound-orders/{id}/receive',
    service: 'inbound',
    operationId: 'receiveInboundOrder',
    summary: 'Receive goods (partial receipts allowed, never beyond what is expected)',
    body: receiveBody,
    bodyExample: { lines: [{ sku: 'GIFT-SET', quantity: 5 }] },
    responses: { 200: ok('Received', inboundOrderSchema), 400: invalid, 404: unknown, 409: refused },
  },
  {
    method: 'post',
    path: '/inbound-orders/{id}/putaway',
    service: 'inbound',
    operationId: 'putAwayInboundOrder',
    summary: 'Shelve received goods at known locations',
    body: putawayBody,
    bodyExample: { lines: [{ sku: 'GIFT-SET', quantity: 5, locationCode: 'A-01' }] },
    responses: { 200: ok('Put away', inboundOrderSchema), 400: invalid, 404: unknown, 409: refused },
  },
];
