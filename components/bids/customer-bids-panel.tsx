// Placeholder replaced by the bids work: the customer's bids panel on a job page.
export function CustomerBidsPanel({ jobId }: { jobId: string }) {
  void jobId;
  return null;
}
