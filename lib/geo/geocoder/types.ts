import type { LonLat, PlaceHit } from '../types';

export interface GeocoderOptions {
  limit: number;
  /** Rank hits nearer this point first among equals (e.g. the map centre). */
  near?: LonLat;
}

/** Place search behind one interface: the offline gazetteer, or an online service when configured. */
export interface Geocoder {
  readonly name: string;
  search(q: string, opts: GeocoderOptions): Promise<PlaceHit[]>;
}
