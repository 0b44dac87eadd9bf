export { issueCreditNote } from './issue-credit-note';
export { issueInvoice } from './issue-invoice';
export { getBookingDocuments, getMyBillingProfile, getOrgBillingProfile, listInvoices, type BillingProfile, type InvoiceDoc } from './queries';
export { saveBillingProfile } from './save-billing-profile';
