export { fileStore, localDiskStore, setFileStore, type FileStore } from './store';
export { FILE_KINDS, safeName, storeUpload, type FileKind, type FilePurpose, type StoredFile, type UploadInput } from './upload';
export { fileHeaders, readStoredFile } from './read-file';
