-- No double booking: a serviceman cannot hold two ACTIVE assignments whose windows (booking window
-- widened by its buffers) overlap. btree_gist provides `=` on uuid inside a GiST index. Writers lock
-- the servicemen rows first (stable id order); this constraint is the safety net (23P01 → 409).
ALTER TABLE booking_assignments
  ADD CONSTRAINT booking_assignments_no_overlap
  EXCLUDE USING gist (serviceman_id WITH =, "window" WITH &&) WHERE (active);--> statement-breakpoint
ALTER TABLE booking_assignments ADD CONSTRAINT booking_assignments_window_bounded
  CHECK (NOT isempty("window") AND lower_inc("window") AND NOT upper_inc("window") AND NOT lower_inf("window") AND NOT upper_inf("window"));--> statement-breakpoint

-- The ledger is append-only: entries and transactions are never edited or deleted; corrections
-- are new transactions.
CREATE OR REPLACE FUNCTION ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only (% refused)', TG_TABLE_NAME, TG_OP USING ERRCODE = '55000';
END;
$$;--> statement-breakpoint
CREATE TRIGGER ledger_entries_append_only BEFORE UPDATE OR DELETE ON ledger_entries
  FOR EACH ROW EXECUTE FUNCTION ledger_append_only();--> statement-breakpoint
CREATE TRIGGER ledger_transactions_append_only BEFORE UPDATE OR DELETE ON ledger_transactions
  FOR EACH ROW EXECUTE FUNCTION ledger_append_only();--> statement-breakpoint
CREATE TRIGGER ledger_entries_no_truncate BEFORE TRUNCATE ON ledger_entries
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_append_only();--> statement-breakpoint
CREATE TRIGGER ledger_transactions_no_truncate BEFORE TRUNCATE ON ledger_transactions
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_append_only();--> statement-breakpoint

-- Every ledger transaction balances per currency, checked at COMMIT (deferred), so a posting may
-- insert its entries one by one. An entry's currency must be its account's currency.
CREATE OR REPLACE FUNCTION ledger_entry_checks() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  unbalanced record;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM ledger_accounts a WHERE a.id = NEW.account_id AND a.currency = NEW.currency) THEN
    RAISE EXCEPTION 'ledger entry currency % does not match its account', NEW.currency USING ERRCODE = '23514';
  END IF;
  SELECT e.currency, sum(e.amount_minor) AS total INTO unbalanced
  FROM ledger_entries e WHERE e.transaction_id = NEW.transaction_id
  GROUP BY e.currency HAVING sum(e.amount_minor) <> 0 LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'ledger transaction % does not balance in % (off by %)', NEW.transaction_id, unbalanced.currency, unbalanced.total
      USING ERRCODE = '23514';
  END IF;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE CONSTRAINT TRIGGER ledger_entries_balanced AFTER INSERT ON ledger_entries
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger_entry_checks();--> statement-breakpoint

-- The booking timeline is history: rows are only ever appended.
CREATE OR REPLACE FUNCTION booking_status_changes_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'booking_status_changes is append-only (% refused)', TG_OP USING ERRCODE = '55000';
END;
$$;--> statement-breakpoint
CREATE TRIGGER booking_status_changes_append_only BEFORE UPDATE OR DELETE ON booking_status_changes
  FOR EACH ROW EXECUTE FUNCTION booking_status_changes_append_only();
