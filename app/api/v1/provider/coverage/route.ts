// GET /api/v1/provider/coverage — the provider's coverage by zone; PUT — replace it for one zone.
import { defineRoute } from '@/lib/core/route';
import { listCoverage } from '@/lib/geo/coverage';
import { setCoverage } from '@/lib/geo/set-coverage';
import { listCoverageContract, setCoverageContract } from '@/lib/geo/zone-contracts';

export const dynamic = 'force-dynamic';

export const GET = defineRoute(listCoverageContract, ({ ctx }) => listCoverage(ctx));

export const PUT = defineRoute(setCoverageContract, ({ ctx, body }) => setCoverage(ctx, body));
