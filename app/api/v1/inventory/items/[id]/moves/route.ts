// GET /api/v1/inventory/items/{id}/moves — history, newest first; POST — receive | adjust | write_off | count.
import { defineRoute } from '@/lib/core/route';
import { listMovesContract, recordMoveContract } from '@/lib/inventory/contracts';
import { listMoves } from '@/lib/inventory/queries';
import { recordMove } from '@/lib/inventory/record-move';

export const dynamic = 'force-dynamic';

export const GET = defineRoute(listMovesContract, ({ ctx, query, params }) => listMoves(ctx, params.id!, query));

export const POST = defineRoute(recordMoveContract, async ({ ctx, body, params }) => Response.json(await recordMove(ctx, { ...body, itemId: params.id }), { status: 201 }));
