// GET /api/health — database, migrations and job queue; 200 when ok, 503 otherwise.
import { NextResponse } from 'next/server';
import { checkHealth } from '@/lib/core/health';

export const dynamic = 'force-dynamic';

export async function GET() {
  const report = await checkHealth();
  return NextResponse.json(report, { status: report.status === 'ok' ? 200 : 503, headers: { 'cache-control': 'no-store' } });
}
