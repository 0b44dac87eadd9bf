export { recordAudit, type AuditInput } from './record-audit';
export { sealAuditLog } from './seal';
export { verifyAuditChain, type VerifyReport, type ChainBreak } from './verify';
export { listAudit, type AuditRow } from './queries';
