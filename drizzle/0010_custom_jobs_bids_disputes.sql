CREATE TYPE "public"."file_purpose" AS ENUM('job_photo', 'bid_attachment', 'dispute_evidence');--> statement-breakpoint
CREATE TYPE "public"."bid_status" AS ENUM('active', 'withdrawn', 'declined', 'awarded');--> statement-breakpoint
CREATE TYPE "public"."custom_job_status" AS ENUM('open', 'closed', 'awarded', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."dispute_outcome" AS ENUM('full_refund', 'partial_refund', 'no_refund', 'release');--> statement-breakpoint
CREATE TYPE "public"."dispute_party" AS ENUM('customer', 'provider', 'operations');--> statement-breakpoint
CREATE TYPE "public"."dispute_status" AS ENUM('awaiting_response', 'under_review', 'resolved', 'appealed', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."dispute_subject" AS ENUM('booking', 'job', 'rental');--> statement-breakpoint
CREATE TABLE "stored_files" (
	"id" uuid PRIMARY KEY NOT NULL,
	"purpose" "file_purpose" NOT NULL,
	"owner_user_id" uuid,
	"storage_key" text NOT NULL,
	"original_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" bigint NOT NULL,
	"sha256" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "stored_files_storageKey_unique" UNIQUE("storage_key"),
	CONSTRAINT "stored_files_size" CHECK ("stored_files"."size_bytes" > 0),
	CONSTRAINT "stored_files_sha256" CHECK ("stored_files"."sha256" ~ '^[0-9a-f]{64}$')
);
--> statement-breakpoint
CREATE TABLE "bid_attachments" (
	"bid_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bid_attachments_bid_id_file_id_pk" PRIMARY KEY("bid_id","file_id")
);
--> statement-breakpoint
CREATE TABLE "bid_messages" (
	"id" uuid PRIMARY KEY NOT NULL,
	"bid_id" uuid NOT NULL,
	"author_user_id" uuid,
	"author_party" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bid_messages_party" CHECK ("bid_messages"."author_party" in ('customer', 'provider')),
	CONSTRAINT "bid_messages_body" CHECK (char_length("bid_messages"."body") between 1 and 2000)
);
--> statement-breakpoint
CREATE TABLE "bid_revisions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"bid_id" uuid NOT NULL,
	"revision" integer NOT NULL,
	"amount_minor" bigint NOT NULL,
	"message" text NOT NULL,
	"eta_days" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "bids" (
	"id" uuid PRIMARY KEY NOT NULL,
	"job_id" uuid NOT NULL,
	"provider_org_id" uuid NOT NULL,
	"amount_minor" bigint NOT NULL,
	"currency" char(3) NOT NULL,
	"message" text DEFAULT '' NOT NULL,
	"eta_days" integer NOT NULL,
	"status" "bid_status" DEFAULT 'active' NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"placed_by" uuid,
	"withdrawn_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bids_amount" CHECK ("bids"."amount_minor" > 0),
	CONSTRAINT "bids_eta" CHECK ("bids"."eta_days" between 0 and 365)
);
--> statement-breakpoint
CREATE TABLE "custom_job_invites" (
	"job_id" uuid NOT NULL,
	"provider_org_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "custom_job_invites_job_id_provider_org_id_pk" PRIMARY KEY("job_id","provider_org_id")
);
--> statement-breakpoint
CREATE TABLE "custom_job_photos" (
	"job_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "custom_job_photos_job_id_file_id_pk" PRIMARY KEY("job_id","file_id"),
	CONSTRAINT "custom_job_photos_max" CHECK ("custom_job_photos"."position" between 0 and 5)
);
--> statement-breakpoint
CREATE TABLE "custom_jobs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"reference" text NOT NULL,
	"customer_id" uuid NOT NULL,
	"enterprise_org_id" uuid,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"category_id" uuid NOT NULL,
	"location" geometry(Point,4326) NOT NULL,
	"address_line" text NOT NULL,
	"zone_id" uuid,
	"out_of_zone_allowed" boolean DEFAULT false NOT NULL,
	"budget_min_minor" bigint NOT NULL,
	"budget_max_minor" bigint NOT NULL,
	"currency" char(3) NOT NULL,
	"bid_deadline" timestamp with time zone NOT NULL,
	"invite_only" boolean DEFAULT false NOT NULL,
	"status" "custom_job_status" DEFAULT 'open' NOT NULL,
	"awarded_bid_id" uuid,
	"closed_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "custom_jobs_reference_unique" UNIQUE("reference"),
	CONSTRAINT "custom_jobs_title" CHECK (char_length("custom_jobs"."title") >= 5),
	CONSTRAINT "custom_jobs_budget" CHECK ("custom_jobs"."budget_min_minor" >= 0 and "custom_jobs"."budget_max_minor" >= "custom_jobs"."budget_min_minor"),
	CONSTRAINT "custom_jobs_zone" CHECK ("custom_jobs"."zone_id" is not null or "custom_jobs"."out_of_zone_allowed"),
	CONSTRAINT "custom_jobs_awarded" CHECK (("custom_jobs"."status" = 'awarded') = ("custom_jobs"."awarded_bid_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "dispute_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"dispute_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"party" "dispute_party",
	"actor_user_id" uuid,
	"note" text DEFAULT '' NOT NULL,
	"internal" boolean DEFAULT false NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dispute_evidence" (
	"id" uuid PRIMARY KEY NOT NULL,
	"dispute_id" uuid NOT NULL,
	"party" "dispute_party" NOT NULL,
	"added_by" uuid,
	"file_id" uuid,
	"note" text DEFAULT '' NOT NULL,
	"internal" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dispute_evidence_something" CHECK ("dispute_evidence"."file_id" is not null or char_length("dispute_evidence"."note") > 0)
);
--> statement-breakpoint
CREATE TABLE "disputes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"reference" text NOT NULL,
	"subject_kind" "dispute_subject" NOT NULL,
	"subject_id" uuid NOT NULL,
	"booking_id" uuid,
	"customer_id" uuid NOT NULL,
	"provider_org_id" uuid NOT NULL,
	"opened_by" uuid,
	"opened_by_party" "dispute_party" NOT NULL,
	"reason_code" text NOT NULL,
	"reason" text NOT NULL,
	"status" "dispute_status" DEFAULT 'awaiting_response' NOT NULL,
	"response_due_at" timestamp with time zone NOT NULL,
	"responded_at" timestamp with time zone,
	"response" text,
	"amount_minor" bigint NOT NULL,
	"currency" char(3) NOT NULL,
	"outcome" "dispute_outcome",
	"refund_minor" bigint,
	"resolution_note" text,
	"resolved_by" uuid,
	"resolved_at" timestamp with time zone,
	"first_resolved_by" uuid,
	"appeal_count" integer DEFAULT 0 NOT NULL,
	"appealed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "disputes_reference_unique" UNIQUE("reference"),
	CONSTRAINT "disputes_amount" CHECK ("disputes"."amount_minor" >= 0),
	CONSTRAINT "disputes_refund" CHECK ("disputes"."refund_minor" is null or ("disputes"."refund_minor" >= 0 and "disputes"."refund_minor" <= "disputes"."amount_minor")),
	CONSTRAINT "disputes_resolved" CHECK (("disputes"."status" = 'resolved') = ("disputes"."outcome" is not null and "disputes"."resolved_at" is not null)),
	CONSTRAINT "disputes_appeals" CHECK ("disputes"."appeal_count" between 0 and 1)
);
--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN "bid_id" uuid;--> statement-breakpoint
ALTER TABLE "stored_files" ADD CONSTRAINT "stored_files_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bid_attachments" ADD CONSTRAINT "bid_attachments_bid_id_bids_id_fk" FOREIGN KEY ("bid_id") REFERENCES "public"."bids"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bid_attachments" ADD CONSTRAINT "bid_attachments_file_id_stored_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bid_messages" ADD CONSTRAINT "bid_messages_bid_id_bids_id_fk" FOREIGN KEY ("bid_id") REFERENCES "public"."bids"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bid_messages" ADD CONSTRAINT "bid_messages_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bid_revisions" ADD CONSTRAINT "bid_revisions_bid_id_bids_id_fk" FOREIGN KEY ("bid_id") REFERENCES "public"."bids"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bids" ADD CONSTRAINT "bids_job_id_custom_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."custom_jobs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bids" ADD CONSTRAINT "bids_provider_org_id_organisations_id_fk" FOREIGN KEY ("provider_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bids" ADD CONSTRAINT "bids_placed_by_users_id_fk" FOREIGN KEY ("placed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "custom_job_invites" ADD CONSTRAINT "custom_job_invites_job_id_custom_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."custom_jobs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "custom_job_invites" ADD CONSTRAINT "custom_job_invites_provider_org_id_organisations_id_fk" FOREIGN KEY ("provider_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "custom_job_photos" ADD CONSTRAINT "custom_job_photos_job_id_custom_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."custom_jobs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "custom_job_photos" ADD CONSTRAINT "custom_job_photos_file_id_stored_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "custom_jobs" ADD CONSTRAINT "custom_jobs_customer_id_users_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "custom_jobs" ADD CONSTRAINT "custom_jobs_enterprise_org_id_organisations_id_fk" FOREIGN KEY ("enterprise_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "custom_jobs" ADD CONSTRAINT "custom_jobs_category_id_service_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."service_categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "custom_jobs" ADD CONSTRAINT "custom_jobs_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispute_events" ADD CONSTRAINT "dispute_events_dispute_id_disputes_id_fk" FOREIGN KEY ("dispute_id") REFERENCES "public"."disputes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispute_events" ADD CONSTRAINT "dispute_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispute_evidence" ADD CONSTRAINT "dispute_evidence_dispute_id_disputes_id_fk" FOREIGN KEY ("dispute_id") REFERENCES "public"."disputes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispute_evidence" ADD CONSTRAINT "dispute_evidence_added_by_users_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispute_evidence" ADD CONSTRAINT "dispute_evidence_file_id_stored_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disputes" ADD CONSTRAINT "disputes_customer_id_users_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disputes" ADD CONSTRAINT "disputes_provider_org_id_organisations_id_fk" FOREIGN KEY ("provider_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disputes" ADD CONSTRAINT "disputes_opened_by_users_id_fk" FOREIGN KEY ("opened_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disputes" ADD CONSTRAINT "disputes_resolved_by_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disputes" ADD CONSTRAINT "disputes_first_resolved_by_users_id_fk" FOREIGN KEY ("first_resolved_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "stored_files_owner_idx" ON "stored_files" USING btree ("owner_user_id","created_at");--> statement-breakpoint
CREATE INDEX "bid_messages_bid_idx" ON "bid_messages" USING btree ("bid_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "bid_revisions_key" ON "bid_revisions" USING btree ("bid_id","revision");--> statement-breakpoint
CREATE UNIQUE INDEX "bids_one_per_provider" ON "bids" USING btree ("job_id","provider_org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "bids_one_awarded" ON "bids" USING btree ("job_id") WHERE status = 'awarded';--> statement-breakpoint
CREATE INDEX "bids_provider_idx" ON "bids" USING btree ("provider_org_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "custom_job_photos_position" ON "custom_job_photos" USING btree ("job_id","position");--> statement-breakpoint
CREATE INDEX "custom_jobs_customer_idx" ON "custom_jobs" USING btree ("customer_id","created_at");--> statement-breakpoint
CREATE INDEX "custom_jobs_feed_idx" ON "custom_jobs" USING btree ("status","bid_deadline");--> statement-breakpoint
CREATE INDEX "custom_jobs_zone_idx" ON "custom_jobs" USING btree ("zone_id","status");--> statement-breakpoint
CREATE INDEX "custom_jobs_location_gix" ON "custom_jobs" USING gist ("location");--> statement-breakpoint
CREATE INDEX "dispute_events_dispute_idx" ON "dispute_events" USING btree ("dispute_id","at");--> statement-breakpoint
CREATE INDEX "dispute_evidence_dispute_idx" ON "dispute_evidence" USING btree ("dispute_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "disputes_one_open_per_subject" ON "disputes" USING btree ("subject_kind","subject_id") WHERE status in ('awaiting_response', 'under_review', 'appealed');--> statement-breakpoint
CREATE INDEX "disputes_queue_idx" ON "disputes" USING btree ("status","response_due_at");--> statement-breakpoint
CREATE INDEX "disputes_customer_idx" ON "disputes" USING btree ("customer_id","created_at");--> statement-breakpoint
CREATE INDEX "disputes_provider_idx" ON "disputes" USING btree ("provider_org_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "bookings_bid_key" ON "bookings" USING btree ("bid_id") WHERE bid_id is not null;--> statement-breakpoint
-- A dispute's timeline is a record: steps are added, never edited or removed.
CREATE TRIGGER dispute_events_append_only BEFORE UPDATE OR DELETE ON dispute_events
  FOR EACH ROW EXECUTE FUNCTION ledger_append_only();
