CREATE TYPE "public"."compliance_doc_status" AS ENUM('submitted', 'approved', 'rejected', 'expired');--> statement-breakpoint
CREATE TYPE "public"."compliance_doc_type" AS ENUM('insurance_certificate', 'public_liability', 'identity', 'dbs_check');--> statement-breakpoint
CREATE TYPE "public"."inventory_alert_kind" AS ENUM('low_stock', 'overdue_return', 'damage_reported');--> statement-breakpoint
CREATE TYPE "public"."inventory_alert_severity" AS ENUM('warning', 'critical');--> statement-breakpoint
CREATE TYPE "public"."inventory_alert_status" AS ENUM('open', 'acknowledged', 'resolved');--> statement-breakpoint
CREATE TYPE "public"."inventory_condition" AS ENUM('new', 'good', 'fair', 'worn', 'damaged');--> statement-breakpoint
CREATE TYPE "public"."inventory_item_kind" AS ENUM('tool', 'material');--> statement-breakpoint
CREATE TYPE "public"."inventory_item_mode" AS ENUM('purchase', 'rental', 'hybrid');--> statement-breakpoint
CREATE TYPE "public"."inventory_item_status" AS ENUM('active', 'archived');--> statement-breakpoint
CREATE TYPE "public"."inventory_tracking" AS ENUM('serialised', 'bulk');--> statement-breakpoint
CREATE TYPE "public"."inventory_move_kind" AS ENUM('receive', 'reserve', 'release', 'checkout', 'return', 'adjust', 'write_off', 'sale', 'restock', 'count');--> statement-breakpoint
CREATE TYPE "public"."inventory_unit_status" AS ENUM('in_stock', 'out', 'maintenance', 'retired');--> statement-breakpoint
CREATE TYPE "public"."fulfilment_method" AS ENUM('pickup', 'delivery');--> statement-breakpoint
CREATE TYPE "public"."listing_kind" AS ENUM('service_package', 'tool_rental', 'tool_sale', 'material');--> statement-breakpoint
CREATE TYPE "public"."listing_status" AS ENUM('draft', 'pending_review', 'approved', 'rejected', 'suspended');--> statement-breakpoint
CREATE TYPE "public"."order_status" AS ENUM('paid', 'fulfilled', 'collected', 'refunded');--> statement-breakpoint
CREATE TYPE "public"."commerce_payment_purpose" AS ENUM('rental', 'deposit', 'balance', 'purchase');--> statement-breakpoint
CREATE TYPE "public"."rental_inspection_outcome" AS ENUM('clear', 'damaged', 'partial');--> statement-breakpoint
CREATE TYPE "public"."rental_charge_kind" AS ENUM('late', 'damage', 'cleaning', 'loss', 'other');--> statement-breakpoint
CREATE TYPE "public"."rental_photo_stage" AS ENUM('checkout', 'return', 'inspection');--> statement-breakpoint
CREATE TYPE "public"."rental_status" AS ENUM('requested', 'approved', 'rejected', 'pickup_scheduled', 'in_use', 'partially_returned', 'inspection_pending', 'settled', 'cancelled', 'disputed');--> statement-breakpoint
ALTER TYPE "public"."ledger_account_kind" ADD VALUE 'deposit_holds';--> statement-breakpoint
ALTER TYPE "public"."file_purpose" ADD VALUE 'compliance_document';--> statement-breakpoint
ALTER TYPE "public"."file_purpose" ADD VALUE 'listing_photo';--> statement-breakpoint
ALTER TYPE "public"."file_purpose" ADD VALUE 'rental_photo';--> statement-breakpoint
CREATE TABLE "compliance_documents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"provider_org_id" uuid,
	"serviceman_id" uuid,
	"user_id" uuid,
	"doc_type" "compliance_doc_type" NOT NULL,
	"file_id" uuid NOT NULL,
	"document_number" text DEFAULT '' NOT NULL,
	"issued_on" date NOT NULL,
	"expires_on" date NOT NULL,
	"status" "compliance_doc_status" DEFAULT 'submitted' NOT NULL,
	"rejection_reason" text,
	"submitted_by" uuid,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"expired_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "compliance_documents_one_subject" CHECK (num_nonnulls("compliance_documents"."provider_org_id", "compliance_documents"."serviceman_id", "compliance_documents"."user_id") = 1),
	CONSTRAINT "compliance_documents_dates" CHECK ("compliance_documents"."expires_on" > "compliance_documents"."issued_on"),
	CONSTRAINT "compliance_documents_rejection" CHECK (("compliance_documents"."status" = 'rejected') = ("compliance_documents"."rejection_reason" is not null)),
	CONSTRAINT "compliance_documents_reviewed" CHECK ("compliance_documents"."status" = 'submitted' or "compliance_documents"."reviewed_at" is not null)
);
--> statement-breakpoint
CREATE TABLE "provider_compliance" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"suspended" boolean DEFAULT false NOT NULL,
	"suspension_reason" text,
	"suspended_at" timestamp with time zone,
	"suspended_by" uuid,
	"reinstated_at" timestamp with time zone,
	"reinstated_by" uuid,
	"reinstatement_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "provider_compliance_suspension" CHECK (not "provider_compliance"."suspended" or ("provider_compliance"."suspension_reason" is not null and "provider_compliance"."suspended_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "inventory_alerts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"item_id" uuid NOT NULL,
	"provider_org_id" uuid NOT NULL,
	"kind" "inventory_alert_kind" NOT NULL,
	"severity" "inventory_alert_severity" NOT NULL,
	"status" "inventory_alert_status" DEFAULT 'open' NOT NULL,
	"rental_id" uuid,
	"detail" text DEFAULT '' NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"acknowledged_by" uuid,
	"resolved_at" timestamp with time zone,
	"resolved_by" uuid,
	"auto_resolved" boolean DEFAULT false NOT NULL,
	"resolution_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inventory_alerts_resolved" CHECK (("inventory_alerts"."status" = 'resolved') = ("inventory_alerts"."resolved_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "inventory_items" (
	"id" uuid PRIMARY KEY NOT NULL,
	"provider_org_id" uuid NOT NULL,
	"sku" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"kind" "inventory_item_kind" NOT NULL,
	"mode" "inventory_item_mode" NOT NULL,
	"tracking" "inventory_tracking" NOT NULL,
	"on_hand" integer DEFAULT 0 NOT NULL,
	"reserved" integer DEFAULT 0 NOT NULL,
	"out_on_rent" integer DEFAULT 0 NOT NULL,
	"safety_stock" integer DEFAULT 0 NOT NULL,
	"daily_rate_minor" bigint,
	"deposit_minor" bigint DEFAULT 0 NOT NULL,
	"sale_price_minor" bigint,
	"replacement_cost_minor" bigint DEFAULT 0 NOT NULL,
	"currency" char(3) NOT NULL,
	"insurance_required" boolean DEFAULT false NOT NULL,
	"condition" "inventory_condition" DEFAULT 'good' NOT NULL,
	"location" text DEFAULT '' NOT NULL,
	"status" "inventory_item_status" DEFAULT 'active' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inventory_items_on_hand" CHECK ("inventory_items"."on_hand" >= 0),
	CONSTRAINT "inventory_items_reserved" CHECK ("inventory_items"."reserved" >= 0 and "inventory_items"."reserved" <= "inventory_items"."on_hand"),
	CONSTRAINT "inventory_items_out" CHECK ("inventory_items"."out_on_rent" >= 0),
	CONSTRAINT "inventory_items_safety" CHECK ("inventory_items"."safety_stock" >= 0),
	CONSTRAINT "inventory_items_sku_shape" CHECK ("inventory_items"."sku" ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$'),
	CONSTRAINT "inventory_items_money" CHECK (coalesce("inventory_items"."daily_rate_minor", 0) >= 0 and "inventory_items"."deposit_minor" >= 0 and coalesce("inventory_items"."sale_price_minor", 0) >= 0 and "inventory_items"."replacement_cost_minor" >= 0),
	CONSTRAINT "inventory_items_rental_rate" CHECK ("inventory_items"."mode" = 'purchase' or "inventory_items"."daily_rate_minor" is not null),
	CONSTRAINT "inventory_items_sale_price" CHECK ("inventory_items"."mode" = 'rental' or "inventory_items"."sale_price_minor" is not null),
	CONSTRAINT "inventory_items_currency_shape" CHECK ("inventory_items"."currency" ~ '^[A-Z]{3}$')
);
--> statement-breakpoint
CREATE TABLE "inventory_moves" (
	"seq" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "inventory_moves_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"provider_org_id" uuid NOT NULL,
	"kind" "inventory_move_kind" NOT NULL,
	"on_hand_delta" integer DEFAULT 0 NOT NULL,
	"reserved_delta" integer DEFAULT 0 NOT NULL,
	"out_delta" integer DEFAULT 0 NOT NULL,
	"on_hand_after" integer NOT NULL,
	"reserved_after" integer NOT NULL,
	"out_after" integer NOT NULL,
	"unit_id" uuid,
	"rental_id" uuid,
	"order_id" uuid,
	"reason" text DEFAULT '' NOT NULL,
	"counted_qty" integer,
	"actor_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inventory_moves_id_unique" UNIQUE("id"),
	CONSTRAINT "inventory_moves_nonzero" CHECK ("inventory_moves"."on_hand_delta" <> 0 or "inventory_moves"."reserved_delta" <> 0 or "inventory_moves"."out_delta" <> 0 or "inventory_moves"."kind" = 'count'),
	CONSTRAINT "inventory_moves_after" CHECK ("inventory_moves"."on_hand_after" >= 0 and "inventory_moves"."reserved_after" >= 0 and "inventory_moves"."reserved_after" <= "inventory_moves"."on_hand_after" and "inventory_moves"."out_after" >= 0),
	CONSTRAINT "inventory_moves_reason" CHECK ("inventory_moves"."kind" not in ('adjust', 'write_off', 'count') or char_length("inventory_moves"."reason") >= 3)
);
--> statement-breakpoint
CREATE TABLE "inventory_units" (
	"id" uuid PRIMARY KEY NOT NULL,
	"item_id" uuid NOT NULL,
	"serial" text NOT NULL,
	"status" "inventory_unit_status" DEFAULT 'in_stock' NOT NULL,
	"condition" "inventory_condition" DEFAULT 'good' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inventory_units_serial" CHECK (char_length("inventory_units"."serial") between 1 and 60)
);
--> statement-breakpoint
CREATE TABLE "listing_moderation_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"listing_id" uuid NOT NULL,
	"action" text NOT NULL,
	"from_status" "listing_status",
	"to_status" "listing_status" NOT NULL,
	"actor_user_id" uuid,
	"reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "listing_photos" (
	"listing_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "listing_photos_listing_id_file_id_pk" PRIMARY KEY("listing_id","file_id"),
	CONSTRAINT "listing_photos_max" CHECK ("listing_photos"."position" between 0 and 5)
);
--> statement-breakpoint
CREATE TABLE "listings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"provider_org_id" uuid NOT NULL,
	"kind" "listing_kind" NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"category_id" uuid,
	"item_id" uuid,
	"service_id" uuid,
	"price_minor" bigint NOT NULL,
	"currency" char(3) NOT NULL,
	"status" "listing_status" DEFAULT 'draft' NOT NULL,
	"status_reason" text,
	"submitted_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"decided_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "listings_title" CHECK (char_length("listings"."title") between 3 and 120),
	CONSTRAINT "listings_price" CHECK ("listings"."price_minor" >= 0),
	CONSTRAINT "listings_stock" CHECK ("listings"."kind" = 'service_package' or "listings"."item_id" is not null),
	CONSTRAINT "listings_service" CHECK ("listings"."kind" <> 'service_package' or "listings"."service_id" is not null),
	CONSTRAINT "listings_reason" CHECK ("listings"."status" not in ('rejected', 'suspended') or "listings"."status_reason" is not null)
);
--> statement-breakpoint
CREATE TABLE "orders" (
	"id" uuid PRIMARY KEY NOT NULL,
	"reference" text NOT NULL,
	"customer_id" uuid NOT NULL,
	"provider_org_id" uuid NOT NULL,
	"listing_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"quantity" integer NOT NULL,
	"unit_price_minor" bigint NOT NULL,
	"subtotal_minor" bigint NOT NULL,
	"delivery_fee_minor" bigint DEFAULT 0 NOT NULL,
	"service_fee_minor" bigint DEFAULT 0 NOT NULL,
	"tax_minor" bigint DEFAULT 0 NOT NULL,
	"total_minor" bigint NOT NULL,
	"currency" char(3) NOT NULL,
	"fulfilment" "fulfilment_method" NOT NULL,
	"delivery_address" text,
	"status" "order_status" DEFAULT 'paid' NOT NULL,
	"paid_at" timestamp with time zone NOT NULL,
	"fulfilled_at" timestamp with time zone,
	"collected_at" timestamp with time zone,
	"refunded_at" timestamp with time zone,
	"refund_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "orders_reference_unique" UNIQUE("reference"),
	CONSTRAINT "orders_quantity" CHECK ("orders"."quantity" > 0),
	CONSTRAINT "orders_money" CHECK ("orders"."unit_price_minor" >= 0 and "orders"."delivery_fee_minor" >= 0 and "orders"."service_fee_minor" >= 0 and "orders"."tax_minor" >= 0 and "orders"."total_minor" >= "orders"."subtotal_minor"),
	CONSTRAINT "orders_delivery" CHECK ("orders"."fulfilment" = 'pickup' or "orders"."delivery_address" is not null)
);
--> statement-breakpoint
CREATE TABLE "commerce_payments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"rental_id" uuid,
	"order_id" uuid,
	"purpose" "commerce_payment_purpose" NOT NULL,
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
	CONSTRAINT "commerce_payments_subject" CHECK (num_nonnulls("commerce_payments"."rental_id", "commerce_payments"."order_id") = 1),
	CONSTRAINT "commerce_payments_amounts" CHECK ("commerce_payments"."amount_minor" > 0 and "commerce_payments"."captured_minor" between 0 and "commerce_payments"."amount_minor" and "commerce_payments"."refunded_minor" between 0 and "commerce_payments"."captured_minor")
);
--> statement-breakpoint
CREATE TABLE "rental_charges" (
	"id" uuid PRIMARY KEY NOT NULL,
	"rental_id" uuid NOT NULL,
	"kind" "rental_charge_kind" NOT NULL,
	"label" text NOT NULL,
	"amount_minor" bigint NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rental_charges_amount" CHECK ("rental_charges"."amount_minor" > 0),
	CONSTRAINT "rental_charges_label" CHECK (char_length("rental_charges"."label") between 2 and 200)
);
--> statement-breakpoint
CREATE TABLE "rental_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"rental_id" uuid NOT NULL,
	"from_status" "rental_status",
	"to_status" "rental_status" NOT NULL,
	"actor_user_id" uuid,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rental_photos" (
	"rental_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"stage" "rental_photo_stage" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rental_photos_rental_id_file_id_pk" PRIMARY KEY("rental_id","file_id")
);
--> statement-breakpoint
CREATE TABLE "rental_reservations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"rental_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"unit_id" uuid,
	"quantity" integer NOT NULL,
	"period" "tstzrange" NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rental_reservations_quantity" CHECK ("rental_reservations"."quantity" > 0 and ("rental_reservations"."unit_id" is null or "rental_reservations"."quantity" = 1))
);
--> statement-breakpoint
CREATE TABLE "rental_returns" (
	"id" uuid PRIMARY KEY NOT NULL,
	"rental_id" uuid NOT NULL,
	"quantity" integer NOT NULL,
	"unit_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"returned_at" timestamp with time zone NOT NULL,
	"late_days" integer DEFAULT 0 NOT NULL,
	"condition" "inventory_condition" NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"received_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rental_returns_quantity" CHECK ("rental_returns"."quantity" > 0),
	CONSTRAINT "rental_returns_late" CHECK ("rental_returns"."late_days" >= 0)
);
--> statement-breakpoint
CREATE TABLE "rentals" (
	"id" uuid PRIMARY KEY NOT NULL,
	"reference" text NOT NULL,
	"customer_id" uuid NOT NULL,
	"provider_org_id" uuid NOT NULL,
	"listing_id" uuid,
	"item_id" uuid NOT NULL,
	"quantity" integer NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"original_ends_at" timestamp with time zone NOT NULL,
	"status" "rental_status" DEFAULT 'requested' NOT NULL,
	"status_before_dispute" "rental_status",
	"fulfilment" "fulfilment_method" DEFAULT 'pickup' NOT NULL,
	"delivery_address" text,
	"delivery_location" geometry(Point,4326),
	"daily_rate_minor" bigint NOT NULL,
	"deposit_minor" bigint NOT NULL,
	"rental_minor" bigint NOT NULL,
	"delivery_fee_minor" bigint DEFAULT 0 NOT NULL,
	"service_fee_minor" bigint DEFAULT 0 NOT NULL,
	"tax_minor" bigint DEFAULT 0 NOT NULL,
	"total_minor" bigint NOT NULL,
	"currency" char(3) NOT NULL,
	"payment_method" text NOT NULL,
	"pickup_at" timestamp with time zone,
	"checked_out_at" timestamp with time zone,
	"checkout_condition" "inventory_condition",
	"checkout_note" text,
	"returned_quantity" integer DEFAULT 0 NOT NULL,
	"inspection_outcome" "rental_inspection_outcome",
	"inspection_note" text,
	"inspected_at" timestamp with time zone,
	"settled_at" timestamp with time zone,
	"settlement" jsonb,
	"rejection_reason" text,
	"cancellation_reason" text,
	"cancelled_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rentals_reference_unique" UNIQUE("reference"),
	CONSTRAINT "rentals_quantity" CHECK ("rentals"."quantity" > 0),
	CONSTRAINT "rentals_window" CHECK ("rentals"."ends_at" > "rentals"."starts_at" and "rentals"."original_ends_at" > "rentals"."starts_at"),
	CONSTRAINT "rentals_returned" CHECK ("rentals"."returned_quantity" between 0 and "rentals"."quantity"),
	CONSTRAINT "rentals_money" CHECK ("rentals"."daily_rate_minor" >= 0 and "rentals"."deposit_minor" >= 0 and "rentals"."rental_minor" >= 0 and "rentals"."delivery_fee_minor" >= 0 and "rentals"."service_fee_minor" >= 0 and "rentals"."tax_minor" >= 0 and "rentals"."total_minor" >= 0),
	CONSTRAINT "rentals_delivery" CHECK ("rentals"."fulfilment" = 'pickup' or "rentals"."delivery_address" is not null),
	CONSTRAINT "rentals_rejected" CHECK ("rentals"."status" <> 'rejected' or "rentals"."rejection_reason" is not null)
);
--> statement-breakpoint
ALTER TABLE "compliance_documents" ADD CONSTRAINT "compliance_documents_provider_org_id_organisations_id_fk" FOREIGN KEY ("provider_org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compliance_documents" ADD CONSTRAINT "compliance_documents_serviceman_id_servicemen_id_fk" FOREIGN KEY ("serviceman_id") REFERENCES "public"."servicemen"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compliance_documents" ADD CONSTRAINT "compliance_documents_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compliance_documents" ADD CONSTRAINT "compliance_documents_file_id_stored_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compliance_documents" ADD CONSTRAINT "compliance_documents_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compliance_documents" ADD CONSTRAINT "compliance_documents_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider_compliance" ADD CONSTRAINT "provider_compliance_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider_compliance" ADD CONSTRAINT "provider_compliance_suspended_by_users_id_fk" FOREIGN KEY ("suspended_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider_compliance" ADD CONSTRAINT "provider_compliance_reinstated_by_users_id_fk" FOREIGN KEY ("reinstated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_alerts" ADD CONSTRAINT "inventory_alerts_item_id_inventory_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."inventory_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_alerts" ADD CONSTRAINT "inventory_alerts_provider_org_id_organisations_id_fk" FOREIGN KEY ("provider_org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_alerts" ADD CONSTRAINT "inventory_alerts_acknowledged_by_users_id_fk" FOREIGN KEY ("acknowledged_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_alerts" ADD CONSTRAINT "inventory_alerts_resolved_by_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_items" ADD CONSTRAINT "inventory_items_provider_org_id_organisations_id_fk" FOREIGN KEY ("provider_org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_moves" ADD CONSTRAINT "inventory_moves_item_id_inventory_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."inventory_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_moves" ADD CONSTRAINT "inventory_moves_provider_org_id_organisations_id_fk" FOREIGN KEY ("provider_org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_moves" ADD CONSTRAINT "inventory_moves_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory_units" ADD CONSTRAINT "inventory_units_item_id_inventory_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."inventory_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listing_moderation_events" ADD CONSTRAINT "listing_moderation_events_listing_id_listings_id_fk" FOREIGN KEY ("listing_id") REFERENCES "public"."listings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listing_moderation_events" ADD CONSTRAINT "listing_moderation_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listing_photos" ADD CONSTRAINT "listing_photos_listing_id_listings_id_fk" FOREIGN KEY ("listing_id") REFERENCES "public"."listings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listing_photos" ADD CONSTRAINT "listing_photos_file_id_stored_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listings" ADD CONSTRAINT "listings_provider_org_id_organisations_id_fk" FOREIGN KEY ("provider_org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listings" ADD CONSTRAINT "listings_category_id_service_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."service_categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listings" ADD CONSTRAINT "listings_item_id_inventory_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."inventory_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listings" ADD CONSTRAINT "listings_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listings" ADD CONSTRAINT "listings_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_customer_id_users_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_provider_org_id_organisations_id_fk" FOREIGN KEY ("provider_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_listing_id_listings_id_fk" FOREIGN KEY ("listing_id") REFERENCES "public"."listings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_item_id_inventory_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."inventory_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commerce_payments" ADD CONSTRAINT "commerce_payments_rental_id_rentals_id_fk" FOREIGN KEY ("rental_id") REFERENCES "public"."rentals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commerce_payments" ADD CONSTRAINT "commerce_payments_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commerce_payments" ADD CONSTRAINT "commerce_payments_customer_id_users_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rental_charges" ADD CONSTRAINT "rental_charges_rental_id_rentals_id_fk" FOREIGN KEY ("rental_id") REFERENCES "public"."rentals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rental_charges" ADD CONSTRAINT "rental_charges_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rental_events" ADD CONSTRAINT "rental_events_rental_id_rentals_id_fk" FOREIGN KEY ("rental_id") REFERENCES "public"."rentals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rental_events" ADD CONSTRAINT "rental_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rental_photos" ADD CONSTRAINT "rental_photos_rental_id_rentals_id_fk" FOREIGN KEY ("rental_id") REFERENCES "public"."rentals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rental_photos" ADD CONSTRAINT "rental_photos_file_id_stored_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rental_reservations" ADD CONSTRAINT "rental_reservations_rental_id_rentals_id_fk" FOREIGN KEY ("rental_id") REFERENCES "public"."rentals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rental_reservations" ADD CONSTRAINT "rental_reservations_item_id_inventory_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."inventory_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rental_reservations" ADD CONSTRAINT "rental_reservations_unit_id_inventory_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."inventory_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rental_returns" ADD CONSTRAINT "rental_returns_rental_id_rentals_id_fk" FOREIGN KEY ("rental_id") REFERENCES "public"."rentals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rental_returns" ADD CONSTRAINT "rental_returns_received_by_users_id_fk" FOREIGN KEY ("received_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rentals" ADD CONSTRAINT "rentals_customer_id_users_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rentals" ADD CONSTRAINT "rentals_provider_org_id_organisations_id_fk" FOREIGN KEY ("provider_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rentals" ADD CONSTRAINT "rentals_listing_id_listings_id_fk" FOREIGN KEY ("listing_id") REFERENCES "public"."listings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rentals" ADD CONSTRAINT "rentals_item_id_inventory_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."inventory_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "compliance_documents_provider_idx" ON "compliance_documents" USING btree ("provider_org_id","doc_type","status");--> statement-breakpoint
CREATE INDEX "compliance_documents_serviceman_idx" ON "compliance_documents" USING btree ("serviceman_id","doc_type","status");--> statement-breakpoint
CREATE INDEX "compliance_documents_user_idx" ON "compliance_documents" USING btree ("user_id","doc_type","status");--> statement-breakpoint
CREATE INDEX "compliance_documents_queue_idx" ON "compliance_documents" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "compliance_documents_expiry_idx" ON "compliance_documents" USING btree ("status","expires_on");--> statement-breakpoint
CREATE UNIQUE INDEX "inventory_alerts_one_live" ON "inventory_alerts" USING btree ("item_id","kind",coalesce("rental_id", '00000000-0000-0000-0000-000000000000'::uuid)) WHERE status <> 'resolved';--> statement-breakpoint
CREATE INDEX "inventory_alerts_provider_idx" ON "inventory_alerts" USING btree ("provider_org_id","status","opened_at");--> statement-breakpoint
CREATE UNIQUE INDEX "inventory_items_sku_key" ON "inventory_items" USING btree ("provider_org_id","sku");--> statement-breakpoint
CREATE INDEX "inventory_items_provider_idx" ON "inventory_items" USING btree ("provider_org_id","status");--> statement-breakpoint
CREATE INDEX "inventory_moves_item_idx" ON "inventory_moves" USING btree ("item_id","seq");--> statement-breakpoint
CREATE INDEX "inventory_moves_provider_idx" ON "inventory_moves" USING btree ("provider_org_id","created_at");--> statement-breakpoint
CREATE INDEX "inventory_moves_rental_idx" ON "inventory_moves" USING btree ("rental_id");--> statement-breakpoint
CREATE UNIQUE INDEX "inventory_units_serial_key" ON "inventory_units" USING btree ("item_id","serial");--> statement-breakpoint
CREATE INDEX "inventory_units_item_idx" ON "inventory_units" USING btree ("item_id","status");--> statement-breakpoint
CREATE INDEX "listing_moderation_events_listing_idx" ON "listing_moderation_events" USING btree ("listing_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "listing_photos_position" ON "listing_photos" USING btree ("listing_id","position");--> statement-breakpoint
CREATE INDEX "listings_provider_idx" ON "listings" USING btree ("provider_org_id","status");--> statement-breakpoint
CREATE INDEX "listings_feed_idx" ON "listings" USING btree ("status","kind","category_id");--> statement-breakpoint
CREATE INDEX "listings_queue_idx" ON "listings" USING btree ("status","submitted_at");--> statement-breakpoint
CREATE INDEX "orders_customer_idx" ON "orders" USING btree ("customer_id","created_at");--> statement-breakpoint
CREATE INDEX "orders_provider_idx" ON "orders" USING btree ("provider_org_id","status","created_at");--> statement-breakpoint
CREATE INDEX "commerce_payments_rental_idx" ON "commerce_payments" USING btree ("rental_id");--> statement-breakpoint
CREATE INDEX "commerce_payments_order_idx" ON "commerce_payments" USING btree ("order_id");--> statement-breakpoint
CREATE UNIQUE INDEX "commerce_payments_one_per_purpose" ON "commerce_payments" USING btree (coalesce("rental_id", "order_id"),"purpose");--> statement-breakpoint
CREATE INDEX "rental_charges_rental_idx" ON "rental_charges" USING btree ("rental_id");--> statement-breakpoint
CREATE INDEX "rental_events_rental_idx" ON "rental_events" USING btree ("rental_id","created_at");--> statement-breakpoint
CREATE INDEX "rental_reservations_item_idx" ON "rental_reservations" USING btree ("item_id","active");--> statement-breakpoint
CREATE INDEX "rental_reservations_rental_idx" ON "rental_reservations" USING btree ("rental_id");--> statement-breakpoint
CREATE INDEX "rental_returns_rental_idx" ON "rental_returns" USING btree ("rental_id");--> statement-breakpoint
CREATE INDEX "rentals_customer_idx" ON "rentals" USING btree ("customer_id","created_at");--> statement-breakpoint
CREATE INDEX "rentals_provider_idx" ON "rentals" USING btree ("provider_org_id","status","starts_at");--> statement-breakpoint
CREATE INDEX "rentals_item_idx" ON "rentals" USING btree ("item_id","status");--> statement-breakpoint
CREATE INDEX "rentals_due_idx" ON "rentals" USING btree ("status","ends_at");--> statement-breakpoint
-- A serialised unit cannot be promised to two rentals whose periods overlap. The request verb locks
-- the item row first; this constraint is the safety net (23P01 → 409).
ALTER TABLE rental_reservations
  ADD CONSTRAINT rental_reservations_no_overlap
  EXCLUDE USING gist (unit_id WITH =, period WITH &&) WHERE (active AND unit_id IS NOT NULL);--> statement-breakpoint
ALTER TABLE rental_reservations ADD CONSTRAINT rental_reservations_period_bounded
  CHECK (NOT isempty(period) AND lower_inc(period) AND NOT upper_inc(period) AND NOT lower_inf(period) AND NOT upper_inf(period));--> statement-breakpoint
CREATE INDEX rental_reservations_period_gix ON rental_reservations USING gist (item_id, period) WHERE active;--> statement-breakpoint

-- The stock ledger, the rental timeline and the moderation history are append-only.
CREATE TRIGGER inventory_moves_append_only BEFORE UPDATE OR DELETE ON inventory_moves
  FOR EACH ROW EXECUTE FUNCTION ledger_append_only();--> statement-breakpoint
CREATE TRIGGER inventory_moves_no_truncate BEFORE TRUNCATE ON inventory_moves
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_append_only();--> statement-breakpoint
CREATE TRIGGER rental_events_append_only BEFORE UPDATE OR DELETE ON rental_events
  FOR EACH ROW EXECUTE FUNCTION ledger_append_only();--> statement-breakpoint
CREATE TRIGGER listing_moderation_events_append_only BEFORE UPDATE OR DELETE ON listing_moderation_events
  FOR EACH ROW EXECUTE FUNCTION ledger_append_only();
