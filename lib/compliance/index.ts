import 'server-only';

// The compliance domain's public server API (ARCHITECTURE.md: other domains use only this file).
export { submitDocument, type SubmittedDocument } from './submit-document';
export { approveDocument } from './approve-document';
export { rejectDocument } from './reject-document';
export { suspendProvider } from './suspend-provider';
export { lapseDocument } from './lapse-document';
export { reinstateProvider } from './reinstate-provider';
export { runComplianceDaily, warningThreshold, type DailyResult } from './daily';
export {
  documentFile,
  listOwnDocuments,
  ownSellerStatus,
  providerComplianceView,
  providersOverview,
  renterCleared,
  renterDocumentsView,
  reviewQueue,
  type DocumentItem,
  type ProviderComplianceView,
  type ProviderRow,
  type QueueItem,
  type SubjectView,
} from './queries';
export {
  insuredSellerSql,
  sellerStatus,
  personStatus,
  localDate,
  docTypeLabels,
  REQUIRED_PROVIDER_DOCS,
  REQUIRED_SERVICEMAN_DOCS,
  REQUIRED_RENTER_DOCS,
  type DocType,
  type DocState,
  type DocTypeStatus,
  type SellerStatus,
} from './status';
