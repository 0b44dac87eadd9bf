/**
 * The finance domain's public server API (quote engine, rates, ledger, booking money steps).
 * No 'server-only' marker: verbs are imported by integration tests and jobs outside React.
 */
export { quote, releaseShares, formatBp, formatRateText, parseRateText, type Quote, type QuoteInput, type QuoteLine } from './quote';
export { loadQuoteRates, loadFxRate, loadTaxRate, applicableRule, quoteBooking, type QuoteRates } from './rates';
export { postTransaction, getOrCreateAccount, accountBalances, bookingBalance, reconcile, type AccountRef, type LedgerAccountKind } from './ledger';
export {
  holdBookingPayment,
  captureBookingPayment,
  releaseBookingFunds,
  refundBooking,
  chargeCancellationFee,
  voidBookingPayment,
  makePayableAfterDisputeWindow,
  duePayableBookings,
  DISPUTE_WINDOW_DAYS,
  type MoneyCtx,
} from './booking-money';
export { ledgerOverview, reconciliationReport } from './queries';
