CREATE TYPE "public"."service_status" AS ENUM('draft', 'active', 'paused', 'archived');--> statement-breakpoint
CREATE TYPE "public"."demand_level" AS ENUM('high', 'medium', 'low');--> statement-breakpoint
CREATE TYPE "public"."place_kind" AS ENUM('area', 'postcode', 'landmark', 'station');--> statement-breakpoint
CREATE TYPE "public"."snapshot_trigger" AS ENUM('schedule', 'manual');--> statement-breakpoint
CREATE TYPE "public"."zone_status" AS ENUM('draft', 'active', 'paused', 'archived');--> statement-breakpoint
CREATE TABLE "favourite_providers" (
	"user_id" uuid NOT NULL,
	"provider_org_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "favourite_providers_user_id_provider_org_id_pk" PRIMARY KEY("user_id","provider_org_id")
);
--> statement-breakpoint
CREATE TABLE "provider_hours" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"weekday" smallint NOT NULL,
	"opens_at" time NOT NULL,
	"closes_at" time NOT NULL,
	CONSTRAINT "provider_hours_weekday" CHECK ("provider_hours"."weekday" between 1 and 7),
	CONSTRAINT "provider_hours_order" CHECK ("provider_hours"."closes_at" > "provider_hours"."opens_at")
);
--> statement-breakpoint
CREATE TABLE "provider_profiles" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"tagline" text DEFAULT '' NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"base_point" geometry(Point,4326) NOT NULL,
	"rating_x_100" integer,
	"rating_count" integer DEFAULT 0 NOT NULL,
	"accepts_on_demand" boolean DEFAULT true NOT NULL,
	"offers_rentals" boolean DEFAULT false NOT NULL,
	"offers_sales" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "provider_profiles_rating_range" CHECK ("provider_profiles"."rating_x_100" is null or "provider_profiles"."rating_x_100" between 100 and 500),
	CONSTRAINT "provider_profiles_rating_count" CHECK ("provider_profiles"."rating_count" >= 0)
);
--> statement-breakpoint
CREATE TABLE "service_categories" (
	"id" uuid PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "service_categories_slug_unique" UNIQUE("slug"),
	CONSTRAINT "service_categories_slug_shape" CHECK ("service_categories"."slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$')
);
--> statement-breakpoint
CREATE TABLE "services" (
	"id" uuid PRIMARY KEY NOT NULL,
	"provider_org_id" uuid NOT NULL,
	"category_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"price_minor" bigint NOT NULL,
	"currency" char(3) NOT NULL,
	"tax_inclusive" boolean DEFAULT true NOT NULL,
	"duration_minutes" integer NOT NULL,
	"crew_size" smallint DEFAULT 1 NOT NULL,
	"buffer_before_minutes" integer DEFAULT 0 NOT NULL,
	"buffer_after_minutes" integer DEFAULT 0 NOT NULL,
	"min_notice_minutes" integer DEFAULT 0 NOT NULL,
	"status" "service_status" DEFAULT 'draft' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "services_price_nonneg" CHECK ("services"."price_minor" >= 0),
	CONSTRAINT "services_duration_positive" CHECK ("services"."duration_minutes" > 0),
	CONSTRAINT "services_crew_size" CHECK ("services"."crew_size" between 1 and 20),
	CONSTRAINT "services_buffers_nonneg" CHECK ("services"."buffer_before_minutes" >= 0 and "services"."buffer_after_minutes" >= 0 and "services"."min_notice_minutes" >= 0),
	CONSTRAINT "services_currency_shape" CHECK ("services"."currency" ~ '^[A-Z]{3}$')
);
--> statement-breakpoint
CREATE TABLE "places" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" "place_kind" NOT NULL,
	"region" text NOT NULL,
	"point" geometry(Point,4326) NOT NULL,
	"rank" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "zone_coverage" (
	"id" uuid PRIMARY KEY NOT NULL,
	"provider_org_id" uuid NOT NULL,
	"zone_id" uuid NOT NULL,
	"service_id" uuid NOT NULL,
	"priority" smallint DEFAULT 1 NOT NULL,
	"effective_from" timestamp with time zone NOT NULL,
	"effective_to" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "zone_coverage_priority" CHECK ("zone_coverage"."priority" between 1 and 5),
	CONSTRAINT "zone_coverage_dates" CHECK ("zone_coverage"."effective_to" is null or "zone_coverage"."effective_to" > "zone_coverage"."effective_from")
);
--> statement-breakpoint
CREATE TABLE "zone_metrics" (
	"zone_id" uuid PRIMARY KEY NOT NULL,
	"bookings_by_status" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"sla_breaches" integer DEFAULT 0 NOT NULL,
	"mean_minutes_to_acceptance" integer,
	"active_providers" integer DEFAULT 0 NOT NULL,
	"active_services" integer DEFAULT 0 NOT NULL,
	"open_demand" integer DEFAULT 0 NOT NULL,
	"supply_demand_ratio_bp" integer,
	"inventory_matches" integer DEFAULT 0 NOT NULL,
	"computed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "zone_snapshot_runs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"trigger" "snapshot_trigger" NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"since_at" timestamp with time zone,
	"zones_recomputed" integer DEFAULT 0 NOT NULL,
	"requested_by" uuid
);
--> statement-breakpoint
CREATE TABLE "zone_snapshots" (
	"id" uuid PRIMARY KEY NOT NULL,
	"run_id" uuid NOT NULL,
	"zone_id" uuid NOT NULL,
	"taken_at" timestamp with time zone NOT NULL,
	"metrics" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "zones" (
	"id" uuid PRIMARY KEY NOT NULL,
	"owner_org_id" uuid NOT NULL,
	"owner_kind" "org_kind" NOT NULL,
	"name" text NOT NULL,
	"geom" geometry(MultiPolygon,4326) NOT NULL,
	"geom_mercator" geometry(MultiPolygon,3857) GENERATED ALWAYS AS (ST_Transform(geom, 3857)) STORED,
	"label_point" geometry(Point,4326) GENERATED ALWAYS AS (ST_PointOnSurface(geom)) STORED,
	"area_m2" double precision GENERATED ALWAYS AS (ST_Area(geom::geography)) STORED,
	"vertex_count" integer GENERATED ALWAYS AS (ST_NPoints(geom)) STORED,
	"demand_level" "demand_level" DEFAULT 'medium' NOT NULL,
	"time_zone" text DEFAULT 'Europe/London' NOT NULL,
	"currency" char(3) DEFAULT 'GBP' NOT NULL,
	"tax_region" text DEFAULT 'GB' NOT NULL,
	"sla_acceptance_on_demand_minutes" integer,
	"sla_acceptance_scheduled_minutes" integer,
	"sla_arrival_minutes" integer,
	"sla_completion_minutes" integer,
	"status" "zone_status" DEFAULT 'active' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "zones_geom_valid" CHECK (ST_IsValid("zones"."geom")),
	CONSTRAINT "zones_owner_kind" CHECK ("zones"."owner_kind" in ('platform', 'provider')),
	CONSTRAINT "zones_name_length" CHECK (char_length("zones"."name") between 1 and 120),
	CONSTRAINT "zones_currency_shape" CHECK ("zones"."currency" ~ '^[A-Z]{3}$'),
	CONSTRAINT "zones_sla_positive" CHECK (coalesce("zones"."sla_acceptance_on_demand_minutes", 1) > 0 and coalesce("zones"."sla_acceptance_scheduled_minutes", 1) > 0 and coalesce("zones"."sla_arrival_minutes", 1) > 0 and coalesce("zones"."sla_completion_minutes", 1) > 0)
);
--> statement-breakpoint
ALTER TABLE "favourite_providers" ADD CONSTRAINT "favourite_providers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "favourite_providers" ADD CONSTRAINT "favourite_providers_provider_org_id_organisations_id_fk" FOREIGN KEY ("provider_org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider_hours" ADD CONSTRAINT "provider_hours_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider_profiles" ADD CONSTRAINT "provider_profiles_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "services" ADD CONSTRAINT "services_provider_org_id_organisations_id_fk" FOREIGN KEY ("provider_org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "services" ADD CONSTRAINT "services_category_id_service_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."service_categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "zone_coverage" ADD CONSTRAINT "zone_coverage_provider_org_id_organisations_id_fk" FOREIGN KEY ("provider_org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "zone_coverage" ADD CONSTRAINT "zone_coverage_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "zone_coverage" ADD CONSTRAINT "zone_coverage_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "zone_metrics" ADD CONSTRAINT "zone_metrics_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "zone_snapshot_runs" ADD CONSTRAINT "zone_snapshot_runs_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "zone_snapshots" ADD CONSTRAINT "zone_snapshots_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "zones" ADD CONSTRAINT "zones_owner_org_id_organisations_id_fk" FOREIGN KEY ("owner_org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "zones" ADD CONSTRAINT "zones_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "favourite_providers_provider_idx" ON "favourite_providers" USING btree ("provider_org_id");--> statement-breakpoint
CREATE INDEX "provider_hours_org_idx" ON "provider_hours" USING btree ("org_id","weekday");--> statement-breakpoint
CREATE INDEX "provider_profiles_base_point_gix" ON "provider_profiles" USING gist ("base_point");--> statement-breakpoint
CREATE INDEX "services_provider_idx" ON "services" USING btree ("provider_org_id");--> statement-breakpoint
CREATE INDEX "services_category_idx" ON "services" USING btree ("category_id");--> statement-breakpoint
CREATE INDEX "places_name_lower_idx" ON "places" USING btree (lower("name") text_pattern_ops);--> statement-breakpoint
CREATE INDEX "places_point_gix" ON "places" USING gist ("point");--> statement-breakpoint
CREATE UNIQUE INDEX "zone_coverage_key" ON "zone_coverage" USING btree ("provider_org_id","zone_id","service_id");--> statement-breakpoint
CREATE INDEX "zone_coverage_zone_idx" ON "zone_coverage" USING btree ("zone_id");--> statement-breakpoint
CREATE INDEX "zone_coverage_service_idx" ON "zone_coverage" USING btree ("service_id");--> statement-breakpoint
CREATE INDEX "zone_snapshot_runs_started_idx" ON "zone_snapshot_runs" USING btree ("started_at");--> statement-breakpoint
CREATE INDEX "zone_snapshots_zone_taken_idx" ON "zone_snapshots" USING btree ("zone_id","taken_at");--> statement-breakpoint
CREATE INDEX "zones_geom_gix" ON "zones" USING gist ("geom");--> statement-breakpoint
CREATE INDEX "zones_geom_mercator_gix" ON "zones" USING gist ("geom_mercator");--> statement-breakpoint
CREATE INDEX "zones_owner_idx" ON "zones" USING btree ("owner_org_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "zones_owner_name_key" ON "zones" USING btree ("owner_org_id",lower("name")) WHERE "zones"."status" <> 'archived';