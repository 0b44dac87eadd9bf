import { z } from 'zod';
import type { RouteContract } from '@/lib/core/route';
import { acknowledgeAlertInput, addUnitsInput, createItemInput, listAlertsInput, listItemsInput, listMovesInput, reconciliationInput, recordMoveInput, resolveAlertInput, setUnitStatusInput, updateItemInput } from './schemas';

// Route contracts of the provider inventory console. Tenant scope is the caller's provider
// organisation (from the session), so no route takes a providerOrgId except the reconciliation
// report, where operations (inventory.read_all) may name one.

const money = z.number().int().nullable();
export const itemWire = z.object({
  id: z.string(),
  providerOrgId: z.string(),
  sku: z.string(),
  name: z.string(),
  description: z.string(),
  kind: z.enum(['tool', 'material']),
  mode: z.enum(['purchase', 'rental', 'hybrid']),
  tracking: z.enum(['serialised', 'bulk']),
  onHand: z.number().int(),
  reserved: z.number().int(),
  outOnRent: z.number().int(),
  available: z.number().int(),
  safetyStock: z.number().int(),
  lowStock: z.boolean(),
  dailyRateMinor: money,
  depositMinor: z.number().int(),
  salePriceMinor: money,
  replacementCostMinor: z.number().int(),
  currency: z.string(),
  insuranceRequired: z.boolean(),
  condition: z.string(),
  location: z.string(),
  status: z.enum(['active', 'archived']),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
const moveWire = z.object({
  id: z.string(),
  seq: z.number().int(),
  kind: z.string(),
  onHandDelta: z.number().int(),
  reservedDelta: z.number().int(),
  outDelta: z.number().int(),
  onHandAfter: z.number().int(),
  reservedAfter: z.number().int(),
  outAfter: z.number().int(),
  unitId: z.string().nullable(),
  unitSerial: z.string().nullable(),
  rentalId: z.string().nullable(),
  orderId: z.string().nullable(),
  reason: z.string(),
  countedQty: z.number().int().nullable(),
  actorName: z.string().nullable(),
  createdAt: z.string(),
});
const alertWire = z.object({
  id: z.string(),
  itemId: z.string(),
  sku: z.string(),
  itemName: z.string(),
  kind: z.string(),
  severity: z.string(),
  status: z.string(),
  rentalId: z.string().nullable(),
  detail: z.string(),
  openedAt: z.string(),
  acknowledgedAt: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  autoResolved: z.boolean(),
  resolutionNote: z.string().nullable(),
});
const unitWire = z.object({ id: z.string(), serial: z.string(), status: z.string(), condition: z.string(), updatedAt: z.string(), soldOrderReference: z.string().nullable() });
const reconRow = z.object({
  itemId: z.string(),
  providerOrgId: z.string(),
  sku: z.string(),
  name: z.string(),
  tracking: z.string(),
  onHand: z.number().int(),
  movesOnHand: z.number().int(),
  reserved: z.number().int(),
  movesReserved: z.number().int(),
  outOnRent: z.number().int(),
  movesOut: z.number().int(),
  unitsInStock: z.number().int().nullable(),
  drift: z.array(z.string()),
});

export const listItemsContract = {
  method: 'GET',
  path: '/api/v1/inventory/items',
  summary: 'The provider’s items: search (q: sku or name), kind, mode, tracking, lowStock, archived',
  tags: ['inventory'],
  auth: 'user',
  permission: 'inventory.manage',
  query: listItemsInput,
  response: z.object({ items: z.array(itemWire) }),
} satisfies RouteContract;

export const createItemContract = {
  method: 'POST',
  path: '/api/v1/inventory/items',
  summary: 'Create an item; the opening quantity is a receive move (serialised: one unit per serial). SKU taken → 409',
  tags: ['inventory'],
  auth: 'user',
  permission: 'inventory.manage',
  body: createItemInput,
  response: itemWire,
  idempotent: true,
} satisfies RouteContract;

export const getItemContract = {
  method: 'GET',
  path: '/api/v1/inventory/items/[id]',
  summary: 'One item with its units and alerts',
  tags: ['inventory'],
  auth: 'user',
  permission: 'inventory.manage',
  response: z.object({ item: itemWire, units: z.array(unitWire), alerts: z.array(alertWire) }),
} satisfies RouteContract;

export const updateItemContract = {
  method: 'PATCH',
  path: '/api/v1/inventory/items/[id]',
  summary: 'Edit fields (send the version you loaded: stale → 409) or archive ({ archive: true }; refused while reserved or out on rent)',
  tags: ['inventory'],
  auth: 'user',
  permission: 'inventory.manage',
  body: updateItemInput.omit({ itemId: true }).extend({ archive: z.boolean().optional() }),
  response: itemWire,
} satisfies RouteContract;

export const recordMoveContract = {
  method: 'POST',
  path: '/api/v1/inventory/items/[id]/moves',
  summary: 'A stock move: receive (quantity; serialised: serials), adjust (signed quantity + reason; serialised: unitId), write_off (quantity + reason; serialised: unitId), count (countedQty + reason)',
  tags: ['inventory'],
  auth: 'user',
  permission: 'inventory.manage',
  body: recordMoveInput.omit({ itemId: true }),
  response: z.object({ item: itemWire, moves: z.array(z.object({ moveId: z.string(), seq: z.number().int(), kind: z.string(), onHandAfter: z.number().int(), reservedAfter: z.number().int(), outAfter: z.number().int() })) }),
  idempotent: true,
} satisfies RouteContract;

export const listMovesContract = {
  method: 'GET',
  path: '/api/v1/inventory/items/[id]/moves',
  summary: 'Move history, newest first, with balances after each move; page with ?before=<nextBefore>',
  tags: ['inventory'],
  auth: 'user',
  permission: 'inventory.manage',
  query: listMovesInput,
  response: z.object({ moves: z.array(moveWire), nextBefore: z.number().int().nullable() }),
} satisfies RouteContract;

export const addUnitsContract = {
  method: 'POST',
  path: '/api/v1/inventory/items/[id]/units',
  summary: 'Add serialised units (one per serial), each received +1',
  tags: ['inventory'],
  auth: 'user',
  permission: 'inventory.manage',
  body: addUnitsInput.omit({ itemId: true }),
  response: z.object({ item: itemWire, unitIds: z.array(z.string()) }),
  idempotent: true,
} satisfies RouteContract;

export const setUnitStatusContract = {
  method: 'POST',
  path: '/api/v1/inventory/items/[id]/units/[unitId]/status',
  summary: 'A unit to maintenance (adjust −1), back in stock (adjust +1) or retired (write-off −1), with a reason',
  tags: ['inventory'],
  auth: 'user',
  permission: 'inventory.manage',
  body: setUnitStatusInput.pick({ status: true, reason: true }),
  response: z.object({ item: itemWire, unitId: z.string(), status: z.string() }),
  idempotent: true,
} satisfies RouteContract;

export const listAlertsContract = {
  method: 'GET',
  path: '/api/v1/inventory/alerts',
  summary: 'Stock alerts (low stock, overdue return, damage reported) with status and kind filters',
  tags: ['inventory'],
  auth: 'user',
  permission: 'inventory.manage',
  query: listAlertsInput,
  response: z.object({ alerts: z.array(alertWire) }),
} satisfies RouteContract;

export const acknowledgeAlertContract = {
  method: 'POST',
  path: '/api/v1/inventory/alerts/[id]/acknowledge',
  summary: 'open → acknowledged',
  tags: ['inventory'],
  auth: 'user',
  permission: 'inventory.manage',
  body: acknowledgeAlertInput.omit({ alertId: true }),
  response: z.object({ alertId: z.string(), status: z.string() }),
  idempotent: true,
} satisfies RouteContract;

export const resolveAlertContract = {
  method: 'POST',
  path: '/api/v1/inventory/alerts/[id]/resolve',
  summary: 'open/acknowledged → resolved, with a note',
  tags: ['inventory'],
  auth: 'user',
  permission: 'inventory.manage',
  body: resolveAlertInput.omit({ alertId: true }),
  response: z.object({ alertId: z.string(), status: z.string() }),
  idempotent: true,
} satisfies RouteContract;

export const reconciliationContract = {
  method: 'GET',
  path: '/api/v1/inventory/reconciliation',
  summary: 'Counters vs Σ moves per item (and serialised on_hand vs units in stock); drift rows must be empty. Operations may pass providerOrgId',
  tags: ['inventory'],
  auth: 'user',
  query: reconciliationInput,
  response: z.object({ checkedAt: z.string(), providerOrgId: z.string().nullable(), itemsChecked: z.number().int(), driftCount: z.number().int(), rows: z.array(reconRow), drift: z.array(reconRow) }),
} satisfies RouteContract;

export const exportCsvContract = {
  method: 'GET',
  path: '/api/v1/inventory/export.csv',
  summary: 'The provider’s items as CSV (same filters as the list; formula-safe cells)',
  tags: ['inventory'],
  auth: 'user',
  permission: 'inventory.manage',
  query: listItemsInput.omit({ limit: true }),
} satisfies RouteContract;

export const inventoryContracts: RouteContract[] = [
  listItemsContract,
  createItemContract,
  getItemContract,
  updateItemContract,
  recordMoveContract,
  listMovesContract,
  addUnitsContract,
  setUnitStatusContract,
  listAlertsContract,
  acknowledgeAlertContract,
  resolveAlertContract,
  reconciliationContract,
  exportCsvContract,
];
