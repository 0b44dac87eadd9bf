import type { FileStore } from './store';

export interface S3Config {
  bucket: string;
  endpoint?: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
}

/** S3-compatible store (AWS S3, MinIO, R2 …) over its REST API with SigV4 signing. */
export function s3Store(config: S3Config): FileStore {
  void config;
  throw new Error('S3 storage adapter not built yet');
}
