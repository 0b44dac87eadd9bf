CREATE TYPE "public"."availability_exception_kind" AS ENUM('unavailable', 'extra_hours');--> statement-breakpoint
CREATE TYPE "public"."serviceman_status" AS ENUM('invited', 'active', 'inactive');--> statement-breakpoint
CREATE TYPE "public"."booking_type" AS ENUM('on_demand', 'scheduled');--> statement-breakpoint
CREATE TYPE "public"."commission_kind" AS ENUM('service_fee', 'provider_commission');--> statement-breakpoint
CREATE TYPE "public"."ledger_account_kind" AS ENUM('customer', 'gateway_clearing', 'escrow', 'provider_pending', 'provider_payable', 'provider_paid', 'platform_fees', 'tax_payable', 'refunds');--> statement-breakpoint
CREATE TYPE "public"."payment_status" AS ENUM('requires_action', 'authorized', 'captured', 'voided', 'refunded', 'partially_refunded', 'failed');--> statement-breakpoint
CREATE TYPE "public"."booking_status" AS ENUM('pending', 'awaiting_assignment', 'scheduled', 'in_progress', 'completed', 'cancelled', 'disputed');--> statement-breakpoint
CREATE TYPE "public"."crew_role" AS ENUM('lead', 'support');--> statement-breakpoint
CREATE TYPE "public"."booking_deadline_kind" AS ENUM('acceptance_sla', 'arrival_sla', 'completion_sla', 'provider_confirmation', 'payment_hold', 'offer_timeout', 'reminder');--> statement-breakpoint
CREATE TYPE "public"."booking_deadline_status" AS ENUM('pending', 'met', 'breached', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."dispatch_offer_status" AS ENUM('open', 'accepted', 'declined', 'expired', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."review_status" AS ENUM('published', 'reported', 'hidden');--> statement-breakpoint
CREATE TABLE "serviceman_exceptions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"serviceman_id" uuid NOT NULL,
	"on_date" date NOT NULL,
	"kind" "availability_exception_kind" NOT NULL,
	"starts_at" time,
	"ends_at" time,
	"reason" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "serviceman_exceptions_times" CHECK (("serviceman_exceptions"."starts_at" is null and "serviceman_exceptions"."ends_at" is null and "serviceman_exceptions"."kind" = 'unavailable') or ("serviceman_exceptions"."starts_at" is not null and "serviceman_exceptions"."ends_at" is not null and "serviceman_exceptions"."ends_at" > "serviceman_exceptions"."starts_at"))
);
--> statement-breakpoint
CREATE TABLE "serviceman_hours" (
	"id" uuid PRIMARY KEY NOT NULL,
	"serviceman_id" uuid NOT NULL,
	"weekday" smallint NOT NULL,
	"starts_at" time NOT NULL,
	"ends_at" time NOT NULL,
	CONSTRAINT "serviceman_hours_weekday" CHECK ("serviceman_hours"."weekday" between 1 and 7),
	CONSTRAINT "serviceman_hours_order" CHECK ("serviceman_hours"."ends_at" > "serviceman_hours"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "serviceman_time_off" (
	"id" uuid PRIMARY KEY NOT NULL,
	"serviceman_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "serviceman_time_off_order" CHECK ("serviceman_time_off"."ends_at" > "serviceman_time_off"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "servicemen" (
	"id" uuid PRIMARY KEY NOT NULL,
	"provider_org_id" uuid NOT NULL,
	"user_id" uuid,
	"display_name" text NOT NULL,
	"skills" text[] DEFAULT '{}'::text[] NOT NULL,
	"time_zone" text DEFAULT 'Europe/London' NOT NULL,
	"base_point" geometry(Point,4326),
	"can_lead" boolean DEFAULT true NOT NULL,
	"status" "serviceman_status" DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "servicemen_name_length" CHECK (char_length("servicemen"."display_name") between 1 and 120)
);
--> statement-breakpoint
CREATE TABLE "commission_rules" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" "commission_kind" NOT NULL,
	"name" text NOT NULL,
	"category_id" uuid,
	"booking_type" "booking_type",
	"demand_level" "demand_level",
	"provider_plan" text,
	"priority" integer DEFAULT 0 NOT NULL,
	"rate_bp" integer NOT NULL,
	"min_fee_minor" bigint,
	"min_fee_currency" char(3),
	"effective_from" timestamp with time zone NOT NULL,
	"effective_to" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "commission_rules_rate" CHECK ("commission_rules"."rate_bp" between 0 and 10000),
	CONSTRAINT "commission_rules_min_fee" CHECK (("commission_rules"."min_fee_minor" is null) = ("commission_rules"."min_fee_currency" is null) and coalesce("commission_rules"."min_fee_minor", 0) >= 0),
	CONSTRAINT "commission_rules_dates" CHECK ("commission_rules"."effective_to" is null or "commission_rules"."effective_to" > "commission_rules"."effective_from")
);
--> statement-breakpoint
CREATE TABLE "fx_rates" (
	"id" uuid PRIMARY KEY NOT NULL,
	"base" char(3) NOT NULL,
	"quote" char(3) NOT NULL,
	"rate" numeric(20, 10) NOT NULL,
	"effective_from" timestamp with time zone NOT NULL,
	"effective_to" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fx_rates_positive" CHECK ("fx_rates"."rate" > 0),
	CONSTRAINT "fx_rates_dates" CHECK ("fx_rates"."effective_to" is null or "fx_rates"."effective_to" > "fx_rates"."effective_from")
);
--> statement-breakpoint
CREATE TABLE "ledger_accounts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" "ledger_account_kind" NOT NULL,
	"owner_org_id" uuid,
	"owner_user_id" uuid,
	"currency" char(3) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ledger_entries" (
	"seq" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "ledger_entries_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"transaction_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"amount_minor" bigint NOT NULL,
	"currency" char(3) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ledger_entries_nonzero" CHECK ("ledger_entries"."amount_minor" <> 0)
);
--> statement-breakpoint
CREATE TABLE "ledger_transactions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"business_key" text NOT NULL,
	"booking_id" uuid,
	"memo" text DEFAULT '' NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ledger_transactions_businessKey_unique" UNIQUE("business_key")
);
--> statement-breakpoint
CREATE TABLE "payments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"booking_id" uuid NOT NULL,
	"customer_id" uuid,
	"gateway" text NOT NULL,
	"gateway_ref" text,
	"status" "payment_status" NOT NULL,
	"amount_minor" bigint NOT NULL,
	"captured_minor" bigint DEFAULT 0 NOT NULL,
	"refunded_minor" bigint DEFAULT 0 NOT NULL,
	"currency" char(3) NOT NULL,
	"failure_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payments_amounts" CHECK ("payments"."amount_minor" > 0 and "payments"."captured_minor" between 0 and "payments"."amount_minor" and "payments"."refunded_minor" between 0 and "payments"."captured_minor")
);
--> statement-breakpoint
CREATE TABLE "tax_rates" (
	"id" uuid PRIMARY KEY NOT NULL,
	"region" text NOT NULL,
	"name" text NOT NULL,
	"rate_bp" integer NOT NULL,
	"effective_from" timestamp with time zone NOT NULL,
	"effective_to" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tax_rates_range" CHECK ("tax_rates"."rate_bp" between 0 and 10000),
	CONSTRAINT "tax_rates_dates" CHECK ("tax_rates"."effective_to" is null or "tax_rates"."effective_to" > "tax_rates"."effective_from")
);
--> statement-breakpoint
CREATE TABLE "webhook_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"gateway" text NOT NULL,
	"event_id" text NOT NULL,
	"type" text NOT NULL,
	"payload" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"processed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "booking_assignments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"booking_id" uuid NOT NULL,
	"serviceman_id" uuid NOT NULL,
	"role" "crew_role" NOT NULL,
	"window" "tstzrange" NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"released_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "booking_deadlines" (
	"id" uuid PRIMARY KEY NOT NULL,
	"booking_id" uuid NOT NULL,
	"kind" "booking_deadline_kind" NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"status" "booking_deadline_status" DEFAULT 'pending' NOT NULL,
	"resolved_at" timestamp with time zone,
	"escalated_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "booking_status_changes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"booking_id" uuid NOT NULL,
	"from_status" "booking_status",
	"to_status" "booking_status" NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_type" text NOT NULL,
	"actor_id" text,
	"note" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "bookings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"reference" text NOT NULL,
	"customer_id" uuid NOT NULL,
	"provider_org_id" uuid NOT NULL,
	"service_id" uuid NOT NULL,
	"zone_id" uuid NOT NULL,
	"type" "booking_type" NOT NULL,
	"status" "booking_status" DEFAULT 'pending' NOT NULL,
	"starts_at" timestamp with time zone,
	"ends_at" timestamp with time zone,
	"duration_minutes" integer NOT NULL,
	"buffer_before_minutes" integer DEFAULT 0 NOT NULL,
	"buffer_after_minutes" integer DEFAULT 0 NOT NULL,
	"crew_size" smallint DEFAULT 1 NOT NULL,
	"location" geometry(Point,4326) NOT NULL,
	"address_line" text NOT NULL,
	"time_zone" text NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"currency" char(3) NOT NULL,
	"provider_currency" char(3) NOT NULL,
	"provider_price_minor" bigint NOT NULL,
	"fx_rate" text DEFAULT '1' NOT NULL,
	"price_minor" bigint NOT NULL,
	"service_fee_minor" bigint NOT NULL,
	"service_fee_rule_id" uuid,
	"tax_minor" bigint NOT NULL,
	"tax_rate_bp" integer NOT NULL,
	"tax_inclusive" boolean NOT NULL,
	"total_minor" bigint NOT NULL,
	"provider_commission_minor" bigint DEFAULT 0 NOT NULL,
	"confirmation_due_at" timestamp with time zone,
	"series_id" uuid,
	"cancelled_at" timestamp with time zone,
	"cancelled_by" uuid,
	"cancellation_reason" text,
	"cancellation_fee_minor" bigint,
	"accepted_at" timestamp with time zone,
	"started_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bookings_reference_unique" UNIQUE("reference"),
	CONSTRAINT "bookings_window" CHECK (("bookings"."starts_at" is null and "bookings"."ends_at" is null) or ("bookings"."starts_at" is not null and "bookings"."ends_at" > "bookings"."starts_at")),
	CONSTRAINT "bookings_scheduled_has_window" CHECK ("bookings"."type" <> 'scheduled' or "bookings"."starts_at" is not null),
	CONSTRAINT "bookings_duration" CHECK ("bookings"."duration_minutes" > 0 and "bookings"."buffer_before_minutes" >= 0 and "bookings"."buffer_after_minutes" >= 0),
	CONSTRAINT "bookings_crew" CHECK ("bookings"."crew_size" between 1 and 20),
	CONSTRAINT "bookings_amounts_nonneg" CHECK ("bookings"."price_minor" >= 0 and "bookings"."service_fee_minor" >= 0 and "bookings"."tax_minor" >= 0 and "bookings"."provider_commission_minor" >= 0),
	CONSTRAINT "bookings_total" CHECK ("bookings"."total_minor" = "bookings"."price_minor" + "bookings"."service_fee_minor" + case when "bookings"."tax_inclusive" then 0 else "bookings"."tax_minor" end),
	CONSTRAINT "bookings_cancel_fee" CHECK ("bookings"."cancellation_fee_minor" is null or "bookings"."cancellation_fee_minor" between 0 and "bookings"."total_minor")
);
--> statement-breakpoint
CREATE TABLE "dispatch_offers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"booking_id" uuid NOT NULL,
	"serviceman_id" uuid NOT NULL,
	"offered_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"status" "dispatch_offer_status" DEFAULT 'open' NOT NULL,
	"responded_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"href" text,
	"business_key" text NOT NULL,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reviews" (
	"id" uuid PRIMARY KEY NOT NULL,
	"booking_id" uuid NOT NULL,
	"customer_id" uuid,
	"provider_org_id" uuid NOT NULL,
	"rating" smallint NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"reply" text,
	"replied_at" timestamp with time zone,
	"status" "review_status" DEFAULT 'published' NOT NULL,
	"report_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reviews_bookingId_unique" UNIQUE("booking_id"),
	CONSTRAINT "reviews_rating" CHECK ("reviews"."rating" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "saved_addresses" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"label" text NOT NULL,
	"address_line" text NOT NULL,
	"location" geometry(Point,4326) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "requires_confirmation" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "confirmation_window_minutes" integer DEFAULT 240 NOT NULL;--> statement-breakpoint
ALTER TABLE "serviceman_exceptions" ADD CONSTRAINT "serviceman_exceptions_serviceman_id_servicemen_id_fk" FOREIGN KEY ("serviceman_id") REFERENCES "public"."servicemen"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "serviceman_hours" ADD CONSTRAINT "serviceman_hours_serviceman_id_servicemen_id_fk" FOREIGN KEY ("serviceman_id") REFERENCES "public"."servicemen"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "serviceman_time_off" ADD CONSTRAINT "serviceman_time_off_serviceman_id_servicemen_id_fk" FOREIGN KEY ("serviceman_id") REFERENCES "public"."servicemen"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "servicemen" ADD CONSTRAINT "servicemen_provider_org_id_organisations_id_fk" FOREIGN KEY ("provider_org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "servicemen" ADD CONSTRAINT "servicemen_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commission_rules" ADD CONSTRAINT "commission_rules_category_id_service_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."service_categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_accounts" ADD CONSTRAINT "ledger_accounts_owner_org_id_organisations_id_fk" FOREIGN KEY ("owner_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_accounts" ADD CONSTRAINT "ledger_accounts_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_transaction_id_ledger_transactions_id_fk" FOREIGN KEY ("transaction_id") REFERENCES "public"."ledger_transactions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_account_id_ledger_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."ledger_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_customer_id_users_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking_assignments" ADD CONSTRAINT "booking_assignments_booking_id_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."bookings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking_assignments" ADD CONSTRAINT "booking_assignments_serviceman_id_servicemen_id_fk" FOREIGN KEY ("serviceman_id") REFERENCES "public"."servicemen"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking_deadlines" ADD CONSTRAINT "booking_deadlines_booking_id_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."bookings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking_status_changes" ADD CONSTRAINT "booking_status_changes_booking_id_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."bookings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_customer_id_users_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_provider_org_id_organisations_id_fk" FOREIGN KEY ("provider_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_cancelled_by_users_id_fk" FOREIGN KEY ("cancelled_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispatch_offers" ADD CONSTRAINT "dispatch_offers_booking_id_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."bookings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispatch_offers" ADD CONSTRAINT "dispatch_offers_serviceman_id_servicemen_id_fk" FOREIGN KEY ("serviceman_id") REFERENCES "public"."servicemen"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_booking_id_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."bookings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_customer_id_users_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_provider_org_id_organisations_id_fk" FOREIGN KEY ("provider_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "saved_addresses" ADD CONSTRAINT "saved_addresses_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "serviceman_exceptions_idx" ON "serviceman_exceptions" USING btree ("serviceman_id","on_date");--> statement-breakpoint
CREATE INDEX "serviceman_hours_idx" ON "serviceman_hours" USING btree ("serviceman_id","weekday");--> statement-breakpoint
CREATE INDEX "serviceman_time_off_idx" ON "serviceman_time_off" USING btree ("serviceman_id","starts_at");--> statement-breakpoint
CREATE INDEX "servicemen_provider_idx" ON "servicemen" USING btree ("provider_org_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "servicemen_provider_user_key" ON "servicemen" USING btree ("provider_org_id","user_id");--> statement-breakpoint
CREATE INDEX "commission_rules_kind_idx" ON "commission_rules" USING btree ("kind","priority");--> statement-breakpoint
CREATE INDEX "fx_rates_pair_idx" ON "fx_rates" USING btree ("base","quote","effective_from");--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_accounts_key" ON "ledger_accounts" USING btree ("kind",coalesce("owner_org_id", '00000000-0000-0000-0000-000000000000'::uuid),coalesce("owner_user_id", '00000000-0000-0000-0000-000000000000'::uuid),"currency");--> statement-breakpoint
CREATE INDEX "ledger_entries_account_idx" ON "ledger_entries" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "ledger_entries_tx_idx" ON "ledger_entries" USING btree ("transaction_id");--> statement-breakpoint
CREATE INDEX "ledger_transactions_booking_idx" ON "ledger_transactions" USING btree ("booking_id");--> statement-breakpoint
CREATE INDEX "payments_booking_idx" ON "payments" USING btree ("booking_id");--> statement-breakpoint
CREATE UNIQUE INDEX "payments_gateway_ref_key" ON "payments" USING btree ("gateway","gateway_ref");--> statement-breakpoint
CREATE INDEX "tax_rates_region_idx" ON "tax_rates" USING btree ("region","effective_from");--> statement-breakpoint
CREATE UNIQUE INDEX "webhook_events_key" ON "webhook_events" USING btree ("gateway","event_id");--> statement-breakpoint
CREATE INDEX "booking_assignments_booking_idx" ON "booking_assignments" USING btree ("booking_id");--> statement-breakpoint
CREATE UNIQUE INDEX "booking_assignments_active_key" ON "booking_assignments" USING btree ("booking_id","serviceman_id") WHERE "booking_assignments"."active";--> statement-breakpoint
CREATE UNIQUE INDEX "booking_assignments_one_lead" ON "booking_assignments" USING btree ("booking_id") WHERE "booking_assignments"."active" and "booking_assignments"."role" = 'lead';--> statement-breakpoint
CREATE INDEX "booking_deadlines_due_idx" ON "booking_deadlines" USING btree ("due_at") WHERE "booking_deadlines"."status" = 'pending';--> statement-breakpoint
CREATE UNIQUE INDEX "booking_deadlines_pending_key" ON "booking_deadlines" USING btree ("booking_id","kind") WHERE "booking_deadlines"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "booking_status_changes_booking_idx" ON "booking_status_changes" USING btree ("booking_id","at");--> statement-breakpoint
CREATE INDEX "bookings_customer_idx" ON "bookings" USING btree ("customer_id","created_at");--> statement-breakpoint
CREATE INDEX "bookings_provider_idx" ON "bookings" USING btree ("provider_org_id","starts_at");--> statement-breakpoint
CREATE INDEX "bookings_zone_status_idx" ON "bookings" USING btree ("zone_id","status");--> statement-breakpoint
CREATE INDEX "bookings_series_idx" ON "bookings" USING btree ("series_id");--> statement-breakpoint
CREATE UNIQUE INDEX "dispatch_offers_one_open" ON "dispatch_offers" USING btree ("booking_id") WHERE "dispatch_offers"."status" = 'open';--> statement-breakpoint
CREATE INDEX "dispatch_offers_serviceman_idx" ON "dispatch_offers" USING btree ("serviceman_id","status");--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_key" ON "notifications" USING btree ("user_id","business_key");--> statement-breakpoint
CREATE INDEX "reviews_provider_idx" ON "reviews" USING btree ("provider_org_id","status");--> statement-breakpoint
CREATE INDEX "saved_addresses_user_idx" ON "saved_addresses" USING btree ("user_id");