CREATE TYPE "public"."invoice_kind" AS ENUM('invoice', 'credit_note');--> statement-breakpoint
CREATE TYPE "public"."payout_schedule" AS ENUM('daily', 'weekly', 'monthly', 'manual');--> statement-breakpoint
CREATE TYPE "public"."payout_status" AS ENUM('pending', 'paid', 'failed');--> statement-breakpoint
CREATE TABLE "billing_profiles" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid,
	"user_id" uuid,
	"legal_name" text NOT NULL,
	"vat_number" text,
	"company_number" text,
	"address_line1" text NOT NULL,
	"address_line2" text DEFAULT '' NOT NULL,
	"city" text NOT NULL,
	"postcode" text NOT NULL,
	"country" char(2) NOT NULL,
	"invoice_email" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "billing_profiles_one_owner" CHECK (("billing_profiles"."org_id" is null) <> ("billing_profiles"."user_id" is null)),
	CONSTRAINT "billing_profiles_country" CHECK ("billing_profiles"."country" ~ '^[A-Z]{2}$')
);
--> statement-breakpoint
CREATE TABLE "invoice_counters" (
	"series" text PRIMARY KEY NOT NULL,
	"last_number" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "invoices" (
	"id" uuid PRIMARY KEY NOT NULL,
	"number" text NOT NULL,
	"kind" "invoice_kind" NOT NULL,
	"booking_id" uuid NOT NULL,
	"customer_id" uuid,
	"buyer_org_id" uuid,
	"provider_org_id" uuid NOT NULL,
	"corrects_invoice_id" uuid,
	"currency" char(3) NOT NULL,
	"net_minor" bigint NOT NULL,
	"tax_minor" bigint NOT NULL,
	"total_minor" bigint NOT NULL,
	"tax_rate_bp" integer NOT NULL,
	"supplier" jsonb NOT NULL,
	"buyer" jsonb NOT NULL,
	"lines" jsonb NOT NULL,
	"business_key" text NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "invoices_number_unique" UNIQUE("number"),
	CONSTRAINT "invoices_businessKey_unique" UNIQUE("business_key"),
	CONSTRAINT "invoices_total" CHECK ("invoices"."total_minor" = "invoices"."net_minor" + "invoices"."tax_minor"),
	CONSTRAINT "invoices_sign" CHECK (("invoices"."kind" = 'invoice' and "invoices"."total_minor" >= 0) or ("invoices"."kind" = 'credit_note' and "invoices"."total_minor" <= 0 and "invoices"."corrects_invoice_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "payout_accounts" (
	"provider_org_id" uuid PRIMARY KEY NOT NULL,
	"account_holder" text NOT NULL,
	"country" char(2) NOT NULL,
	"currency" char(3) NOT NULL,
	"bank_identifier" text DEFAULT '' NOT NULL,
	"account_last4" char(4) NOT NULL,
	"gateway" text NOT NULL,
	"destination_ref" text NOT NULL,
	"schedule" "payout_schedule" DEFAULT 'weekly' NOT NULL,
	"weekly_day" smallint DEFAULT 1 NOT NULL,
	"monthly_day" smallint DEFAULT 1 NOT NULL,
	"minimum_payout_minor" bigint DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payout_accounts_last4" CHECK ("payout_accounts"."account_last4" ~ '^[0-9]{4}$'),
	CONSTRAINT "payout_accounts_country" CHECK ("payout_accounts"."country" ~ '^[A-Z]{2}$'),
	CONSTRAINT "payout_accounts_days" CHECK ("payout_accounts"."weekly_day" between 1 and 7 and "payout_accounts"."monthly_day" between 1 and 28),
	CONSTRAINT "payout_accounts_minimum" CHECK ("payout_accounts"."minimum_payout_minor" >= 0)
);
--> statement-breakpoint
CREATE TABLE "payouts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"provider_org_id" uuid NOT NULL,
	"currency" char(3) NOT NULL,
	"amount_minor" bigint NOT NULL,
	"status" "payout_status" DEFAULT 'pending' NOT NULL,
	"period_key" text NOT NULL,
	"gateway" text NOT NULL,
	"gateway_ref" text,
	"destination_last4" char(4) NOT NULL,
	"requested_by" uuid,
	"failure_reason" text,
	"paid_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payouts_amount" CHECK ("payouts"."amount_minor" > 0),
	CONSTRAINT "payouts_paid_at" CHECK (("payouts"."status" = 'paid') = ("payouts"."paid_at" is not null))
);
--> statement-breakpoint
ALTER TABLE "zones" ADD COLUMN "priority" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "billing_profiles" ADD CONSTRAINT "billing_profiles_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_profiles" ADD CONSTRAINT "billing_profiles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_customer_id_users_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_buyer_org_id_organisations_id_fk" FOREIGN KEY ("buyer_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_provider_org_id_organisations_id_fk" FOREIGN KEY ("provider_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payout_accounts" ADD CONSTRAINT "payout_accounts_provider_org_id_organisations_id_fk" FOREIGN KEY ("provider_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payouts" ADD CONSTRAINT "payouts_provider_org_id_organisations_id_fk" FOREIGN KEY ("provider_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payouts" ADD CONSTRAINT "payouts_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "billing_profiles_org_key" ON "billing_profiles" USING btree ("org_id") WHERE org_id is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "billing_profiles_user_key" ON "billing_profiles" USING btree ("user_id") WHERE user_id is not null;--> statement-breakpoint
CREATE INDEX "invoices_booking_idx" ON "invoices" USING btree ("booking_id");--> statement-breakpoint
CREATE INDEX "invoices_customer_idx" ON "invoices" USING btree ("customer_id","issued_at");--> statement-breakpoint
CREATE INDEX "invoices_buyer_org_idx" ON "invoices" USING btree ("buyer_org_id","issued_at");--> statement-breakpoint
CREATE UNIQUE INDEX "invoices_one_per_booking" ON "invoices" USING btree ("booking_id") WHERE kind = 'invoice';--> statement-breakpoint
CREATE UNIQUE INDEX "payouts_period_key" ON "payouts" USING btree ("provider_org_id","currency","period_key");--> statement-breakpoint
CREATE UNIQUE INDEX "payouts_one_pending" ON "payouts" USING btree ("provider_org_id","currency") WHERE status = 'pending';--> statement-breakpoint
CREATE INDEX "payouts_provider_idx" ON "payouts" USING btree ("provider_org_id","created_at");--> statement-breakpoint
-- Issued invoices and credit notes are never edited or deleted (a correction is a credit note).
CREATE TRIGGER invoices_append_only BEFORE UPDATE OR DELETE ON invoices
  FOR EACH ROW EXECUTE FUNCTION ledger_append_only();--> statement-breakpoint
CREATE TRIGGER invoices_no_truncate BEFORE TRUNCATE ON invoices
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_append_only();
