// GET /api/v1/rentals/{id}/photos/{fileId} — a rental photo, for the parties and operations only.
import { db } from '@/db/client';
import { defineRoute } from '@/lib/core/route';
import { rentalPhotoContract } from '@/lib/rentals/contracts';
import { rentalPhotoAccess } from '@/lib/rentals/queries';
import { fileHeaders, readStoredFile } from '@/lib/storage';

export const dynamic = 'force-dynamic';

export const GET = defineRoute(rentalPhotoContract, async ({ ctx, params }) => {
  await rentalPhotoAccess(ctx, params.id!, params.fileId!);
  const f = await readStoredFile(db(), params.fileId!);
  return new Response(Buffer.from(f.bytes), { headers: fileHeaders(f) });
});
