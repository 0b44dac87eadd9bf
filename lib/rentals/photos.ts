import { rentalPhotos } from '@/db/schema';
import { storeUpload } from '@/lib/storage';
import type { RTx } from './internal';
import type { UploadFile } from './schemas';

/** Stores rental photos (images only, content-detected, ≤ 10 MB each) and links them to a stage. */
export async function storeRentalPhotos(c: RTx, rentalId: string, stage: 'checkout' | 'return' | 'inspection', files: readonly UploadFile[]): Promise<string[]> {
  const owner = c.actor.kind === 'user' ? c.actor.userId : null;
  const ids: string[] = [];
  for (const [i, f] of files.entries()) {
    const stored = await storeUpload(c.tx, { purpose: 'rental_photo', ownerUserId: owner, bytes: f.bytes, originalName: f.name, accept: ['image'], field: `photos.${i}` });
    await c.tx.insert(rentalPhotos).values({ rentalId, fileId: stored.id, stage, createdAt: c.now });
    ids.push(stored.id);
  }
  return ids;
}
