export { issueCreditNote } from './issue-credit-note';
export { issueInvoice } from './issue-invoice';
export { issueOrderInvoice, issueRentalInvoice } from './issue-commerce-invoice';
export { getBookingDocuments, getDocumentsOfInvoice, getSubjectDocuments, getMyBillingProfile, getOrgBillingProfile, listInvoices, type BillingProfile, type InvoiceDoc } from './queries';
export { saveBillingProfile } from './save-billing-profile';
export type { InvoiceSubject, SubjectKind } from './subject';
