// GET /api/openapi.json — the OpenAPI 3.1 document generated from the routes' zod contracts.
import { NextResponse } from 'next/server';
import { contracts } from '@/lib/api/contracts';
import { toOpenApi } from '@/lib/core/route';

export async function GET() {
  return NextResponse.json(toOpenApi(contracts, { title: 'Fixnado API', version: '1' }));
}
